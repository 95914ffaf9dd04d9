import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EvidenceRejectedError, FileIntegrityError, readEvidence, sanitiseFileName, storeEvidence } from "./evidence-store";
import { LocalDiskStorage } from "./storage";
import { JPEG, PDF, XLSX } from "./test-fixtures";

let root: string;
let storage: LocalDiskStorage;
const previousMasterKey = process.env.VETTA_FILE_MASTER_KEY;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "vetta-evidence-"));
  storage = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));
beforeEach(() => {
  process.env.VETTA_FILE_MASTER_KEY = randomBytes(32).toString("base64");
});
afterEach(() => {
  if (previousMasterKey === undefined) delete process.env.VETTA_FILE_MASTER_KEY;
  else process.env.VETTA_FILE_MASTER_KEY = previousMasterKey;
});

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("storeEvidence and readEvidence", () => {
  it("stores an encrypted file and reads back the original bytes", async () => {
    const stored = await storeEvidence(XLSX, "Vendor answers.xlsx", storage);
    expect(stored).toMatchObject({
      originalName: "Vendor answers.xlsx",
      type: "XLSX",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      sizeBytes: XLSX.length,
    });
    const onDisk = await readFile(path.join(root, stored.storageKey));
    expect(onDisk.includes(Buffer.from("xl/workbook.xml"))).toBe(false);
    expect(await readEvidence(stored, storage)).toEqual(XLSX);
  });

  it("keeps only the file name from a client-supplied path, and stores under a key of its own", async () => {
    const stored = await storeEvidence(JPEG, "../../etc/cron.d/photo.jpeg", storage);
    expect(stored.originalName).toBe("photo.jpeg");
    expect(stored.storageKey).not.toContain("photo");
    expect(stored.storageKey).not.toContain("..");
  });

  it("refuses a disguised file with the user-facing message, and stores nothing", async () => {
    const before = await filesUnder(root);
    const refusal = storeEvidence(PDF, "photo.png", storage);
    await expect(refusal).rejects.toBeInstanceOf(EvidenceRejectedError);
    await expect(refusal).rejects.toThrow("This file's content is a PDF but its name says a PNG image (.png).");
    expect(await filesUnder(root)).toEqual(before);
  });

  it("refuses to serve a file altered on disk", async () => {
    const stored = await storeEvidence(PDF, "dpa.pdf", storage);
    const file = path.join(root, stored.storageKey);
    const bytes = await readFile(file);
    bytes[5] = bytes[5]! ^ 0xff;
    await writeFile(file, bytes);
    await expect(readEvidence(stored, storage)).rejects.toThrow(FileIntegrityError);
  });

  it("refuses when the record no longer matches: checksum, master key, storage key", async () => {
    const stored = await storeEvidence(PDF, "dpa.pdf", storage);
    await expect(readEvidence({ ...stored, sha256: "0".repeat(64) }, storage)).rejects.toThrow(FileIntegrityError);
    await expect(readEvidence({ ...stored, storageKey: "../../etc/passwd" }, storage)).rejects.toThrow(FileIntegrityError);
    process.env.VETTA_FILE_MASTER_KEY = randomBytes(32).toString("base64");
    await expect(readEvidence(stored, storage)).rejects.toThrow(FileIntegrityError);
  });

  it("refuses to serve a file that is missing from storage", async () => {
    const stored = await storeEvidence(PDF, "dpa.pdf", storage);
    await storage.delete(stored.storageKey);
    await expect(readEvidence(stored, storage)).rejects.toThrow(FileIntegrityError);
  });

  it("fails loudly, before storing, when the master key is not configured", async () => {
    delete process.env.VETTA_FILE_MASTER_KEY;
    await expect(storeEvidence(PDF, "dpa.pdf", storage)).rejects.toThrow(/VETTA_FILE_MASTER_KEY is not set/);
  });
});

describe("sanitiseFileName", () => {
  it.each([
    ["C:\\Users\\me\\Desktop\\DPA signed.pdf", "DPA signed.pdf"],
    ["/tmp/../x.pdf", "x.pdf"],
    ["x\u0000y\u001f\u007f\u0085.pdf", "xy.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["  spaced.txt  ", "spaced.txt"],
    ["", "file"],
    ["..", "file"],
    ["dir/", "file"],
  ])("%j → %j", (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it("cuts long names to 200 characters, keeping the extension and whole characters", () => {
    const long = sanitiseFileName(`${"😀".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith("😀.pdf")).toBe(true);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
