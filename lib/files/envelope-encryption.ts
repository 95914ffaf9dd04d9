import "server-only";
/**
 * SECURITY-CRITICAL. Envelope encryption for evidence files: each file gets a fresh random
 * AES-256 data key and 96-bit IV (AES-256-GCM); the data key is itself encrypted ("wrapped") with
 * the master key, also AES-256-GCM. Stored formats, all base64:
 *   wrappedKey = iv(12) ‖ ciphertext(32) ‖ tag(16)   (the data key under the master key)
 *   iv, authTag                                      (of the file under the data key)
 * Decryption fails loudly when the ciphertext, the wrapped key or the recorded SHA-256 was altered.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

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

export function masterKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.VETTA_FILE_MASTER_KEY;
  const key = raw ? Buffer.from(raw, "base64") : Buffer.alloc(0);
  if (key.length !== 32) throw new Error("VETTA_FILE_MASTER_KEY must be 32 bytes, base64-encoded (npm start generates one into .data/).");
  return key;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function gcmEncrypt(key: Buffer, plain: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer): Buffer {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new FileIntegrityError();
  }
}

export function encryptFile(plain: Buffer, masterKey: Buffer): EncryptedFile {
  const dataKey = randomBytes(32);
  const file = gcmEncrypt(dataKey, plain);
  const wrapped = gcmEncrypt(masterKey, dataKey);
  dataKey.fill(0);
  return {
    ciphertext: file.ciphertext,
    iv: file.iv.toString("base64"),
    authTag: file.tag.toString("base64"),
    wrappedKey: Buffer.concat([wrapped.iv, wrapped.ciphertext, wrapped.tag]).toString("base64"),
    sha256: sha256Hex(plain),
  };
}

export function decryptFile(stored: Omit<EncryptedFile, "sha256">, masterKey: Buffer, expectedSha256: string): Buffer {
  const wrapped = Buffer.from(stored.wrappedKey, "base64");
  if (wrapped.length !== 12 + 32 + 16) throw new FileIntegrityError();
  const dataKey = gcmDecrypt(masterKey, wrapped.subarray(0, 12), wrapped.subarray(12, 44), wrapped.subarray(44));
  const plain = gcmDecrypt(dataKey, Buffer.from(stored.iv, "base64"), stored.ciphertext, Buffer.from(stored.authTag, "base64"));
  dataKey.fill(0);
  if (sha256Hex(plain) !== expectedSha256) throw new FileIntegrityError();
  return plain;
}
