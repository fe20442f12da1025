/**
 * Offline structural checks of manifest.xml (Microsoft's validator needs the network, and no
 * XSD ships in any package): well-formed, resource ids consistent, shared runtime wired up,
 * and every localhost URL names a file the production build really emits.
 */
import fs from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { BUILD_TIMEOUT_MS, ROOT, filesIn, productionBuild } from "./support/build";

type El = Record<string, unknown>;

const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
// Every element an array and attributes as "@name", so the shape never depends on counts.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, _jpath, _leaf, isAttribute) => !isAttribute,
});
const doc = parser.parse(xml) as El;

const BASE_URL = "https://localhost:3000/";

/** The elements reached by following child tag names from `from` (flattened). */
function at(from: El, ...names: string[]): El[] {
  let level = [from];
  for (const name of names) {
    level = level.flatMap((el) => {
      const v = el[name];
      return Array.isArray(v) ? v.map((x) => (typeof x === "object" && x !== null ? (x as El) : { "#text": x })) : [];
    });
  }
  return level;
}
const attr = (el: El | undefined, name: string) => el?.[`@${name}`] as string | undefined;
const text = (el: El | undefined) => String(el?.["#text"] ?? "").trim();
const one = <T>(els: T[], what: string): T => {
  if (els.length !== 1) throw new Error(`expected exactly one ${what}, found ${els.length}`);
  return els[0];
};

/** Calls `visit` on every element below `el`, skipping subtrees named in `skip`. */
function walk(el: El, visit: (el: El) => void, skip: readonly string[] = []): void {
  for (const [key, value] of Object.entries(el)) {
    if (key.startsWith("@") || key === "#text" || skip.includes(key) || !Array.isArray(value)) continue;
    for (const child of value) {
      if (typeof child !== "object" || child === null) continue;
      visit(child as El);
      walk(child as El, visit, skip);
    }
  }
}

/** Requirement set name → minimum version, from a Requirements element's Sets/Set children. */
function requirementSets(requirements: El, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const sets of at(requirements, `${prefix}Sets`)) {
    for (const set of at(sets, `${prefix}Set`)) {
      out.set(attr(set, "Name") ?? "", attr(set, "MinVersion") ?? attr(sets, "DefaultMinVersion") ?? "1.1");
    }
  }
  return out;
}

const app = one(at(doc, "OfficeApp"), "OfficeApp");
const overrides = one(at(app, "VersionOverrides"), "VersionOverrides");
const resources = one(at(overrides, "Resources"), "Resources");
const host = one(at(overrides, "Hosts", "Host"), "VersionOverrides Host");

const RESOURCE_KINDS = [
  ["bt:Images", "bt:Image"],
  ["bt:Urls", "bt:Url"],
  ["bt:ShortStrings", "bt:String"],
  ["bt:LongStrings", "bt:String"],
] as const;
const definitions = RESOURCE_KINDS.flatMap(([group, item]) =>
  at(resources, group, item).map((el) => ({ id: attr(el, "id") ?? "", value: attr(el, "DefaultValue") ?? "" })),
);
const valueOf = (id: string | undefined) => one(definitions.filter((d) => d.id === id), `resource ${id}`).value;

const referenced: string[] = [];
walk(app, (el) => {
  const resid = attr(el, "resid");
  if (resid !== undefined) referenced.push(resid);
}, ["Resources"]);

