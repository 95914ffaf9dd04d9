import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * SECURITY-CRITICAL. Passwords are hashed with argon2id (OWASP's first choice) with parameters
 * above OWASP's minimum (19 MiB, 2 passes). The hash string carries its own parameters, so they
 * can be raised later without breaking existing hashes.
 */
// algorithm 2 is Argon2id (a const enum in the typings, which isolatedModules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-but-the-same-cost");
  await verifyPassword(await dummyHash, password);
}
