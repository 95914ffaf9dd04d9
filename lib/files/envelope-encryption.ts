import "server-only";
import { serverEnv } from "@/lib/config/server-env";
/**
 * SECURITY-CRITICAL. Envelope encryption for evidence files at rest.
 *
 * Each file gets a fresh random 256-bit data key and 96-bit IV and is encrypted with AES-256-GCM.
 * The data key is then encrypted ("wrapped") with the master key (VETTA_FILE_MASTER_KEY), also
 * AES-256-GCM with its own fresh IV, so the database never holds a usable key and rotating the
 * master key means re-wrapping 60-byte keys, not re-encrypting files. Stored formats (base64,
 * standard alphabet with padding):
 *   wrappedKey = wrapIv (12 bytes) ‖ encrypted data key (32 bytes) ‖ wrapTag (16 bytes)  → 60 bytes
 *   iv         = the file's GCM IV (12 bytes)
 *   authTag    = the file's GCM tag (16 bytes)
 *   sha256     = hex SHA-256 of the plaintext, checked again after decryption
 * The ciphertext itself (same length as the plaintext) is what goes to storage.
 *
 * Reading refuses, with FileIntegrityError, anything that does not authenticate: altered ciphertext,
 * IV, tag or wrapped key, a different master key, or a plaintext whose SHA-256 differs from the record.
 * Tag and IV lengths are pinned: GCM would otherwise accept a truncated 4-byte tag, which is forgeable.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_KEY_BYTES = IV_BYTES + KEY_BYTES + TAG_BYTES;
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

export class FileIntegrityError extends Error {
  constructor() {
    super("This file failed its integrity check and will not be served: it was altered or damaged in storage.");
    this.name = "FileIntegrityError";
  }
}

export interface EncryptedFile {
  ciphertext: Buffer;
  wrappedKey: string;
  iv: string;
  authTag: string;
  sha256: string;
}

/** The master key from VETTA_FILE_MASTER_KEY: exactly 32 bytes, base64. The error never echoes the value. */
export function masterKeyFromEnv(env: Readonly<Record<string, string | undefined>> = { VETTA_FILE_MASTER_KEY: serverEnv.fileMasterKey() }): Buffer {
  const raw = env.VETTA_FILE_MASTER_KEY?.trim();
  if (!raw) throw new Error("VETTA_FILE_MASTER_KEY is not set: start Vetta with `npm start` (it generates one into .data/), or set it to 32 random bytes in base64.");
  // Buffer.from(…, "base64") silently skips invalid characters, so the shape is checked first.
  if (!BASE64_32_BYTES.test(raw)) throw new Error(`VETTA_FILE_MASTER_KEY must be 32 bytes in base64 (44 characters ending in "="); it is ${raw.length} characters.`);
  return Buffer.from(raw, "base64");
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function assertMasterKey(masterKey: Buffer): void {
  // A misconfiguration, not tampering: say so rather than report every file as damaged.
  if (masterKey.length !== KEY_BYTES) throw new Error(`The file master key must be ${KEY_BYTES} bytes; got ${masterKey.length}.`);
}

function gcmEncrypt(key: Buffer, plain: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer): Buffer {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FileIntegrityError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new FileIntegrityError();
  }
}

export function encryptFile(plain: Buffer, masterKey: Buffer): EncryptedFile {
  assertMasterKey(masterKey);
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const file = gcmEncrypt(dataKey, plain);
    const wrapped = gcmEncrypt(masterKey, dataKey);
    return {
      ciphertext: file.ciphertext,
      iv: file.iv.toString("base64"),
      authTag: file.tag.toString("base64"),
      wrappedKey: Buffer.concat([wrapped.iv, wrapped.ciphertext, wrapped.tag]).toString("base64"),
      sha256: sha256Hex(plain),
    };
  } finally {
    dataKey.fill(0);
  }
}

export function decryptFile(stored: Omit<EncryptedFile, "sha256">, masterKey: Buffer, expectedSha256: string): Buffer {
  assertMasterKey(masterKey);
  const wrapped = Buffer.from(stored.wrappedKey, "base64");
  if (wrapped.length !== WRAPPED_KEY_BYTES) throw new FileIntegrityError();
  const dataKey = gcmDecrypt(masterKey, wrapped.subarray(0, IV_BYTES), wrapped.subarray(IV_BYTES, IV_BYTES + KEY_BYTES), wrapped.subarray(IV_BYTES + KEY_BYTES));
  try {
    const plain = gcmDecrypt(dataKey, Buffer.from(stored.iv, "base64"), stored.ciphertext, Buffer.from(stored.authTag, "base64"));
    if (sha256Hex(plain) !== expectedSha256.toLowerCase()) throw new FileIntegrityError();
    return plain;
  } finally {
    dataKey.fill(0);
  }
}

/**
 * A fingerprint of the master key that reveals nothing about it: HMAC-SHA256 of a constant. Stored
 * in the database on first use, so a start with a different key (a lost secrets.json replaced by
 * a freshly generated one) is refused before anything is sealed with it.
 */
export function masterKeyCheckValue(masterKey: Buffer): string {
  assertMasterKey(masterKey);
  return createHmac("sha256", masterKey).update("vetta master key check v1").digest("hex");
}

/** Whether this master key unwraps a stored wrapped data key (GCM authenticates it; nothing is decrypted further). */
export function unwrapsWith(wrappedKey: string, masterKey: Buffer): boolean {
  assertMasterKey(masterKey);
  const wrapped = Buffer.from(wrappedKey, "base64");
  if (wrapped.length !== WRAPPED_KEY_BYTES) return false;
  try {
    gcmDecrypt(masterKey, wrapped.subarray(0, IV_BYTES), wrapped.subarray(IV_BYTES, IV_BYTES + KEY_BYTES), wrapped.subarray(IV_BYTES + KEY_BYTES)).fill(0);
    return true;
  } catch {
    return false;
  }
}
