/**
 * `mathjs/number` (mathjs's number-only build) is declared through package.json `exports`, which
 * the "node" module resolution of tsconfig.base.json does not read. Its API and types are
 * mathjs's own, so re-export them under the subpath name.
 */
declare module "mathjs/number" {
  export * from "mathjs";
}
