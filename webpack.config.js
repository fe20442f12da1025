/*
 * Webpack build of the Excel add-in with a SHARED RUNTIME: taskpane.html is the one page
 * Office keeps alive (manifest Runtimes/Runtime lifetime="long"), so it loads the functions,
 * taskpane and commands bundles together. Each bundle stays self-contained (no split chunks)
 * because the manifest also points at functions.js directly. The one exception is loaded on
 * demand: the taskpane's "Download .xlsx" (preview host) imports the report's xlsx renderer and
 * ExcelJS as the chunk xlsx.<hash>.js, fetched only when the user clicks it.
 *
 * ExcelJS in the browser: "exceljs" resolves to its unbundled sources (lib/exceljs.bare.js, what
 * its own browser build wraps), so the renderer's patches to ExcelJS internals apply to the
 * same modules; Node built-ins map to their npm browser versions, fs and crypto to nothing
 * (only reading files and sheet protection use them), and `process` to a small shim.
 *
 * office.js is NOT bundled or copied: taskpane.html loads it from Microsoft's CDN, which
 * Office requires of production add-ins and which always matches the host's API version.
 * Tests only read the built files; a browser test must intercept that URL (e.g. serve
 * node_modules/@microsoft/office-js/dist/office.js) instead of fetching it.
 *
 * `--env outDir=<dir>` redirects the output (the Jest build helper uses it to leave dist/ alone).
 * `--env publicUrl=https://host/path/` (or PUBLIC_URL=…) builds for deployment: every manifest URL
 * and help URL points there instead of the dev server, and the help page leaves out the sections
 * for developers (they describe the dev server).
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { HelpPagePlugin } = require("./scripts/helpPage");
const { PublicUrlPlugin, normalisePublicUrl } = require("./scripts/publicUrl");

/** README sections about running the dev server: not for the people using a deployed add-in. */
const DEVELOPER_SECTIONS = ["Running the add-in in Excel", "Development"];

module.exports = (env = {}) => {
  const publicUrl = normalisePublicUrl(env.publicUrl ?? process.env.PUBLIC_URL);
  return {
    devtool: "source-map",
    entry: {
      // calcWorker.ts: long CHIPS calculations in the worker (see that file)
    functions: ["./src/functions/functions.ts", "./src/functions/calcWorker.ts"],
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: "[name].js", // stable names: the manifest refers to functions.js
      chunkFilename: "[name].[contenthash:8].js", // on-demand chunks (the xlsx download)
      clean: true,
    },
    optimization: { splitChunks: false }, // an on-demand chunk carries all it needs, in one file
    resolve: {
      extensions: [".ts", ".js"],
      alias: { exceljs$: require.resolve("exceljs/lib/exceljs.bare.js") },
      fallback: {
        fs: false,
        crypto: false,
        stream: require.resolve("readable-stream"),
        events: require.resolve("events/"),
        buffer: require.resolve("buffer/"),
        util: require.resolve("util/"),
        string_decoder: require.resolve("string_decoder/"),
      },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: { configFile: path.resolve(__dirname, "tsconfig.web.json") },
        },
      ],
    },
    plugins: [
      // Only ExcelJS and its stream library use these free variables (they land in the xlsx chunk).
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"], process: path.resolve(__dirname, "src/taskpane/preview/nodeProcess.js") }),
      // functions.json is generated from the JSDoc in functions.ts; the plugin also appends
      // the CustomFunctions.associate calls to that module.
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      // help.html: the README as a page, target of every function's @helpurl
      new HelpPagePlugin({ readme: path.resolve(__dirname, "README.md"), omitSections: publicUrl ? DEVELOPER_SECTIONS : [] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane", "commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      ...(publicUrl ? [new PublicUrlPlugin({ publicUrl })] : []),
    ],
    performance: { hints: false }, // a task pane loads from localhost or a CDN, not a slow mobile link
    devServer: {
      host: "localhost", // never every interface (TOOLCHAIN.md)
      port: 3000,
      // office-addin-dev-certs is not installed: webpack-dev-server generates a self-signed
      // certificate, which the browser/Office must be told to trust once.
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false, // serve only the build output
    },
  };
};
