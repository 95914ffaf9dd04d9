import "server-only";
/**
 * Storing and reading evidence: type check from content, envelope encryption, checksum, storage.
 * The database record (lib/db/evidence-files.ts) keeps the metadata this returns.
 */
import { detectFileType, type EvidenceType } from "./detect-file-type";
import { decryptFile, encryptFile, FileIntegrityError, masterKeyFromEnv } from "./envelope-encryption";
import { defaultStorage, newStorageKey, type EvidenceStorage } from "./storage";

export { FileIntegrityError };

export class EvidenceRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvidenceRejectedError";
  }
}

/** Strips any path and control characters from a client-supplied file name. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean || "file";
}

export async function storeEvidence(bytes: Uint8Array, fileName: string, storage: EvidenceStorage = defaultStorage()) {
  const originalName = sanitiseFileName(fileName);
  const detected = detectFileType(bytes, originalName);
  if (!detected.ok) throw new EvidenceRejectedError(detected.message);
  const encrypted = encryptFile(Buffer.from(bytes), masterKeyFromEnv());
  const storageKey = newStorageKey();
  await storage.put(storageKey, encrypted.ciphertext);
  return {
    storageKey,
    originalName,
    mimeType: detected.mimeType,
    type: detected.type as EvidenceType,
    sizeBytes: bytes.byteLength,
    sha256: encrypted.sha256,
    wrappedKey: encrypted.wrappedKey,
    iv: encrypted.iv,
    authTag: encrypted.authTag,
  };
}

export async function readEvidence(
  record: { storageKey: string; wrappedKey: string; iv: string; authTag: string; sha256: string },
  storage: EvidenceStorage = defaultStorage(),
): Promise<Buffer> {
  let ciphertext: Buffer;
  try {
    ciphertext = await storage.get(record.storageKey);
  } catch {
    throw new FileIntegrityError();
  }
  return decryptFile({ ciphertext, wrappedKey: record.wrappedKey, iv: record.iv, authTag: record.authTag }, masterKeyFromEnv(), record.sha256);
}
