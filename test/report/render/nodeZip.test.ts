/**
 * The Node zip writer of the .xlsx: its parts are JSZip's parts, byte for byte, in a zip that
 * JSZip (with its CRC check) and ExcelJS read back; only the writes that ask for it use it.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import * as zlib from "zlib";
import { buildReport } from "../../../src/report";
import { crc32, nodeZipOptions, tableCrc32, zip } from "../../../src/report/render/nodeZip";
import { toWorkbook } from "../../../src/report/render/xlsx";
import { lawRuns } from "../../support/lawRuns";
import { builtInInputs } from "../support/builtIns";

/** Every file of a zip (folders aside), by name, in the zip's order; docProps/core.xml's dates masked. */
async function parts(data: Uint8Array): Promise<[string, string][]> {
  const z = await JSZip.loadAsync(data, { checkCRC32: true });
  const out: [string, string][] = [];
  for (const f of Object.values(z.files).filter((f) => !f.dir)) {
    const bytes = await f.async("nodebuffer");
    out.push([f.name, f.name === "docProps/core.xml" ? bytes.toString().replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "(date)") : bytes.toString("base64")]);
  }
  return out;
}

/** Each entry's compression method and sizes, from the zip's central directory. */
function directory(data: Buffer): { name: string; method: number; packed: number; size: number }[] {
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = data.readUInt16LE(at + 28);
    entries.push({ name: data.toString("utf8", at + 46, at + 46 + nameLength), method: data.readUInt16LE(at + 10), packed: data.readUInt32LE(at + 20), size: data.readUInt32LE(at + 24) });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

const report = buildReport(builtInInputs());
const write = async (options?: { compression: string }): Promise<Buffer> =>
  Buffer.from((await toWorkbook(report).xlsx.writeBuffer(options ? ({ zip: options } as unknown as ExcelJS.XlsxWriteOptions) : undefined)) as unknown as Uint8Array);

test("law: the Node-zipped workbook holds JSZip's parts, byte for byte, and reads back in ExcelJS", async () => {
  const [node, js] = [await write(nodeZipOptions()), await write()];
  expect(await parts(node)).toEqual(await parts(js));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(node as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(report.sheets.map((s) => s.name));
});

test("XML parts are deflated; a part deflating would not shrink is stored", async () => {
  const entries = directory(await write(nodeZipOptions()));
  expect(entries.filter((e) => e.name.endsWith(".xml")).every((e) => e.method === 8 && e.packed < e.size)).toBe(true);
  const z = zip([{ name: "noise.bin", data: zlib.deflateRawSync(Buffer.from("x".repeat(100))) }, { name: "ünïcode.xml", data: Buffer.from("<a/>".repeat(50)) }], new Date(Date.UTC(2026, 11, 2, 13, 45, 30)));
  const [noise, named] = directory(z);
  expect(noise).toMatchObject({ method: 0 });
  expect(noise.packed).toBe(noise.size);
  expect(named).toMatchObject({ name: "ünïcode.xml", method: 8 });
  const back = await JSZip.loadAsync(z, { checkCRC32: true });
  expect(await back.file("ünïcode.xml")!.async("string")).toBe("<a/>".repeat(50));
  expect(back.file("noise.bin")!.date.toISOString()).toBe("2026-12-02T13:45:30.000Z");
});

test("writes that do not ask for it are JSZip's, as before (its folder entries are the tell)", async () => {
  nodeZipOptions();
  expect(directory(await write()).some((e) => e.name.endsWith("/"))).toBe(true);
  expect(directory(await write(nodeZipOptions())).some((e) => e.name.endsWith("/"))).toBe(false);
});

test("law: the table CRC-32 (for Node before 20.15) equals zlib's", () => {
  expect(tableCrc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => tableCrc32(bytes) === crc32(bytes)),
    lawRuns(2),
  );
});
