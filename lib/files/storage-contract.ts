/**
 * What every evidence store (local disk, S3) promises, and the keys it accepts: shared by the
 * stores and by storage.ts, which picks one, so neither store imports the other's module.
 */
import { randomUUID } from "node:crypto";

export interface EvidenceStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export class InvalidStorageKeyError extends Error {
  constructor() {
    // The key is not echoed: it may be attacker-chosen and end up in logs.
    super("Refusing a storage key that is not a key this server generated.");
    this.name = "InvalidStorageKeyError";
  }
}

/** The key is not in storage (deleted, never written, or storage was emptied). */
export class MissingStorageObjectError extends Error {
  readonly code = "ENOENT";
  constructor() {
    super("No stored object under this key.");
    this.name = "MissingStorageObjectError";
  }
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY_FORM = new RegExp(`^([0-9a-f]{2})/([0-9a-f]{2})/(${UUID})$`);

export function isStorageKey(key: string): boolean {
  const match = KEY_FORM.exec(key);
  // The fan-out directories are the UUID's first four hex digits, as newStorageKey makes them.
  return match !== null && match[3]!.startsWith(`${match[1]}${match[2]}`);
}

export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}
