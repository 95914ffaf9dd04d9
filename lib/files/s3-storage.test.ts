import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { environment, storageSettings as settingsOf } from "@/lib/config/server-env";
import { startS3Server, type TestS3Server } from "@/lib/testing/s3-server";
import { FileIntegrityError, readEvidence, storeEvidence } from "./evidence-store";
import { moveLocalFiles } from "./move-files";
import { S3Storage } from "./s3-storage";
import { InvalidStorageKeyError, LocalDiskStorage, MissingStorageObjectError, newStorageKey } from "./storage";
import { PDF } from "./test-fixtures";

let server: TestS3Server;
let storage: S3Storage;
const previousMasterKey = process.env.VETTA_FILE_MASTER_KEY;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  server = await startS3Server();
  storage = new S3Storage(server.settings);
});
afterAll(async () => {
  storage.close();
  await server.stop();
});
beforeEach(() => {
  process.env.VETTA_FILE_MASTER_KEY = randomBytes(32).toString("base64");
});
afterEach(() => {
  if (previousMasterKey === undefined) delete process.env.VETTA_FILE_MASTER_KEY;
  else process.env.VETTA_FILE_MASTER_KEY = previousMasterKey;
});

/** Every file s3rver wrote for the bucket, as bytes: what the bucket's operator could read. */
async function everythingTheBucketHolds(): Promise<Buffer[]> {
  const entries = await readdir(server.directory, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name))));
}

