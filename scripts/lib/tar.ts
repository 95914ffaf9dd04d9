/**
 * A minimal ustar writer and reader (regular files only), so a backup is one `.tar` that
 * `tar -tf` can list, without a dependency. Names longer than 100 bytes use the ustar prefix field.
 */
import { open, readFile, type FileHandle } from "node:fs/promises";

const BLOCK = 512;

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`Name too long for a tar entry: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, "utf8");
  h.write("0000600\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(size.toString(8).padStart(11, "0") + "\0", 124);
  h.write(Math.floor(Date.now() / 1000).toString(8).padStart(11, "0") + "\0", 136);
  h.write("        ", 148);
  h.write("0", 156);
  h.write("ustar\0", 257);
  h.write("00", 263);
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return h;
}

export class TarWriter {
  private constructor(private readonly handle: FileHandle) {}

  static async create(file: string): Promise<TarWriter> {
    return new TarWriter(await open(file, "wx", 0o600));
  }

  async add(name: string, data: Buffer): Promise<void> {
    await this.handle.write(header(name, data.length));
    await this.handle.write(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) await this.handle.write(Buffer.alloc(pad, 0));
  }

  async close(): Promise<void> {
    await this.handle.write(Buffer.alloc(BLOCK * 2, 0));
    await this.handle.sync();
    await this.handle.close();
  }
}

/** Every entry of a tar file, by name. Reads the whole archive into memory. */
export async function readTar(file: string): Promise<Map<string, Buffer>> {
  const bytes = await readFile(file);
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (offset + BLOCK <= bytes.length) {
    const h = bytes.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    const field = (start: number, length: number) => h.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const type = field(156, 1);
    offset += BLOCK;
    if (type === "0" || type === "") entries.set(name, Buffer.from(bytes.subarray(offset, offset + size)));
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
