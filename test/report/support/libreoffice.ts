/**
 * LibreOffice headless (Debian package libreoffice-calc-nogui) as an independent spreadsheet:
 * it opens our .xlsx files, recalculates them and saves them again.
 *
 * LibreOffice does not recalculate .xlsx formulas on load by default ("Recalculation on file
 * load: Excel 2007 and newer" = never; it also ignores calcPr fullCalcOnLoad), so each run uses
 * a fresh user profile whose registrymodifications.xcu sets OOXMLRecalcMode = 0 (always).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The soffice executable, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const found = r.stdout.trim();
  return r.status === 0 && found ? found : undefined;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens each file in LibreOffice, recalculates every formula, and saves it as `format` into
 * `outDir` (same base name), through export `filter` when given (e.g. a CSV filter with its
 * options). Throws with LibreOffice's output when a file does not convert.
 */
export function convert(soffice: string, files: readonly string[], outDir: string, format = "xlsx", filter?: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chips-lo-profile-"));
  try {
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const log = execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter ? `${format}:${filter}` : format, "--outdir", outDir, ...files], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    });
    return files.map((f) => {
      const out = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${format}`));
      if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${f}:\n${log}`);
      return out;
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
