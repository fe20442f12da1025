/** `#mathjs-parser` in Node: mathjs's own parser objects, loaded on first read (see src/node/mathjsParser.js). */
import * as path from "path";
import * as parser from "#mathjs-parser";

test("Node resolves #mathjs-parser to the loader in src/node (package.json imports, condition node)", () => {
  expect(require.resolve("#mathjs-parser")).toBe(path.resolve(__dirname, "..", "..", "src", "node", "mathjsParser.js"));
});

test("its create and parseDependencies are mathjs's own, the ones mathjs/number exports", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const numberBuild = require("mathjs/number") as typeof import("mathjs");
  expect(parser.create).toBe(numberBuild.create);
  expect(parser.parseDependencies).toBe(numberBuild.parseDependencies);
});

test("an instance made from them parses", () => {
  const math = parser.create({ parseDependencies: parser.parseDependencies });
  expect(math.parse("min(units, 5) * 2").type).toBe("OperatorNode");
});
