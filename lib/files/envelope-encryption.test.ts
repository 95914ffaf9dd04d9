import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptFile, encryptFile, FileIntegrityError, masterKeyCheckValue, masterKeyFromEnv, sha256Hex, unwrapsWith, type EncryptedFile } from "./envelope-encryption";
import { PDF } from "./test-fixtures";

const masterKey = randomBytes(32);

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString("base64");
}

function decrypt(file: EncryptedFile, key = masterKey, sha256 = file.sha256) {
  return decryptFile(file, key, sha256);
}

describe("envelope encryption", () => {
  it("round-trips a file, and the ciphertext does not contain the plaintext", () => {
    const file = encryptFile(PDF, masterKey);
    expect(file.ciphertext.includes(Buffer.from("%PDF"))).toBe(false);
    expect(file.sha256).toBe(sha256Hex(PDF));
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(decrypt(file)).toEqual(PDF);
  });

  it("stores a 60-byte wrapped key, a 12-byte IV and a 16-byte tag", () => {
    const file = encryptFile(PDF, masterKey);
    expect(Buffer.from(file.wrappedKey, "base64")).toHaveLength(12 + 32 + 16);
    expect(Buffer.from(file.iv, "base64")).toHaveLength(12);
    expect(Buffer.from(file.authTag, "base64")).toHaveLength(16);
  });

  it("gives every file its own data key and IV, even for the same bytes", () => {
    const a = encryptFile(PDF, masterKey);
    const b = encryptFile(PDF, masterKey);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it("refuses a ciphertext with one bit flipped", () => {
    const file = encryptFile(PDF, masterKey);
    const altered = Buffer.from(file.ciphertext);
    altered[10] = altered[10]! ^ 0x01;
    expect(() => decrypt({ ...file, ciphertext: altered })).toThrow(FileIntegrityError);
  });

  it("refuses an altered wrapped key, IV or tag, and a truncated tag", () => {
    const file = encryptFile(PDF, masterKey);
    expect(() => decrypt({ ...file, wrappedKey: flipByte(file.wrappedKey, 20) })).toThrow(FileIntegrityError);
    expect(() => decrypt({ ...file, iv: flipByte(file.iv, 0) })).toThrow(FileIntegrityError);
    expect(() => decrypt({ ...file, authTag: flipByte(file.authTag, 15) })).toThrow(FileIntegrityError);
    const shortTag = Buffer.from(file.authTag, "base64").subarray(0, 4).toString("base64");
    expect(() => decrypt({ ...file, authTag: shortTag })).toThrow(FileIntegrityError);
  });

  it("refuses under a different master key", () => {
    const file = encryptFile(PDF, masterKey);
    expect(() => decrypt(file, randomBytes(32))).toThrow(FileIntegrityError);
  });

  it("refuses when the recorded SHA-256 does not match the decrypted bytes", () => {
    const file = encryptFile(PDF, masterKey);
    expect(() => decrypt(file, masterKey, sha256Hex(Buffer.from("another file")))).toThrow(FileIntegrityError);
  });

  it("says what went wrong in words the download can show", () => {
    const file = encryptFile(PDF, masterKey);
    expect(() => decrypt(file, randomBytes(32))).toThrow("This file failed its integrity check and will not be served: it was altered or damaged in storage.");
  });
});

describe("masterKeyFromEnv", () => {
  it("reads a 32-byte base64 key", () => {
    const key = randomBytes(32);
    expect(masterKeyFromEnv({ VETTA_FILE_MASTER_KEY: key.toString("base64") })).toEqual(key);
  });

  it("explains a missing key", () => {
    expect(() => masterKeyFromEnv({})).toThrow(/VETTA_FILE_MASTER_KEY is not set/);
  });

  it("refuses a key of the wrong length or not in base64, without echoing it", () => {
    for (const value of [randomBytes(16).toString("base64"), "s3cret-".repeat(6) + "xx", randomBytes(32).toString("hex")]) {
      let message = "";
      try {
        masterKeyFromEnv({ VETTA_FILE_MASTER_KEY: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/must be 32 bytes in base64/);
      expect(message).not.toContain(value);
    }
  });
});

describe("master key check value", () => {
  it("is stable for a key, differs between keys, and unwrapsWith tells the sealing key from another", () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    expect(masterKeyCheckValue(a)).toBe(masterKeyCheckValue(Buffer.from(a)));
    expect(masterKeyCheckValue(a)).not.toBe(masterKeyCheckValue(b));
    const sealed = encryptFile(Buffer.from("x"), a);
    expect(unwrapsWith(sealed.wrappedKey, a)).toBe(true);
    expect(unwrapsWith(sealed.wrappedKey, b)).toBe(false);
    expect(unwrapsWith("short", a)).toBe(false);
  });
});
