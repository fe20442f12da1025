/**
 * The picture thread: what `chips report` makes on a worker thread equals, byte for byte, what
 * this thread makes; its failures reach the caller as errors, and it never holds the process.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { Report, buildReport } from "../../../src/report";
import { makePictures } from "../../../src/report/render/pictures";
import { pictureMaker } from "../../../src/report/render/pictureThread";
import { ROOT, ensureBuilt } from "../../cli/chips";
import { builtInInputs } from "../support/builtIns";

jest.setTimeout(60_000);

/** The compiled worker (lib/, built by ensureBuilt); Jest's sources have none. */
const SCRIPT = path.join(ROOT, "lib", "report", "render", "pictureWorker.js");
let report: Report;
beforeAll(() => {
  ensureBuilt();
  report = buildReport(builtInInputs(), { uncertainty: { include: true } });
});

/** A .docx's parts, its creation and change dates aside. */
async function parts(docx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.file(name)!.async("base64");
    out[name] = name === "docProps/core.xml" ? Buffer.from(text, "base64").toString().replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "(date)") : text;
  }
  return out;
}

test("law: the worker's charts, workbook pictures and Word note equal this thread's, byte for byte", async () => {
  const maker = pictureMaker(SCRIPT);
  expect(maker.threaded).toBe(true);
  try {
    const there = maker.make(report, true);
    const here = makePictures({ title: report.title, charts: report.charts, note: report.note }, true);
    const [a, b] = await Promise.all([Promise.all([there.charts, there.images, there.docx!]), Promise.all([here.charts, here.images, here.docx!])]);
    expect(a[0].map((f) => f.name)).toEqual(b[0].map((f) => f.name));
    a[0].forEach((f, i) => expect(Buffer.from(f.data).equals(Buffer.from(b[0][i].data))).toBe(true));
    expect([...a[1].keys()]).toEqual(report.charts.map((c) => c.id));
    for (const [id, image] of a[1]) {
      expect(Buffer.from(image.png).equals(Buffer.from(b[1].get(id)!.png))).toBe(true);
      expect([image.width, image.height]).toEqual([b[1].get(id)!.width, b[1].get(id)!.height]);
    }
    expect(a[2].map((f) => f.name)).toEqual(["chokepoint.docx"]);
    expect(await parts(a[2][0].data as Uint8Array)).toEqual(await parts(b[2][0].data as Uint8Array));
  } finally {
    maker.close();
  }
});

test("without a Word note the worker posts the charts only", async () => {
  const maker = pictureMaker(SCRIPT);
  try {
    const pictures = maker.make(report, false);
    expect(pictures.docx).toBeUndefined();
    expect((await pictures.charts).length).toBe(2 * report.charts.length);
  } finally {
    maker.close();
  }
});

test("a note the worker cannot write rejects the note with the worker's message; the charts still come", async () => {
  const maker = pictureMaker(SCRIPT);
  try {
    const broken = { ...report, note: { ...report.note!, exhibits: "not a list" } } as unknown as Report;
    const pictures = maker.make(broken, true);
    expect((await pictures.charts).length).toBe(2 * report.charts.length);
    await expect(pictures.docx).rejects.toThrow(/exhibits|not iterable|is not a function/);
  } finally {
    maker.close();
  }
});

/** A picture maker running a worker script of `source`, for the body; the script and maker go afterwards. */
async function withWorker(source: string, body: (maker: ReturnType<typeof pictureMaker>) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-picture-thread-"));
  const script = path.join(dir, "worker.js");
  fs.writeFileSync(script, source);
  const maker = pictureMaker(script);
  try {
    await body(maker);
  } finally {
    maker.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("a worker that dies before it answers rejects every promise, naming its exit code", () =>
  withWorker("require('worker_threads').parentPort.once('message', () => process.exit(3));", async (maker) => {
    const pictures = maker.make(report, true);
    await expect(pictures.charts).rejects.toThrow(/exit code 3/);
    await expect(pictures.images).rejects.toThrow(/exit code 3/);
    await expect(pictures.docx).rejects.toThrow(/exit code 3/);
  }));

test("a worker that fails to load fails the request with its error, however late the request comes", () =>
  withWorker("throw new Error('no renderer on this machine');", async (maker) => {
    await new Promise((resolve) => setTimeout(resolve, 500)); // the worker has died by now, unasked
    const pictures = maker.make(report, false);
    await expect(pictures.charts).rejects.toThrow(/no renderer on this machine/);
    await expect(pictures.images).rejects.toThrow(/no renderer on this machine/);
  }));

test("without the compiled worker the pictures are made on this thread", async () => {
  const maker = pictureMaker(path.join(os.tmpdir(), "no-such-picture-worker.js"));
  expect(maker.threaded).toBe(false);
  expect((await maker.make(report, false).charts).length).toBe(2 * report.charts.length);
  maker.close();
});
