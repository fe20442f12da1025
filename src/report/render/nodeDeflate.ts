/**
 * The .xlsx zip compressed by Node's zlib instead of the JavaScript deflate (pako) that ExcelJS's
 * zip library, JSZip, runs: the same DEFLATE method, so every reader opens the file as before,
 * in about a quarter of the CPU time on a large workbook. Node only (the add-in's download keeps
 * JSZip's own); registered with JSZip under its own name, so only writes that ask for it use it.
 */
import { deflateRawSync } from "zlib";

/** The JSZip compression name of this worker. */
const NODE_DEFLATE = "NODE_DEFLATE";

type Chunk = { data: unknown; meta: unknown };
interface GenericWorker {
  push(chunk: Chunk): void;
  flush(): void;
}
type WorkerClass = { new (name: string): GenericWorker; prototype: GenericWorker };
type Compression = { magic: string; compressWorker(options: { level?: number } | null): GenericWorker; uncompressWorker(): GenericWorker };

/**
 * The `zip` options of ExcelJS's writeBuffer that compress with Node's zlib (JSZip's default
 * level, 6). The first call registers the compression with JSZip.
 */
export function nodeZipOptions(): { compression: string } {
  register();
  return { compression: NODE_DEFLATE };
}

function register(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const compressions = require("jszip/lib/compressions") as Record<string, Compression>;
  if (compressions[NODE_DEFLATE]) return;
  const Generic = require("jszip/lib/stream/GenericWorker") as WorkerClass;
  const { transformTo } = require("jszip/lib/utils") as { transformTo(type: "uint8array", data: unknown): Uint8Array };
  /* eslint-enable @typescript-eslint/no-require-imports */

  /** Collects a file's chunks and deflates them in one call when the file ends. */
  class NodeDeflateWorker extends Generic {
    private chunks: Uint8Array[] = [];
    private meta: unknown = {};

    constructor(private readonly level: number) {
      super("NodeDeflate");
    }

    processChunk(chunk: Chunk): void {
      this.meta = chunk.meta;
      this.chunks.push(transformTo("uint8array", chunk.data));
    }

    override flush(): void {
      super.flush();
      const packed = deflateRawSync(Buffer.concat(this.chunks), { level: this.level });
      this.chunks = [];
      this.push({ data: new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), meta: this.meta });
    }
  }

  compressions[NODE_DEFLATE] = {
    magic: compressions.DEFLATE.magic,
    compressWorker: (options) => new NodeDeflateWorker(options?.level ?? 6),
    uncompressWorker: () => compressions.DEFLATE.uncompressWorker(),
  };
}