/** Every <bt:Image size=… resid=…> use in the Host (ribbon icons). */
function ribbonImages(): { size: string; resid: string }[] {
  const found: { size: string; resid: string }[] = [];
  walk(host, (el) => {
    for (const img of at(el, "bt:Image")) found.push({ size: attr(img, "size") ?? "", resid: attr(img, "resid") ?? "" });
  });
  return found;
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("is an Excel task pane add-in with a GUID id and the Chokepoint names", () => {
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(text(one(at(app, "Id"), "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(one(at(app, "ProviderName"), "ProviderName"))).toBe("Chokepoint");
    expect(attr(one(at(app, "DisplayName"), "DisplayName"), "DefaultValue")).toBe("Chokepoint");
    expect(at(app, "Hosts", "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(attr(overrides, "xsi:type")).toBe("VersionOverridesV1_0");
    expect(attr(host, "xsi:type")).toBe("Workbook");
  });

  test("defines every referenced resid exactly once", () => {
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of new Set(referenced)) {
      expect({ id, definitions: definitions.filter((d) => d.id === id).length }).toEqual({ id, definitions: 1 });
    }
  });

  test("defines no resource twice and none that is unused", () => {
    const ids = definitions.map((d) => d.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !referenced.includes(id))).toEqual([]);
  });

  test("requires the shared runtime, and both runtimes for the overrides", () => {
    const base = requirementSets(one(at(app, "Requirements"), "base Requirements"));
    expect(base.get("SharedRuntime")).toBe("1.1");
    const inOverrides = requirementSets(one(at(overrides, "Requirements"), "VersionOverrides Requirements"), "bt:");
    expect(inOverrides.get("SharedRuntime")).toBe("1.1");
    expect(inOverrides.get("CustomFunctionsRuntime")).toBe("1.1");
  });

  test("runs functions, task pane and commands in one long-lived page", () => {
    const runtime = one(at(host, "Runtimes", "Runtime"), "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const page = attr(runtime, "resid");
    expect(valueOf(page)).toBe(`${BASE_URL}taskpane.html`);

    const cf = one(at(host, "AllFormFactors", "ExtensionPoint").filter((e) => attr(e, "xsi:type") === "CustomFunctions"), "CustomFunctions extension point");
    expect(attr(one(at(cf, "Page", "SourceLocation"), "Page"), "resid")).toBe(page);
    expect(valueOf(attr(one(at(cf, "Script", "SourceLocation"), "Script"), "resid"))).toBe(`${BASE_URL}functions.js`);
    expect(valueOf(attr(one(at(cf, "Metadata", "SourceLocation"), "Metadata"), "resid"))).toBe(`${BASE_URL}functions.json`);
    expect(valueOf(attr(one(at(cf, "Namespace"), "Namespace"), "resid"))).toBe("CHIPS");

    const desktop = one(at(host, "DesktopFormFactor"), "DesktopFormFactor");
    expect(attr(one(at(desktop, "FunctionFile"), "FunctionFile"), "resid")).toBe(page);
    const actions = at(desktop, "ExtensionPoint", "OfficeTab", "Group", "Control", "Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
      expect(text(one(at(action, "TaskpaneId"), "TaskpaneId"))).not.toBe("");
      expect(attr(one(at(action, "SourceLocation"), "SourceLocation"), "resid")).toBe(page);
    }
    expect(attr(one(at(app, "DefaultSettings", "SourceLocation"), "DefaultSettings"), "DefaultValue")).toBe(valueOf(page));
  });

  describe("against the production build", () => {
    let out: string;
    let files: string[];
    beforeAll(async () => {
      out = await productionBuild();
      files = filesIn(out);
    }, BUILD_TIMEOUT_MS);

    /** Width and height from a PNG's IHDR chunk. */
    const pngSize = (file: string): [number, number] => {
      const buf = fs.readFileSync(path.join(out, file));
      expect(buf.subarray(1, 4).toString("latin1")).toBe("PNG");
      return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
    };
    const fileOf = (url: string) => url.slice(BASE_URL.length).split(/[?#]/)[0];

    test("every localhost URL names a file the build emits; others are https", () => {
      const urls = [
        ...at(resources, "bt:Images", "bt:Image").concat(at(resources, "bt:Urls", "bt:Url")).map((el) => attr(el, "DefaultValue") ?? ""),
        ...["IconUrl", "HighResolutionIconUrl"].map((tag) => attr(one(at(app, tag), tag), "DefaultValue") ?? ""),
        attr(one(at(app, "DefaultSettings", "SourceLocation"), "DefaultSettings"), "DefaultValue") ?? "",
      ];
      for (const url of urls) {
        expect(url).toMatch(/^https:\/\//);
        if (url.startsWith(BASE_URL)) expect(files).toContain(fileOf(url));
      }
      expect(files).toContain("manifest.xml");
    });

    test("icons have the sizes the manifest declares", () => {
      const images = ribbonImages();
      expect(images.length).toBeGreaterThan(0);
      for (const { size, resid } of images) {
        const n = Number(size);
        expect({ resid, size: pngSize(fileOf(valueOf(resid))) }).toEqual({ resid, size: [n, n] });
      }
      expect(pngSize(fileOf(attr(one(at(app, "IconUrl"), "IconUrl"), "DefaultValue") ?? ""))).toEqual([32, 32]);
      expect(pngSize(fileOf(attr(one(at(app, "HighResolutionIconUrl"), "HighResolutionIconUrl"), "DefaultValue") ?? ""))).toEqual([64, 64]);
    });
  });
});
