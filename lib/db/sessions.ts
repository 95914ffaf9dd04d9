import "server-only";
import { prisma } from "./prisma-client";

/**
 * SECURITY-CRITICAL. Server-side sessions. The next-auth cookie names a UserSession row; a cookie
 * whose row is revoked, past its absolute expiry or idle too long is refused (lib/auth/session),
 * so sign-out, a password change and sign-out-everywhere end sessions on the server, not only in
 * the browser that asked.
 */

/** lastSeenAt is written at most this often per session, so a busy page is not a write per request. */
const TOUCH_EVERY_MS = 60_000;

export async function createUserSession(input: { userId: string; organizationId: string; lifetimeSeconds: number }, now = new Date()) {
  const row = await prisma.userSession.create({
    data: { userId: input.userId, organizationId: input.organizationId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + input.lifetimeSeconds * 1000) },
    select: { id: true, expiresAt: true },
  });
  return row;
}

/**
 * True when the session is live for this user: not revoked, not past its absolute expiry, and
 * seen within the idle limit. A live session's lastSeenAt moves forward (at most once a minute).
 */
export async function touchUserSession(sessionId: string, userId: string, idleSeconds: number, now = new Date()): Promise<boolean> {
  const session = await prisma.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true } });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) return false;
  if (session.lastSeenAt.getTime() + idleSeconds * 1000 <= now.getTime()) return false;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Ends one session (plain sign-out). */
export async function revokeUserSession(sessionId: string, now = new Date()) {
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of a user, or every one but `keep` (the one changing its own password). */
export async function revokeUserSessions(userId: string, options: { keep?: string } = {}, now = new Date()) {
  await prisma.userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.keep ? { id: { not: options.keep } } : {}) },
    data: { revokedAt: now },
  });
}

/** A user's live sessions, for the security page. */
export async function countLiveSessions(userId: string, now = new Date()) {
  return prisma.userSession.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
}
