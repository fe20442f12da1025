/**
 * What Node gives for `#mathjs-parser` (package.json `imports`, condition "node": the CLI, the
 * bench and Jest): the two things the rule sandbox imports, `create` and `parseDependencies`,
 * loaded from mathjs on first use. Bundlers (webpack, condition "default") get `mathjs/number`
 * itself and keep only those two through tree shaking.
 *
 * Why: the number build's entry point builds every mathjs function when it loads (~670 modules,
 * ~0.2 s of a `chips report` run, 1–1.5 s of CPU in each Jest file), though the sandbox only
 * parses, and most scenarios (the built-ins among them) have no custom rule, so nothing here
 * loads at all. A lazy require() in the engine itself would defeat the bundle's tree shaking.
 * The objects are mathjs's own, from the modules its entry point re-exports.
 */
"use strict";
const path = require("path");

const lib = path.join(path.dirname(require.resolve("mathjs/package.json")), "lib", "cjs");
let create, parseDependencies;

Object.defineProperty(exports, "__esModule", { value: true });
Object.defineProperty(exports, "create", { enumerable: true, get: () => (create ??= require(path.join(lib, "core", "create.js")).create) });
Object.defineProperty(exports, "parseDependencies", {
  enumerable: true,
  get: () => (parseDependencies ??= require(path.join(lib, "entry", "dependenciesNumber", "dependenciesParse.generated.js")).parseDependencies),
});
