import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/config/server-env";
import { findVendorRequestByToken, recordVendorAccess, type LinkRequest, type Visitor } from "@/lib/db/vendor-request-link";
import { lockedUntil, refundAttempt, takeAttempt, type AttemptLimit } from "@/lib/db/sign-in-throttle";
import { verifyPassword } from "./password";

/**
 * SECURITY-CRITICAL. Who may use a vendor questionnaire link: whoever holds a live request's token
 * (and, when it has one, has entered its passcode in this browser). Unknown, revoked and expired
 * links are the same "not found"; every attempt on a real link is logged. Every use of the token
 * endpoint counts against the caller's address, atomically in PostgreSQL (lib/db/sign-in-throttle):
 * plenty for a person answering with autosave, a wall for anyone probing tokens; unknown tokens
 * have a much smaller budget of their own.
 */
export const VENDOR_COOKIE = "vetta_vendor";
/** Uses of any vendor link per address per 15 minutes (autosave sends one per edited answer). */
export const VENDOR_LINK_IP_LIMIT = 600;
/** Unknown tokens per address per 15 minutes before the address is locked out of every link. */
export const VENDOR_LINK_MISS_LIMIT = 20;
export const VENDOR_PASSCODE_LIMIT = 10;

const ipOf = (visitor: Visitor) => visitor.ip ?? "unknown";
export const vendorLinkLimit = (visitor: Visitor): AttemptLimit => ({ key: `vendor-link:${ipOf(visitor)}`, limit: VENDOR_LINK_IP_LIMIT });
export const vendorMissLimit = (visitor: Visitor): AttemptLimit => ({ key: `vendor-miss:${ipOf(visitor)}`, limit: VENDOR_LINK_MISS_LIMIT });

export type VendorLinkResult = { state: "NOT_FOUND" } | { state: "THROTTLED"; until: Date } | { state: "PASSCODE_REQUIRED"; request: LinkRequest } | { state: "OK"; request: LinkRequest };

/** Proof, kept in a cookie scoped to the link's path, that this browser entered the passcode. */
export function vendorPasscodeProof(request: Pick<LinkRequest, "id" | "passcodeHash">): string {
  return createHmac("sha256", serverEnv.authSecret()).update(`vendor:${request.id}:${request.passcodeHash ?? ""}`).digest("base64url");
}

function proofMatches(request: LinkRequest, cookie: string | undefined) {
  if (!cookie) return false;
  const expected = Buffer.from(vendorPasscodeProof(request));
  const given = Buffer.from(cookie);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Opens a link for one use ("OPEN", "SAVE", "UPLOAD", "SUBMIT"): rate limit, then the token, then
 * its state, then the passcode. Refusals on a real link are logged here; the caller logs the use
 * itself together with what it does.
 */
export async function openVendorLink(token: string, visitor: Visitor, cookie: string | undefined, now = new Date()): Promise<VendorLinkResult> {
  const miss = vendorMissLimit(visitor);
  const locked = await lockedUntil([miss.key], now);
  if (locked) return { state: "THROTTLED", until: locked };
  const taken = await takeAttempt([vendorLinkLimit(visitor)], now);
  if (!taken.allowed) return { state: "THROTTLED", until: taken.lockedUntil };
  const request = await findVendorRequestByToken(token);
  if (!request) {
    await takeAttempt([miss], now);
    return { state: "NOT_FOUND" };
  }
  if (request.revokedAt || request.expiresAt <= now) {
    await recordVendorAccess(request, request.revokedAt ? "REFUSED_REVOKED" : "REFUSED_EXPIRED", visitor);
    return { state: "NOT_FOUND" };
  }
  if (request.passcodeHash && !proofMatches(request, cookie)) return { state: "PASSCODE_REQUIRED", request };
  return { state: "OK", request };
}

export type VendorUnlockResult = { ok: true; proof: string } | { ok: false; reason: "NOT_FOUND" | "WRONG" | "LOCKED" };

/** Checks a link's passcode; ten wrong ones in 15 minutes lock it (taken before argon2 runs, as share links do). */
export async function unlockVendorLink(token: string, passcode: string, visitor: Visitor, now = new Date()): Promise<VendorUnlockResult> {
  const opened = await openVendorLink(token, visitor, undefined, now);
  if (opened.state === "NOT_FOUND" || opened.state === "THROTTLED" || !opened.request.passcodeHash) return { ok: false, reason: opened.state === "THROTTLED" ? "LOCKED" : "NOT_FOUND" };
  const request = opened.request;
  const limit = { key: `vendor-passcode:${request.id}`, limit: VENDOR_PASSCODE_LIMIT };
  if (!(await takeAttempt([limit], now)).allowed) {
    await recordVendorAccess(request, "REFUSED_LOCKED", visitor);
    return { ok: false, reason: "LOCKED" };
  }
  if (!(await verifyPassword(request.passcodeHash!, passcode))) {
    await recordVendorAccess(request, "BAD_PASSCODE", visitor);
    return { ok: false, reason: "WRONG" };
  }
  await refundAttempt([limit]);
  await recordVendorAccess(request, "UNLOCKED", visitor);
  return { ok: true, proof: vendorPasscodeProof(request) };
}
