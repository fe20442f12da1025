/*
 * The browser build type-checks the lazily loaded xlsx renderer (src/report/render/xlsx.ts),
 * whose ExcelJS patch loads two ExcelJS internals with `require` (webpack bundles them into
 * the xlsx chunk). This declares `require` exactly as @types/node does, so the Node typecheck
 * merges it unchanged and the web build knows the name; no browser code should call it.
 */
declare namespace NodeJS {
  interface Require {
    (id: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- as @types/node declares it
  }
}
declare var require: NodeJS.Require; // eslint-disable-line no-var
