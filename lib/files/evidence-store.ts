import "server-only";
/**
 * Storing and reading evidence files: type check from content, envelope encryption with a
 * checksum, then storage under a server-generated key. The caller persists the returned metadata
 * (the EvidenceFile table) and hands the same record back to read the file.
 */
import { detectFileType, type EvidenceType } from "./detect-file-type";
import { decryptFile, encryptFile, FileIntegrityError, masterKeyFromEnv } from "./envelope-encryption";
import { defaultStorage, InvalidStorageKeyError, MissingStorageObjectError, newStorageKey, type EvidenceStorage } from "./storage";

export { FileIntegrityError };

/** The upload was refused; the message says why, in words for the user. */
export class EvidenceRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvidenceRejectedError";
  }
}

export interface StoredEvidence {
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  wrappedKey: string;
  iv: string;
  authTag: string;
  type: EvidenceType;
}

export type EvidenceRecord = Pick<StoredEvidence, "storageKey" | "wrappedKey" | "iv" | "authTag" | "sha256">;

const MAX_NAME_LENGTH = 200;
// C0/C1 controls, and the bidirectional overrides that make "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A client-supplied file name made safe to store and show: no path, no control or bidi characters,
 * at most 200 characters (cut from the middle of the stem so the extension survives).
 */
export function sanitiseFileName(name: string): string {
  const base = (name.normalize("NFC").split(/[\\/]/).pop() ?? "").replace(UNSAFE_NAME_CHARACTERS, "").trim();
  if (/^\.*$/.test(base)) return "file";
  const characters = Array.from(base); // by code point, so an emoji is never cut in half
  if (characters.length <= MAX_NAME_LENGTH) return base;
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(base.slice(dot)) : [];
  if (extension.length > 20) return characters.slice(0, MAX_NAME_LENGTH).join("");
  return characters.slice(0, MAX_NAME_LENGTH - extension.length).join("") + extension.join("");
}

/** Checks, encrypts and stores an upload. Throws EvidenceRejectedError (nothing stored) when refused. */
export async function storeEvidence(bytes: Uint8Array, fileName: string, storage: EvidenceStorage = defaultStorage()): Promise<StoredEvidence> {
  const originalName = sanitiseFileName(fileName);
  const detected = detectFileType(bytes, originalName);
  if (!detected.ok) throw new EvidenceRejectedError(detected.message);
  const encrypted = encryptFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), masterKeyFromEnv());
  const storageKey = newStorageKey();
  await storage.put(storageKey, encrypted.ciphertext);
  return {
    storageKey,
    originalName,
    mimeType: detected.mimeType,
    sizeBytes: bytes.byteLength,
    sha256: encrypted.sha256,
    wrappedKey: encrypted.wrappedKey,
    iv: encrypted.iv,
    authTag: encrypted.authTag,
    type: detected.type,
  };
}

/** Whether a storage error means the stored file is gone or its key was tampered with. */
function isMissingOrForged(error: unknown): boolean {
  return error instanceof InvalidStorageKeyError || error instanceof MissingStorageObjectError || (error instanceof Error && "code" in error && error.code === "ENOENT");
}

/**
 * The decrypted, verified bytes of a stored file. Throws FileIntegrityError when the bytes were
 * altered, the record no longer matches them, or the file is missing from storage; other storage
 * failures (permissions, I/O) propagate as they are, since they say nothing about the file.
 */
export async function readEvidence(record: EvidenceRecord, storage: EvidenceStorage = defaultStorage()): Promise<Buffer> {
  const masterKey = masterKeyFromEnv();
  let ciphertext: Buffer;
  try {
    ciphertext = await storage.get(record.storageKey);
  } catch (error) {
    if (isMissingOrForged(error)) throw new FileIntegrityError();
    throw error;
  }
  return decryptFile({ ciphertext, wrappedKey: record.wrappedKey, iv: record.iv, authTag: record.authTag }, masterKey, record.sha256);
}
