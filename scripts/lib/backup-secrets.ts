/**
 * The secrets part of a backup, sealed with a passphrase: AES-256-GCM under a key derived by
 * scrypt (N=2^15, r=8, p=1) from the passphrase and a random salt. The archive without the
 * passphrase gives the database rows and the still-encrypted evidence files, but never the keys
 * that open them.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const MAXMEM = 64 * 1024 * 1024;

interface SealedSecrets {
  kdf: "scrypt";
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export function sealSecrets(secrets: Record<string, string>, passphrase: string): Buffer {
  if (passphrase.length < 12) throw new Error("The backup passphrase must be at least 12 characters (VETTA_BACKUP_PASSPHRASE).");
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, { ...PARAMS, maxmem: MAXMEM });
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  const sealed: SealedSecrets = { kdf: "scrypt", ...PARAMS, salt: salt.toString("base64"), iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), ciphertext: ciphertext.toString("base64") };
  return Buffer.from(JSON.stringify(sealed, null, 2));
}

export function openSecrets(sealedBytes: Buffer, passphrase: string): Record<string, string> {
  const sealed = JSON.parse(sealedBytes.toString("utf8")) as SealedSecrets;
  if (sealed.kdf !== "scrypt") throw new Error(`Unknown key derivation "${sealed.kdf}" in the backup's secrets.`);
  const key = scryptSync(passphrase, Buffer.from(sealed.salt, "base64"), 32, { N: sealed.N, r: sealed.r, p: sealed.p, maxmem: MAXMEM });
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as Record<string, string>;
  } catch {
    throw new Error("The passphrase does not open this backup's secrets (wrong passphrase, or the archive was altered).");
  }
}
