import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/config/server-env";
import { findShareLinkByToken, recordShareAccess, reportForShareLink } from "@/lib/db/share-links";
import { refundAttempt, sharePasscodeLimit, takeAttempt } from "@/lib/db/sign-in-throttle";
import { verifyPassword } from "./password";

/**
 * SECURITY-CRITICAL. Who may open a shared report: whoever holds a live link's token (and, when
 * the link has one, has entered its passcode in this browser). Unknown, revoked and expired links
 * are indistinguishable to the visitor (all "not found"); every attempt on a real link is logged.
 */
export const SHARE_COOKIE = "vetta_share";

export interface Visitor {
  ip: string | null;
  userAgent: string | null;
}

type Link = NonNullable<Awaited<ReturnType<typeof findShareLinkByToken>>>;

/** Proof, kept in a cookie scoped to the link's path, that this browser entered the passcode. */
export function passcodeProof(link: Pick<Link, "id" | "passcodeHash">): string {
  return createHmac("sha256", serverEnv.authSecret()).update(`share:${link.id}:${link.passcodeHash ?? ""}`).digest("base64url");
}

function proofMatches(link: Link, cookie: string | undefined) {
  if (!cookie) return false;
  const expected = Buffer.from(passcodeProof(link));
  const given = Buffer.from(cookie);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function liveLink(token: string, visitor: Visitor, now: Date) {
  const link = await findShareLinkByToken(token);
  if (!link) return null;
  if (link.revokedAt || link.expiresAt <= now) {
    await recordShareAccess(link, link.revokedAt ? "REFUSED_REVOKED" : "REFUSED_EXPIRED", visitor);
    return null;
  }
  return link;
}

export type ShareOpenResult =
  | { state: "NOT_FOUND" }
  | { state: "PASSCODE_REQUIRED" }
  | { state: "OK"; link: Link; report: NonNullable<Awaited<ReturnType<typeof reportForShareLink>>> };

/** Opens a shared report for viewing ("VIEW") or downloading ("DOWNLOAD"), and logs it. */
export async function openSharedReport(token: string, purpose: "VIEW" | "DOWNLOAD", visitor: Visitor, cookie: string | undefined, now = new Date()): Promise<ShareOpenResult> {
  const link = await liveLink(token, visitor, now);
  if (!link) return { state: "NOT_FOUND" };
  if (link.passcodeHash && !proofMatches(link, cookie)) return { state: "PASSCODE_REQUIRED" };
  // Client walls: a report that may not reach this link's client is not found (and logged as refused).
  const report = await reportForShareLink(link);
  if (!report) {
    await recordShareAccess(link, "REFUSED_OTHER_CLIENTS_DATA", visitor);
    return { state: "NOT_FOUND" };
  }
  await recordShareAccess(link, purpose, visitor);
  return { state: "OK", link, report };
}

export type UnlockResult = { ok: true; proof: string } | { ok: false; reason: "NOT_FOUND" | "WRONG" | "LOCKED" };

/**
 * Checks a passcode; ten wrong ones within 15 minutes lock the link for 15 minutes. The attempt is
 * taken from the link's budget before argon2 runs (one atomic statement), so a burst of guesses
 * gets no more than ten checked; a right passcode gives its attempt back.
 */
export async function unlockSharedReport(token: string, passcode: string, visitor: Visitor, now = new Date()): Promise<UnlockResult> {
  const link = await liveLink(token, visitor, now);
  if (!link || !link.passcodeHash) return { ok: false, reason: "NOT_FOUND" };
  const limit = sharePasscodeLimit(link.id);
  if (!(await takeAttempt([limit], now)).allowed) {
    await recordShareAccess(link, "REFUSED_LOCKED", visitor);
    return { ok: false, reason: "LOCKED" };
  }
  if (!(await verifyPassword(link.passcodeHash, passcode))) {
    await recordShareAccess(link, "BAD_PASSCODE", visitor);
    return { ok: false, reason: "WRONG" };
  }
  await refundAttempt([limit]);
  await recordShareAccess(link, "UNLOCKED", visitor);
  return { ok: true, proof: passcodeProof(link) };
}
