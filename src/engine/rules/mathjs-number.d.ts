/**
 * `mathjs/number` (mathjs's number-only build) is declared through package.json `exports`, and
 * `#mathjs-parser` through our package.json `imports`; the "node" module resolution of
 * tsconfig.base.json reads neither. Their API and types are mathjs's own, so re-export them under
 * those names (`#mathjs-parser` gives the sandbox only what it imports).
 */
declare module "mathjs/number" {
  export * from "mathjs";
}

declare module "#mathjs-parser" {
  export { create, parseDependencies } from "mathjs";
}
