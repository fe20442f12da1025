/**
 * Two projects: `unit` (engine, report, functions, pure pane logic: in-process, the inner loop,
 * `npm run test:unit`) and `integration` (what needs another process: the CLI binary, the webpack
 * build, chromium, LibreOffice). `npm test` runs both.
 * Tests are transpiled, not type-checked: `npm run typecheck` does that once (CI runs it first).
 */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] };

/** Test files (regular expressions on the path) that start processes, a browser, LibreOffice or a webpack build. */
const INTEGRATION = [
  "/test/build\\.test\\.ts$",
  "/test/manifest\\.test\\.ts$",
  "/test/publicUrl\\.test\\.ts$",
  "/test/cli/(.*\\.)?process\\.test\\.ts$",
  "/test/cli/report\\.builtIns\\.test\\.ts$", // whole reports written: xlsx, Word, every chart as PNG
  "/test/report/render/xlsx(Layout)?\\.test\\.ts$", // whole workbooks written and read back with ExcelJS
  "/test/report/render/libreoffice\\.test\\.ts$",
  "/test/report/render/print\\.test\\.ts$",
  "/test/report/render/pictureThread\\.test\\.ts$", // worker threads from the compiled lib/
  "/test/report/render/office\\.test\\.ts$",
  "/test/engine/rules/toExcelFormula\\.test\\.ts$",
  "/test/taskpane/.*e2e\\.test\\.ts$",
];

// The rule sandbox's `#mathjs-parser` resolves through package.json `imports` as in Node
// (src/node/mathjsParser.js: mathjs loaded on first use), so no moduleNameMapper.
const common = { testEnvironment: "node", roots: ["<rootDir>/test"], transform, setupFiles: ["<rootDir>/test/support/lawRunsSetup.ts"] };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000, // a global option: projects do not carry it
  // Jest's default on 2 cores is one worker; much of a test file's time is spent waiting on
  // LibreOffice, chromium or the file system, so two workers keep both cores busy.
  maxWorkers: 2,
  projects: [
    { ...common, displayName: "unit", testRegex: "\\.test\\.ts$", testPathIgnorePatterns: ["/node_modules/", ...INTEGRATION] },
    {
      ...common,
      displayName: "integration",
      testRegex: INTEGRATION,
      globalSetup: "<rootDir>/test/support/integrationSetup.ts",
      globalTeardown: "<rootDir>/test/support/integrationTeardown.ts",
    },
  ],
};
