import { DocPath, formatPath } from "../../src/engine";

/**
 * A path's text back as segments, for tests that write problems by their familiar text
 * (`buyers[0].requested[1]`, `market.supply["x.y"]`); it checks the text is what formatPath
 * writes, so a test cannot pass on a path the engine would never produce.
 */
export function pathSegments(path: string): DocPath {
  const out: (string | number)[] = [];
  const token = /^(?:\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  for (let rest = path; rest !== ""; ) {
    const m = token.exec(rest);
    if (!m) throw new Error(`not a path: ${path}`);
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
    rest = rest.slice(m[0].length);
  }
  if (formatPath(out) !== path) throw new Error(`${path} is written ${formatPath(out)}`);
  return out;
}
