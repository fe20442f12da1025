/**
 * Two projects: `unit` (engine, report, functions, pure pane logic: in-process, the inner loop,
 * `npm run test:unit`) and `integration` (what needs another process: the CLI binary, the webpack
 * build, chromium, LibreOffice). `npm test` runs both.
 * Tests are transpiled, not type-checked: `npm run typecheck` does that once (CI runs it first).
 */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] };

/** Test files that start processes, a browser, LibreOffice or a webpack build. */
const INTEGRATION = [
  "<rootDir>/test/build.test.ts",
  "<rootDir>/test/manifest.test.ts",
  "<rootDir>/test/cli/**/*.test.ts",
  "<rootDir>/test/report/render/libreoffice.test.ts",
  "<rootDir>/test/report/render/office.test.ts",
  "<rootDir>/test/engine/rules/toExcelFormula.test.ts",
  "<rootDir>/test/taskpane/**/*.e2e.test.ts",
];

const common = { testEnvironment: "node", roots: ["<rootDir>/test"], transform, testTimeout: 30000 };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["**/*.test.ts"], testPathIgnorePatterns: INTEGRATION.map(toRegex) },
    { ...common, displayName: "integration", testMatch: INTEGRATION },
  ],
};

function toRegex(glob) {
  return glob
    .replace("<rootDir>", "")
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*\//g, "(.*/)?")
    .replace(/\*/g, "[^/]*");
}