describe("S3 storage against a real S3-compatible server", () => {
  it("puts, gets and deletes; a second delete is not an error", async () => {
    const key = newStorageKey();
    const bytes = randomBytes(70_000);
    await storage.put(key, bytes);
    expect((await storage.get(key)).equals(bytes)).toBe(true);
    const replaced = randomBytes(10);
    await storage.put(key, replaced);
    expect((await storage.get(key)).equals(replaced)).toBe(true);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(MissingStorageObjectError);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("answers a missing object as missing, and a stored file gone from the bucket as an integrity failure", async () => {
    await expect(storage.get(newStorageKey())).rejects.toBeInstanceOf(MissingStorageObjectError);
    const stored = await storeEvidence(PDF, "policy.pdf", storage);
    await storage.delete(stored.storageKey);
    await expect(readEvidence(stored, storage)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("refuses forged keys before they reach the bucket", async () => {
    for (const key of ["../../etc/passwd", "ab/cd/not-a-uuid", ""]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it("only ever receives ciphertext: the bucket never holds the file's bytes, and Vetta reads them back intact", async () => {
    const secret = Buffer.from(`%PDF-1.4\n% confidential-${randomBytes(8).toString("hex")}\n%%EOF\n`);
    const stored = await storeEvidence(secret, "secret.pdf", storage);
    const marker = secret.subarray(10, 40);
    const held = await everythingTheBucketHolds();
    expect(held.length).toBeGreaterThan(0);
    expect(held.some((bytes) => bytes.includes(marker))).toBe(false);
    expect((await readEvidence(stored, storage)).equals(secret)).toBe(true);
    // Altered in the bucket → refused, never served.
    const ciphertext = await storage.get(stored.storageKey);
    ciphertext[0] = ciphertext[0]! ^ 1;
    await storage.put(stored.storageKey, ciphertext);
    await expect(readEvidence(stored, storage)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("fails with an unknown access key or a missing bucket instead of pretending", async () => {
    const wrongKey = new S3Storage({ ...server.settings, credentials: { accessKeyId: "NOT-A-KEY", secretAccessKey: "S3RVER" } });
    const noBucket = new S3Storage({ ...server.settings, bucket: "no-such-bucket" });
    try {
      await expect(wrongKey.put(newStorageKey(), Buffer.from("x"))).rejects.toThrow(/access key/i);
      await expect(noBucket.put(newStorageKey(), Buffer.from("x"))).rejects.toThrow(/bucket/i);
      // A missing bucket is a configuration fault, not a missing file: it must not read as one.
      await expect(noBucket.get(newStorageKey())).rejects.not.toBeInstanceOf(MissingStorageObjectError);
    } finally {
      wrongKey.close();
      noBucket.close();
    }
  });
});

describe("moving files from disk to S3", () => {
  let root: string;
  let local: LocalDiskStorage;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "vetta-move-"));
    local = new LocalDiskStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("copies every file, verifies it, is idempotent, and deletes local copies only when asked", async () => {
    const records = await Promise.all([PDF, Buffer.from("%PDF-1.4\nsecond\n%%EOF\n"), Buffer.from("%PDF-1.4\nthird\n%%EOF\n")].map((bytes, i) => storeEvidence(bytes, `f${i}.pdf`, local)));
    // A temp file left by a crash mid-write is not a stored file and is not moved.
    await writeFile(path.join(root, ...records[0]!.storageKey.split("/")) + ".abc.tmp", "partial");

    const first = await moveLocalFiles(local, storage, { deleteLocal: false });
    expect(first).toEqual({ copied: 3, alreadyThere: 0, deletedLocally: 0, failed: [] });
    for (const record of records) {
      expect(sha256(await storage.get(record.storageKey))).toBe(sha256(await local.get(record.storageKey)));
      // The database rows stay valid as they are: the same key, wrapped key and checksum read from S3.
      await expect(readEvidence(record, storage)).resolves.toBeInstanceOf(Buffer);
    }

    // A copy that differs in the bucket (a failed earlier attempt) is replaced, the rest skipped.
    await storage.put(records[1]!.storageKey, Buffer.from("truncated"));
    const second = await moveLocalFiles(local, storage, { deleteLocal: false });
    expect(second).toEqual({ copied: 1, alreadyThere: 2, deletedLocally: 0, failed: [] });

    const third = await moveLocalFiles(local, storage, { deleteLocal: true });
    expect(third).toEqual({ copied: 0, alreadyThere: 3, deletedLocally: 3, failed: [] });
    for (const record of records) {
      await expect(local.get(record.storageKey)).rejects.toMatchObject({ code: "ENOENT" });
      expect((await readEvidence(record, storage)).length).toBeGreaterThan(0);
    }
    expect(await moveLocalFiles(local, storage, { deleteLocal: true })).toEqual({ copied: 0, alreadyThere: 0, deletedLocally: 0, failed: [] });
  });

  it("keeps the local file when the copy cannot be verified", async () => {
    const record = await storeEvidence(PDF, "kept.pdf", local);
    // A bucket that accepts the write but hands back other bytes (a broken proxy, a full disk).
    const lying = { put: (k: string, b: Buffer) => storage.put(k, b), get: async () => Buffer.from("other"), delete: (k: string) => storage.delete(k) };
    const report = await moveLocalFiles(local, lying, { deleteLocal: true });
    expect(report.copied).toBe(0);
    expect(report.deletedLocally).toBe(0);
    expect(report.failed).toEqual([{ key: record.storageKey, error: expect.stringMatching(/checksum/) }]);
    await expect(local.get(record.storageKey)).resolves.toBeInstanceOf(Buffer);
  });

  it("`npm run files:to-s3 -- --delete` moves a data directory's files and says what it did", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "vetta-data-"));
    try {
      const files = new LocalDiskStorage(path.join(dataDir, "files"));
      const record = await storeEvidence(PDF, "moved.pdf", files);
      const { s3 } = { s3: server.settings };
      const env = {
        ...process.env,
        VETTA_DATA_DIR: dataDir,
        VETTA_S3_BUCKET: s3.bucket,
        VETTA_S3_ENDPOINT: s3.endpoint,
        VETTA_S3_ACCESS_KEY_ID: s3.credentials!.accessKeyId,
        VETTA_S3_SECRET_ACCESS_KEY: s3.credentials!.secretAccessKey,
      };
      const run = promisify(execFile);
      const { stdout } = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/files-to-s3.ts", "--delete"], { env, cwd: process.cwd() });
      expect(stdout).toContain(`${record.storageKey}  copied, local copy deleted`);
      expect(stdout).toContain("Done: 1 copied, 0 already in the bucket, 1 local copies deleted, 0 failed.");
      await expect(files.get(record.storageKey)).rejects.toMatchObject({ code: "ENOENT" });
      expect((await readEvidence(record, storage)).equals(PDF)).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The settings from these variables alone, parsed as the app parses them. */
const storageSettings = (variables: Record<string, string>) => settingsOf(environment(variables));

describe("storage settings", () => {
  it("default to the local disk; s3 needs a bucket and both credentials or neither", () => {
    expect(storageSettings({})).toEqual({ kind: "local" });
    expect(() => storageSettings({ VETTA_STORAGE: "s3" })).toThrow(/VETTA_S3_BUCKET/);
    expect(() => storageSettings({ VETTA_STORAGE: "s3", VETTA_S3_BUCKET: "b", VETTA_S3_ACCESS_KEY_ID: "id" })).toThrow(/VETTA_S3_SECRET_ACCESS_KEY/);
    expect(storageSettings({ VETTA_STORAGE: "s3", VETTA_S3_BUCKET: "b" })).toEqual({ kind: "s3", bucket: "b", endpoint: undefined, region: "us-east-1", credentials: undefined, forcePathStyle: false });
    expect(storageSettings({ VETTA_STORAGE: "s3", VETTA_S3_BUCKET: "b", VETTA_S3_ENDPOINT: "http://minio:9000", VETTA_S3_REGION: "eu-central-1" })).toMatchObject({ endpoint: "http://minio:9000", region: "eu-central-1", forcePathStyle: true });
    expect(storageSettings({ VETTA_STORAGE: "s3", VETTA_S3_BUCKET: "b", VETTA_S3_ENDPOINT: "http://minio:9000", VETTA_S3_FORCE_PATH_STYLE: "false" })).toMatchObject({ forcePathStyle: false });
    expect(() => storageSettings({ VETTA_STORAGE: "S3 please" })).toThrow(/VETTA_STORAGE must be local or s3/);
    expect(() => storageSettings({ VETTA_STORAGE: "s3", VETTA_S3_BUCKET: "b", VETTA_S3_FORCE_PATH_STYLE: "yes" })).toThrow(/VETTA_S3_FORCE_PATH_STYLE must be true or false/);
  });
});
