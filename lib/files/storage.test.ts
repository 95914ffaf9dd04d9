import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidStorageKeyError, isStorageKey, LocalDiskStorage, newStorageKey } from "./storage";

let root: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "vetta-storage-"));
  storage = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("storage keys", () => {
  it("are random, fanned out two levels by their own first hex digits", () => {
    const key = newStorageKey();
    expect(key).toMatch(/^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{4}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isStorageKey(key)).toBe(true);
    expect(newStorageKey()).not.toBe(key);
  });

  it.each([
    "../../etc/passwd",
    "ab/cd/../../../etc/passwd",
    "/etc/passwd",
    "ab\\cd\\0b1c2d3e-1111-4222-8333-444455556666",
    "00/00/ab1c2d3e-1111-4222-8333-444455556666",
    "ab/cd/AB CD2d3e-1111-4222-8333-444455556666",
    "ab/cd/abcd2d3e-1111-4222-8333-444455556666/",
    "",
  ])("refuses %j", async (key) => {
    expect(isStorageKey(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});

describe("LocalDiskStorage", () => {
  it("writes under the root at the key's path, reads back, and deletes", async () => {
    const key = newStorageKey();
    const bytes = Buffer.from("ciphertext bytes");
    await storage.put(key, bytes);
    expect(await readFile(path.join(root, key))).toEqual(bytes);
    expect(await storage.get(key)).toEqual(bytes);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("leaves no temporary files behind", async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from("one"));
    await storage.put(key, Buffer.from("two"));
    expect(await readdir(path.dirname(path.join(root, key)))).toEqual([path.basename(key)]);
    expect((await storage.get(key)).toString()).toBe("two");
  });

  it("keeps files readable by the server's user only", async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from("secret"));
    expect((await stat(path.join(root, key))).mode & 0o077).toBe(0);
  });
});
