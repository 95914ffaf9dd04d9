import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvidenceRejectedError, FileIntegrityError, readEvidence, sanitiseFileName, storeEvidence } from "./evidence-store";
import { LocalDiskStorage } from "./storage";
import { PDF } from "./test-fixtures";

let dir: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vetta-files-"));
  storage = new LocalDiskStorage(dir);
  process.env.VETTA_FILE_MASTER_KEY = randomBytes(32).toString("base64");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("evidence store", () => {
  it("stores encrypted bytes and reads back the original", async () => {
    const stored = await storeEvidence(PDF, "../../etc/DPA signed.pdf", storage);
    expect(stored).toMatchObject({ originalName: "DPA signed.pdf", mimeType: "application/pdf", sizeBytes: PDF.length });
    const onDisk = await readFile(path.join(dir, stored.storageKey));
    expect(onDisk.includes(Buffer.from("%PDF"))).toBe(false);
    expect(await readEvidence(stored, storage)).toEqual(PDF);
  });

  it("gives every file its own key and IV", async () => {
    const [a, b] = await Promise.all([storeEvidence(PDF, "a.pdf", storage), storeEvidence(PDF, "b.pdf", storage)]);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.sha256).toBe(b.sha256);
  });

  it("refuses a file altered on disk", async () => {
    const stored = await storeEvidence(PDF, "a.pdf", storage);
    const file = path.join(dir, stored.storageKey);
    const bytes = await readFile(file);
    bytes[5] = bytes[5]! ^ 0xff;
    await writeFile(file, bytes);
    await expect(readEvidence(stored, storage)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("refuses when the recorded checksum or the master key no longer match", async () => {
    const stored = await storeEvidence(PDF, "a.pdf", storage);
    await expect(readEvidence({ ...stored, sha256: "0".repeat(64) }, storage)).rejects.toBeInstanceOf(FileIntegrityError);
    const key = process.env.VETTA_FILE_MASTER_KEY;
    process.env.VETTA_FILE_MASTER_KEY = randomBytes(32).toString("base64");
    await expect(readEvidence(stored, storage)).rejects.toBeInstanceOf(FileIntegrityError);
    process.env.VETTA_FILE_MASTER_KEY = key;
  });

  it("refuses disguised files before storing anything", async () => {
    await expect(storeEvidence(PDF, "photo.png", storage)).rejects.toBeInstanceOf(EvidenceRejectedError);
  });

  it("refuses storage keys it did not generate", async () => {
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/not a key this server generated/);
  });

  it("sanitises names", () => {
    expect(sanitiseFileName("C:\\evil\\x\u0000.pdf")).toBe("x.pdf");
    expect(sanitiseFileName("")).toBe("file");
  });
});
