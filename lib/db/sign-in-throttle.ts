import "server-only";
import { prisma } from "./client";

/**
 * SECURITY-CRITICAL. Failed sign-ins counted per account and per IP in PostgreSQL, so every app
 * instance sees the same counts. A key that reaches its limit inside the window is locked for the
 * lock period; a success clears the account's counter (not the IP's).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountLimit: 5,
  ipLimit: 20,
};

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The time until which any of these keys is locked, or null. */
export async function lockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  if (rows.length === 0) return null;
  return rows.reduce((latest, r) => (r.lockedUntil! > latest ? r.lockedUntil! : latest), rows[0]!.lockedUntil!);
}

/** Counts one failure against each key; locks those that reach their limit. Atomic per key. */
export async function recordFailure(keys: Array<{ key: string; limit: number }>, now = new Date()) {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  for (const { key, limit } of keys) {
    // One statement: restart the window when it is old, count, and lock at the limit.
    await prisma.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
      VALUES (${key}, 1, ${now}, ${limit <= 1 ? lockUntil : null}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "SignInThrottle"."windowStart" >= ${windowStart} AND "SignInThrottle"."failures" + 1 >= ${limit} THEN ${lockUntil}
          ELSE "SignInThrottle"."lockedUntil" END,
        "updatedAt" = ${now}`;
  }
}

export async function clearFailures(key: string) {
  await prisma.signInThrottle.deleteMany({ where: { key } });
}

/** Public report checks per network address in the window: plenty for people, a wall for anyone probing hashes. */
export const VERIFY_LIMIT = 60;

/**
 * Counts one public verify check against the caller's address (every check, not only failures).
 * Returns the time until which the address is locked, or null when this check may go ahead.
 */
export async function takeVerifyAttempt(ip: string, now = new Date()): Promise<Date | null> {
  const key = `verify:${ip}`;
  const until = await lockedUntil([key], now);
  if (until) return until;
  await recordFailure([{ key, limit: VERIFY_LIMIT }], now);
  return null;
}
