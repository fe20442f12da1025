/**
 * The .xlsx zipped by Node instead of JSZip, which ExcelJS zips with: JSZip encodes the XML as
 * UTF-8, checksums it (CRC-32) and deflates it in JavaScript, a sixth of a large report's write;
 * here Buffer, zlib's CRC-32 and zlib's DEFLATE do it natively. The same zip every reader opens:
 * every part deflated at JSZip's default level (6), or stored where that is no smaller, no
 * folder entries (Excel writes none), no zip64 (parts under 4 GB). Node only (the add-in's
 * download keeps JSZip); only writes that ask for it (nodeZipOptions) use it, every other
 * ExcelJS write is JSZip's as before.
 */
import * as zlib from "zlib";

/** The `compression` name ExcelJS hands to its zip writer for this one. */
const NODE_ZIP = "NODE_ZIP";
const LEVEL = 6;

/**
 * The `zip` options of ExcelJS's writeBuffer that zip with Node; the first call installs the
 * writer in ExcelJS.
 */
export function nodeZipOptions(): { compression: string } {
  install();
  return { compression: NODE_ZIP };
}

type Data = string | ArrayBuffer | ArrayBufferView;
interface ZipWriterLike {
  stream: { end(content: Buffer): void };
  emit(event: string): boolean;
}
type ZipWriterClass = new (options?: { compression?: string }) => ZipWriterLike;
const INSTALLED = Symbol.for("chokepoint.nodeZip");

function install(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zipStream = require("exceljs/lib/utils/zip-stream") as { ZipWriter: ZipWriterClass & { [INSTALLED]?: true } };
  if (zipStream.ZipWriter[INSTALLED]) return;
  const JsZipWriter = zipStream.ZipWriter;

  /** ExcelJS's writer (its stream interface), with the parts kept and zipped here. */
  class NodeZipWriter extends JsZipWriter {
    private readonly parts: ZipPart[] = [];

    append(data: Data, options: { name: string; base64?: boolean }): void {
      this.parts.push({ name: options.name, data: bytes(data, options.base64 === true) });
    }

    async finalize(): Promise<void> {
      this.stream.end(zip(this.parts, new Date()));
      this.emit("finish");
    }
  }

  // ExcelJS constructs `new ZipStream.ZipWriter(options.zip)` at each write: a constructor
  // returning an object gives that object to `new`.
  const ZipWriter = function (options?: { compression?: string }) {
    return options?.compression === NODE_ZIP ? new NodeZipWriter(options) : new JsZipWriter(options);
  } as unknown as ZipWriterClass & { [INSTALLED]?: true };
  ZipWriter[INSTALLED] = true;
  zipStream.ZipWriter = ZipWriter;
}

function bytes(data: Data, base64: boolean): Buffer {
  if (typeof data === "string") return Buffer.from(data, base64 ? "base64" : "utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

export interface ZipPart {
  readonly name: string;
  readonly data: Buffer;
}

/** A zip file of `parts`, in order, each dated `date` (as JSZip dates them: UTC, in DOS form). */
export function zip(parts: readonly ZipPart[], date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const file = Buffer.from(name, "utf8");
    const deflated = zlib.deflateRawSync(data, { level: LEVEL });
    const packed = deflated.length < data.length ? deflated : data;
    const method = packed === data ? 0 : 8;
    const crc = crc32(data);
    // General purpose flag bit 11: the name is UTF-8.
    const flags = file.length === name.length ? 0 : 0x0800;
    // The fields the local header and the central directory entry share, from "version needed" on.
    const fields = { flags, method, time, day, crc, packed: packed.length, size: data.length, name: file.length };
    const local = Buffer.alloc(30); // then no extra field
    local.writeUInt32LE(0x04034b50, 0);
    sharedFields(local, 4, fields);
    const entry = Buffer.alloc(46); // extra field, comment, disk number, attributes: none, 0
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    sharedFields(entry, 6, fields);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, file, packed);
    central.push(entry, file);
    offset += local.length + file.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

function sharedFields(header: Buffer, at: number, f: { flags: number; method: number; time: number; day: number; crc: number; packed: number; size: number; name: number }): void {
  header.writeUInt16LE(20, at); // version needed: 2.0 (DEFLATE)
  header.writeUInt16LE(f.flags, at + 2);
  header.writeUInt16LE(f.method, at + 4);
  header.writeUInt16LE(f.time, at + 6);
  header.writeUInt16LE(f.day, at + 8);
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.packed, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.name, at + 22);
}

/** CRC-32 of the zip format: zlib's (Node 20.15 and later), else a table-driven one. */
export const crc32: (data: Uint8Array) => number = typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (data) => (zlib as unknown as { crc32(d: Uint8Array): number }).crc32(data) : tableCrc32;

let table: Int32Array | undefined;
export function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
