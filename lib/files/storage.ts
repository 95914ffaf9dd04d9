import "server-only";
import { serverEnv } from "@/lib/config/server-env";
/**
 * SECURITY-CRITICAL. Where encrypted evidence bytes live, behind a small interface: the local disk
 * here, or an S3-compatible bucket (s3-storage.ts, VETTA_STORAGE=s3). Keys are generated here (random UUIDs with a two-level
 * fan-out, "ab/cd/<uuid>"), never derived from user input, and any key not of exactly that form is
 * refused before it reaches the file system, so a tampered key cannot traverse out of the root.
 * Writes are atomic (temp file, fsync, rename): a crash never leaves a half-written file under a key.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { S3Storage } from "./s3-storage";
import { InvalidStorageKeyError, isStorageKey, type EvidenceStorage } from "./storage-contract";

export { InvalidStorageKeyError, isStorageKey, MissingStorageObjectError, newStorageKey, type EvidenceStorage } from "./storage-contract";

export class LocalDiskStorage implements EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new InvalidStorageKeyError();
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Random suffix so two writers never share a temp file; "wx" refuses to follow a planted file.
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  /** Every stored key (temp files and anything not of the key form are skipped), for moving files elsewhere. */
  async *keys(): AsyncGenerator<string> {
    const level = async (dir: string) => readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? [] : Promise.reject(error)));
    for (const a of await level(this.root)) {
      for (const b of await level(path.join(this.root, a))) {
        for (const name of await level(path.join(this.root, a, b))) {
          const key = `${a}/${b}/${name}`;
          if (isStorageKey(key)) yield key;
        }
      }
    }
  }

  /** Deleting a key that is already gone is not an error. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

let s3: { settings: string; storage: S3Storage } | undefined;

/** The configured storage (VETTA_STORAGE); the S3 client is made once and reused, for its connection pool. */
export function defaultStorage(): EvidenceStorage {
  const settings = serverEnv.storage();
  if (settings.kind === "local") return new LocalDiskStorage(path.resolve(serverEnv.dataDir(), "files"));
  const fingerprint = JSON.stringify(settings);
  if (s3?.settings !== fingerprint) s3 = { settings: fingerprint, storage: new S3Storage(settings) };
  return s3.storage;
}
