/**
 * Webpack plugin and helpers for a production build served from somewhere other than the dev
 * server: every `https://localhost:3000/` in the emitted text files (manifest.xml, the help URLs
 * the metadata plugin renders into functions.json from the @helpurl JSDoc, and the source map
 * that quotes that JSDoc) becomes the public URL. The sources keep localhost for development.
 */
const { URL } = require("url");

const DEV_URL = "https://localhost:3000/";
/** Emitted files that may quote a URL; images and other binaries are left alone. */
const TEXT_FILE = /\.(xml|json|js|map|html|css)$/;

/**
 * The public URL as the build uses it, or undefined when none is given (the dev default).
 * Office loads add-ins over HTTPS only, and the URL is a folder, so it ends with "/".
 * @example normalisePublicUrl("https://cdn.example.com/chokepoint") // returns "https://cdn.example.com/chokepoint/"
 */
function normalisePublicUrl(raw) {
  if (raw === undefined || raw === null || raw === "" || raw === true) return undefined;
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`publicUrl: ${JSON.stringify(raw)} is not a URL; give the HTTPS folder the built files are served from, e.g. https://host/path/`);
  }
  if (url.protocol !== "https:") throw new Error(`publicUrl: ${url.href} must start with https:// (Office loads add-ins over HTTPS only)`);
  if (url.search || url.hash) throw new Error(`publicUrl: ${url.href} must not have a query or a #fragment`);
  if (url.hostname === "localhost") throw new Error(`publicUrl: ${url.href} is the dev server; leave publicUrl out for a development build`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

class PublicUrlPlugin {
  constructor({ publicUrl }) {
    this.publicUrl = publicUrl;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PublicUrlPlugin", (compilation) => {
      // After source maps (DEV_TOOLING) and minification, before content hashes are final.
      compilation.hooks.processAssets.tap({ name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!TEXT_FILE.test(name)) continue;
          const text = assets[name].source().toString();
          if (!text.includes(DEV_URL)) continue;
          compilation.updateAsset(name, new sources.RawSource(text.split(DEV_URL).join(this.publicUrl)));
        }
      });
    });
  }
}

module.exports = { DEV_URL, PublicUrlPlugin, normalisePublicUrl };
