/**
 * What Jest gives for `mathjs/number`: the two things the rule sandbox imports from it, `create`
 * and `parseDependencies`, loaded from mathjs on first use.
 *
 * Why: the number build's entry point builds every mathjs function when it loads (~670 modules,
 * 1–1.5 s of CPU in each test file, since Jest loads modules afresh per file), though the sandbox
 * only parses. The add-in's bundle keeps just these two through tree shaking; this is the same for
 * Jest. The objects are mathjs's own, from the modules its entry point re-exports.
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
