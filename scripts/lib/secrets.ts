/**
 * Secrets Vetta needs at run time. Each comes from the environment when set; otherwise it is
 * generated once into .data/secrets.json (mode 0600, ignored by git) and reused on every start,
 * so sessions and encrypted files survive a restart.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

export interface Secrets {
  NEXTAUTH_SECRET: string;
  /** 32 bytes, base64: wraps the per-file keys of encrypted evidence files. */
  VETTA_FILE_MASTER_KEY: string;
  /** 32 bytes, base64: keys the audit chain and signs its anchors (never stored in the database). */
  VETTA_AUDIT_KEY: string;
}

const GENERATORS: Record<keyof Secrets, () => string> = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  VETTA_FILE_MASTER_KEY: () => randomBytes(32).toString("base64"),
  VETTA_AUDIT_KEY: () => randomBytes(32).toString("base64"),
};

export async function loadOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  let changed = false;
  const secrets = {} as Secrets;
  for (const name of Object.keys(GENERATORS) as Array<keyof Secrets>) {
    const fromEnv = process.env[name];
    if (fromEnv) {
      secrets[name] = fromEnv;
      continue;
    }
    if (!stored[name]) {
      stored[name] = GENERATORS[name]();
      changed = true;
    }
    secrets[name] = stored[name]!;
  }
  if (changed) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/**
 * One secret from the environment or secrets.json, never generated: for tools (audit:verify) that
 * must use the running installation's key, where a fresh key would make every seal look forged.
 */
export async function readSecret(dataDir: string, name: keyof Secrets): Promise<string | undefined> {
  if (process.env[name]) return process.env[name];
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(await readFile(file, "utf8")) as Partial<Secrets>)[name];
}
