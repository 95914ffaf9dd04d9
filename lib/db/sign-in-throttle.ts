import "server-only";
import { prisma } from "./prisma-client";

/**
 * SECURITY-CRITICAL. Attempt limits (sign-in per account and per IP, share-link passcodes, public
 * report checks) counted in PostgreSQL, so every app instance sees the same counts.
 *
 * An attempt is TAKEN before the slow check (argon2) runs, by one INSERT … ON CONFLICT DO UPDATE …
 * RETURNING that restarts an old window, counts and decides in the same statement. PostgreSQL
 * serialises the upserts on the row, so of 40 attempts arriving at once exactly `limit` are let
 * through and the rest are refused, whatever they carry: once a key reaches its limit even the
 * right password waits until the lock ends. A success gives its attempt back (refundAttempt) or
 * clears the account's count (clearFailures), so only failures (and attempts in flight) count.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountLimit: 5,
  ipLimit: 20,
};

export interface AttemptLimit {
  key: string;
  limit: number;
}

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const signInLimits = (email: string, ip: string): AttemptLimit[] => [
  { key: accountKey(email), limit: THROTTLE.accountLimit },
  { key: ipKey(ip), limit: THROTTLE.ipLimit },
];

/**
 * The time until which any of these keys is locked, or null. A read, not a decision: only a quick
 * early refusal (HTTP 429) for keys already known to be locked; takeAttempt is what decides.
 */
export async function lockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  if (rows.length === 0) return null;
  return rows.reduce((latest, r) => (r.lockedUntil! > latest ? r.lockedUntil! : latest), rows[0]!.lockedUntil!);
}

export type AttemptDecision = { allowed: true } | { allowed: false; lockedUntil: Date };

/**
 * Takes one attempt against one key, atomically: the count (restarted when the window and any
 * lock have passed) goes up by one; the attempt that reaches the limit is the last one allowed and
 * starts the lock; every attempt after it is refused until the lock ends.
 */
async function takeOne({ key, limit }: AttemptLimit, now: Date): Promise<AttemptDecision> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  const rows = await prisma.$queryRaw<Array<{ failures: number; lockedUntil: Date | null }>>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, CASE WHEN ${limit}::int <= 1 THEN ${lockUntil}::timestamp(3) END, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."windowStart" < ${windowStart} AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}) THEN 1
        ELSE t."failures" + 1 END,
      "windowStart" = CASE
        WHEN t."windowStart" < ${windowStart} AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}) THEN ${now}
        ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN t."windowStart" < ${windowStart} AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now})
          THEN CASE WHEN ${limit}::int <= 1 THEN ${lockUntil}::timestamp(3) END
        WHEN t."failures" + 1 >= ${limit}::int AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}) THEN ${lockUntil}::timestamp(3)
        ELSE t."lockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0]!;
  if (row.failures <= limit) return { allowed: true };
  return { allowed: false, lockedUntil: row.lockedUntil ?? lockUntil };
}

/** Takes one attempt against every key; allowed only when every key allows it. */
export async function takeAttempt(limits: AttemptLimit[], now = new Date()): Promise<AttemptDecision> {
  let refused: Date | null = null;
  // Every key counts the attempt, even when an earlier one already refused it: a burst spread
  // over many accounts still spends the IP's budget.
  for (const limit of limits) {
    const decision = await takeOne(limit, now);
    if (!decision.allowed && (!refused || decision.lockedUntil > refused)) refused = decision.lockedUntil;
  }
  return refused ? { allowed: false, lockedUntil: refused } : { allowed: true };
}

/** Gives back an attempt that turned out not to be a failure; lifts the lock it may have started. */
export async function refundAttempt(limits: AttemptLimit[]) {
  for (const { key, limit } of limits) {
    await prisma.$executeRaw`
      UPDATE "SignInThrottle" SET
        "failures" = GREATEST("failures" - 1, 0),
        "lockedUntil" = CASE WHEN "failures" - 1 < ${limit}::int THEN NULL ELSE "lockedUntil" END
      WHERE "key" = ${key}`;
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
  const decision = await takeAttempt([{ key: `verify:${ip}`, limit: VERIFY_LIMIT }], now);
  return decision.allowed ? null : decision.lockedUntil;
}

/** Wrong passcodes a share link takes in the window before it locks. */
export const SHARE_PASSCODE_LIMIT = 10;
export const sharePasscodeLimit = (linkId: string): AttemptLimit => ({ key: `share:${linkId}`, limit: SHARE_PASSCODE_LIMIT });
