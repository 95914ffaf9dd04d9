import "server-only";
/**
 * SECURITY-CRITICAL. Where encrypted evidence bytes live, behind a small interface so another
 * backend (object storage) can replace the local disk. Keys are generated here, never taken from
 * user input, and a key not of the generated form is refused (no path traversal).
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface EvidenceStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY_FORM = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

export class LocalDiskStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY_FORM.test(key)) throw new Error(`Refusing storage key "${key}": not a key this server generated.`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, target);
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    return rm(this.pathOf(key), { force: true });
  }
}

export function defaultStorage(): EvidenceStorage {
  return new LocalDiskStorage(path.resolve(process.env.VETTA_DATA_DIR ?? ".data", "files"));
}
