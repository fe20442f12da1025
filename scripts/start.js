#!/usr/bin/env node
/*
 * `npm start` / `npm stop`. Sideloading into desktop Excel needs office-addin-debugging, which
 * is not a dependency (it cannot install cleanly on Linux, and cannot sideload there anyway;
 * see TOOLCHAIN.md). So: on Windows/macOS, delegate to it when the developer has installed it;
 * everywhere else print how to sideload by hand, and exit 0.
 */
"use strict";
const { spawnSync } = require("child_process");

const stop = process.argv.includes("--stop");
const MANIFEST = "manifest.xml";

function hasDebuggingTool() {
  try {
    require.resolve("office-addin-debugging/package.json");
    return true;
  } catch {
    return false;
  }
}

if ((process.platform === "win32" || process.platform === "darwin") && hasDebuggingTool()) {
  const args = stop ? ["stop", MANIFEST] : ["start", MANIFEST, "desktop", "--app", "excel"];
  const r = spawnSync("npx", ["office-addin-debugging", ...args], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(r.status ?? 1);
}

const start = `Chokepoint: no automatic sideloading on this machine (${process.platform}).

Excel on the web (any OS):
  1. npm run dev-server          serves https://localhost:3000 (self-signed certificate)
  2. open https://localhost:3000/taskpane.html once in the same browser and accept the
     certificate, so Excel may load the add-in from it
  3. in a workbook: Home > Add-ins (or Insert > Add-ins) > More Add-ins > Upload My Add-in,
     and choose ${MANIFEST}

Excel desktop (Windows/macOS):
  npm install --no-save office-addin-debugging
  npx office-addin-debugging start ${MANIFEST} desktop --app excel
  (it runs the dev server and sideloads; "npm stop" undoes it)
`;

const stopText = `Chokepoint: nothing was sideloaded automatically here, so there is nothing to stop.

Stop "npm run dev-server" with Ctrl+C. In Excel on the web, uploaded add-ins last for the
browser session; remove one under Add-ins > My Add-ins. On Windows/macOS with
office-addin-debugging installed: npx office-addin-debugging stop ${MANIFEST}
`;

console.log(stop ? stopText : start);
