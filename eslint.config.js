// ESLint flat config: typescript-eslint recommended, plus the dependency boundaries of STYLE.md.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

/** Adapters import the engine's index (src/engine/index.ts), never its internals: a narrow engine surface. */
const ENGINE_INDEX_ONLY = { group: ["**/engine/*", "!**/engine/index"], message: "Import the engine from its index (../engine), not its internals." };
/** A path's text read back: `x.path.replace(…)`, `x.path.match(…)`, `/re/.exec(x.path)`, `/re/.test(x.path)`. */
const PATH_PARSING = [
  "CallExpression[callee.object.property.name='path'][callee.property.name=/^(replace|replaceAll|match|matchAll|split|search|startsWith|endsWith)$/]",
  "CallExpression[callee.property.name=/^(exec|test)$/][arguments.0.property.name='path']",
];
const NODE_BUILTINS = ["fs", "path", "os", "child_process", "http", "https", "net", "url", "util", "crypto", "stream", "worker_threads", "process", "buffer"];
const hostGlobals = ["window", "document", "navigator", "localStorage", "fetch", "Office", "Excel", "CustomFunctions", "OfficeRuntime", "process", "require", "Buffer", "__dirname", "global"].map(
  (name) => ({ name, message: "The engine is pure: no Office, DOM or Node API (STYLE.md)." }),
);

module.exports = tseslint.config(
  { ignores: ["dist/", "lib/", "out/", "node_modules/", "coverage/", "reports/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error", eqeqeq: ["error", "always"], "no-console": "off" },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: "The engine is pure: no Node API (STYLE.md)." })),
          patterns: [
            { group: ["node:*"], message: "The engine is pure: no Node API (STYLE.md)." },
            { group: ["**/functions/**", "**/taskpane/**", "**/commands/**", "**/cli/**", "**/report/**"], message: "Dependencies point one way: nothing in the engine imports its adapters." },
            { group: ["@microsoft/office-js", "office-*", "exceljs"], message: "The engine imports no host library." },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...hostGlobals],
    },
  },
  {
    // Office add-in conventions (the rules of office-addin-lint's recommended set) where Office.js is used.
    files: ["src/taskpane/**/*.ts", "src/commands/**/*.ts", "src/functions/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The report model is host-agnostic: only its renderers (render/) may touch Node or ExcelJS.
    files: ["src/report/**/*.ts"],
    ignores: ["src/report/render/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: "The report model is host-agnostic; write files in src/report/render or the CLI." })),
          patterns: [
            { group: ["node:*", "exceljs", "@microsoft/office-js", "office-*"], message: "The report model is host-agnostic (STYLE.md)." },
            { group: ["**/functions/**", "**/taskpane/**", "**/cli/**"], message: "Dependencies point one way: the report imports no adapter." },
            ENGINE_INDEX_ONLY,
          ],
        },
      ],
      "no-restricted-globals": ["error", ...hostGlobals],
    },
  },
  {
    // A narrow engine surface: adapters import the engine's index (src/engine/index.ts), never its internals.
    // (src/report outside render/ has its own no-restricted-imports block below, which includes this pattern.)
    files: ["src/functions/**/*.ts", "src/taskpane/**/*.ts", "src/report/render/**/*.ts", "src/cli/**/*.ts", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [ENGINE_INDEX_ONLY] }] },
  },
  {
    // Problems carry their location as segments (Problem.at); an adapter renders them, it never parses a path back.
    files: ["src/functions/**/*.ts", "src/cli/**/*.ts", "src/taskpane/uncertainty/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...PATH_PARSING.map((selector) => ({ selector, message: "Read a problem's segments (p.at), not its path text." })),
      ],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
