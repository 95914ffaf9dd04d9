import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError, notFound } from "@/lib/errors/app-error";
import { recordAudit, withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

/**
 * SECURITY-CRITICAL. Changing a password: one's own (current password checked by the caller in
 * lib/auth; every other session ends), or through an admin-issued reset link: a 256-bit random
 * token of which only the SHA-256 is stored, valid for RESET_LINK_MINUTES, consumed by one UPDATE
 * (so of any number of simultaneous uses exactly one wins), ending every session of the person.
 */
export const RESET_LINK_MINUTES = 60;
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const resetLinkPath = (token: string) => `/reset-password/${token}`;

/** ASVS 2.2.3: the person hears of every change to their password, whoever made it. */
function passwordChangedNotice(organizationId: string, to: string, at: Date, how: string) {
  return {
    organizationId,
    to,
    subject: "[Vetta] Your password was changed",
    body: [`Your Vetta password was changed at ${at.toISOString().slice(0, 16).replace("T", " ")} UTC.`, how, "", "If this was not you, tell your admin now: they can deactivate the account and send a reset link."].join("\n"),
  };
}

/** The caller's own password hash, to check the current password before a change. */
export async function findOwnPasswordHash(ctx: TenantContext) {
  const user = await prisma.user.findFirst({ where: { id: ctx.userId, memberships: { some: { organizationId: ctx.organizationId } } }, select: { email: true, passwordHash: true } });
  if (!user) throw notFound("user");
  return user;
}

/** Sets the caller's new password; every session but `keepSessionId` (the one asking) ends. */
export async function setOwnPassword(ctx: TenantContext, passwordHash: string, keepSessionId: string | null) {
  const now = new Date();
  await withAudit(
    ctx,
    async (tx) => {
      const user = await tx.user.update({ where: { id: ctx.userId }, data: { passwordHash }, select: { email: true } });
      await tx.outboxEmail.create({ data: passwordChangedNotice(ctx.organizationId, user.email, now, "You changed it under Account security; your other sessions were signed out.") });
      await tx.userSession.updateMany({ where: { userId: ctx.userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) }, data: { revokedAt: now } });
      // Links issued earlier must not outlive the password they were meant to replace.
      await tx.passwordReset.updateMany({ where: { userId: ctx.userId, usedAt: null }, data: { usedAt: now } });
    },
    () => ({ action: "user.password.change", entityType: "User", entityId: ctx.userId }),
  );
}

/**
 * An admin sends a member of their organisation a link to set a new password, through the outbox.
 * Earlier unused links of that person stop working. Returns where it went and until when.
 */
export async function issuePasswordReset(ctx: TenantContext, userId: string, publicUrl: string, now = new Date()) {
  const member = await prisma.membership.findFirst({ where: inTenant(ctx, { userId }), select: { user: { select: { id: true, email: true, name: true, deactivatedAt: true } } } });
  if (!member) throw notFound("user");
  if (member.user.deactivatedAt) throw new AppError("CONFLICT", "Reactivate this person before sending a reset link.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  await withAudit(
    ctx,
    async (tx) => {
      await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      await tx.passwordReset.create({ data: { userId, organizationId: ctx.organizationId, tokenHash: hashResetToken(token), expiresAt, createdById: ctx.userId, createdAt: now } });
      await tx.outboxEmail.create({
        data: {
          organizationId: ctx.organizationId,
          to: member.user.email,
          subject: "[Vetta] Set a new password",
          body: [
            `Hello ${member.user.name},`,
            "",
            `An admin of ${org.name} sent you a link to set a new password for Vetta. It works once, until ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC:`,
            "",
            `${publicUrl}${resetLinkPath(token)}`,
            "",
            "Setting a new password signs you out everywhere. If you did not expect this, tell your admin.",
          ].join("\n"),
        },
      });
    },
    () => ({ action: "user.password.reset-link", entityType: "User", entityId: userId, summary: { after: { expiresAt: expiresAt.toISOString() } } }),
  );
  return { to: member.user.email, expiresAt, token };
}

/** Whether a reset link is usable now (for the public page), without using it. */
export async function findLiveReset(token: string, now = new Date()) {
  const row = await prisma.passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { expiresAt: true, usedAt: true, user: { select: { email: true, deactivatedAt: true } } } });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.deactivatedAt) return null;
  return { email: row.user.email, expiresAt: row.expiresAt };
}

/**
 * Uses a reset link: the one UPDATE that marks it used decides (row lock), so a link works once
 * even when many requests carry it at the same moment. The new password takes effect, and every
 * session of the person ends. Returns false for an unknown, used or expired link.
 */
export async function consumePasswordReset(token: string, passwordHash: string, ip: string | null, now = new Date()): Promise<{ email: string } | null> {
  return prisma.$transaction(async (tx) => {
    const used = await tx.$queryRaw<Array<{ userId: string; organizationId: string }>>`
      UPDATE "PasswordReset" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${hashResetToken(token)} AND "usedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "userId", "organizationId"`;
    const claim = used[0];
    if (!claim) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: claim.userId }, select: { email: true, deactivatedAt: true } });
    if (user.deactivatedAt) return null;
    await tx.user.update({ where: { id: claim.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.outboxEmail.create({ data: passwordChangedNotice(claim.organizationId, user.email, now, "It was set through a reset link your admin sent; you were signed out everywhere.") });
    await tx.userSession.updateMany({ where: { userId: claim.userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { organizationId: claim.organizationId, userId: claim.userId, actorLabel: user.email, ip }, { action: "user.password.reset", entityType: "User", entityId: claim.userId });
    return { email: user.email };
  });
}
