/**
 * Webpack plugin: emits help.html, the README rendered as one page, so the @helpurl of every
 * custom function (https://localhost:3000/help.html#chips…) opens the README's section on it.
 */
const fs = require("fs");

class HelpPagePlugin {
  /** `omitSections`: README "## " headings left out of the page, with their text. */
  constructor({ readme, filename = "help.html", omitSections = [] }) {
    this.readme = readme;
    this.filename = filename;
    this.omitSections = omitSections;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: "HelpPagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const { marked } = await import("marked");
        compilation.fileDependencies.add(this.readme);
        const body = marked.parse(withoutSections(fs.readFileSync(this.readme, "utf8"), this.omitSections));
        const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chokepoint — help</title>
<style>body{font:14px/1.5 "Segoe UI",system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#242424}
code,pre{font-family:Consolas,monospace;background:#f3f3f3}pre{padding:.6em;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #d1d1d1;padding:.25em .5em;text-align:left}</style>
</head><body>
${body}
</body></html>
`;
        compilation.emitAsset(this.filename, new RawSource(html));
      });
    });
  }
}

/** The markdown without the "## " sections whose headings are listed (each up to the next "## "). */
function withoutSections(markdown, headings) {
  if (headings.length === 0) return markdown;
  const parts = markdown.split(/^(?=## )/m);
  return parts.filter((part) => !headings.some((h) => part.startsWith(`## ${h}\n`))).join("");
}

module.exports = { HelpPagePlugin, withoutSections };
