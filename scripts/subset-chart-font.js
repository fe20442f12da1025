#!/usr/bin/env node
// Writes assets/fonts/DejaVuSans*.ttf: Debian's fonts-dejavu-core cut down to the charts' coverage
// (src/report/render/chartFont.ts), with harfbuzz's subsetter (subset-font). Run after changing the
// coverage: `npm run build:cli && node scripts/subset-chart-font.js`; test/report/render/chartFont.test.ts
// checks the cut draws every covered character exactly as the full font does.
"use strict";
const fs = require("fs");
const path = require("path");
const subsetFont = require("subset-font");
const { CHART_FONT_FILES, chartFontCharacters } = require("../lib/report/render/chartFont");

const SYSTEM = "/usr/share/fonts/truetype/dejavu";
const OUT = path.join(__dirname, "..", "assets", "fonts");

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const file of CHART_FONT_FILES) {
    const full = fs.readFileSync(path.join(SYSTEM, file));
    const cut = await subsetFont(full, chartFontCharacters(), { targetFormat: "truetype" });
    fs.writeFileSync(path.join(OUT, file), cut);
    console.log(`${file}: ${full.length} bytes → ${cut.length} bytes`);
  }
})().catch((e) => {
  console.error(`subset-chart-font: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
