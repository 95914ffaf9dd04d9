import "server-only";
import { decryptFile, encryptFile, masterKeyFromEnv } from "./envelope-encryption";

/**
 * Small secrets Vetta must read back (two-step TOTP secrets, webhook signing secrets), sealed
 * under the master key with the same envelope encryption as evidence files: a copy of the
 * database alone does not reveal them, and a wrong master key is refused, not mis-read.
 */
const SEALED_PREFIX = "v1:";

export function sealSecret(secret: string): string {
  const sealed = encryptFile(Buffer.from(secret, "utf8"), masterKeyFromEnv());
  return SEALED_PREFIX + Buffer.from(JSON.stringify({ c: sealed.ciphertext.toString("base64"), k: sealed.wrappedKey, i: sealed.iv, t: sealed.authTag, h: sealed.sha256 })).toString("base64");
}

export function openSecret(stored: string, what = "secret"): string {
  if (!stored.startsWith(SEALED_PREFIX)) throw new Error(`Unreadable ${what}.`);
  const box = JSON.parse(Buffer.from(stored.slice(SEALED_PREFIX.length), "base64").toString("utf8")) as { c: string; k: string; i: string; t: string; h: string };
  return decryptFile({ ciphertext: Buffer.from(box.c, "base64"), wrappedKey: box.k, iv: box.i, authTag: box.t }, masterKeyFromEnv(), box.h).toString("utf8");
}
