import "server-only";
/**
 * SECURITY-CRITICAL. Two-step verification for a user: setting it up (secret, then a code to prove
 * the app has it, then recovery codes shown once), checking the second step at sign-in, turning it
 * off, an admin's reset for a lost device, and the organisation's rule that MSP staff must use it.
 * The TOTP secret is stored envelope-encrypted under the master key, like evidence files.
 */
import { openSecret as openSealed, sealSecret } from "@/lib/files/sealed-secret";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from "@/lib/auth/totp";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError, notFound } from "@/lib/errors/app-error";
import { withAudit } from "./audit";
import { prisma, type Tx } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

const openSecret = (stored: string) => openSealed(stored, "two-step secret");

/** MSP staff are every role but the client viewer. */
export const isMspStaff = (role: Role) => role !== "CLIENT_VIEWER";

const codeError = (message = "That code is not right. Enter the current 6-digit code from your app.") => new AppError("VALIDATION", message, { code: message });

async function loadOwn(ctx: TenantContext) {
  const user = await prisma.user.findFirst({
    where: { id: ctx.userId, memberships: { some: tenant(ctx) } },
    select: { id: true, email: true, mfaSecret: true, mfaEnabledAt: true, mfaLastStep: true },
  });
  if (!user) throw notFound("user");
  return user;
}

/** The caller's two-step status and the organisation's rule, for the security page. */
export async function getMfaStatus(ctx: TenantContext) {
  const [user, org, unusedCodes] = await Promise.all([
    loadOwn(ctx),
    prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { requireMfa: true } }),
    prisma.mfaRecoveryCode.count({ where: { userId: ctx.userId, usedAt: null } }),
  ]);
  return { enabledAt: user.mfaEnabledAt, required: org.requireMfa && isMspStaff(ctx.role), recoveryCodesLeft: unusedCodes };
}

/**
 * Starts (or restarts) setting up: a new secret, kept aside until a code proves the app has it.
 * Returns the secret (to type in) and the otpauth URI (for the QR code).
 */
export async function startMfaSetup(ctx: TenantContext, issuer: string) {
  const user = await loadOwn(ctx);
  if (user.mfaEnabledAt) throw new AppError("CONFLICT", "Two-step verification is already on.");
  const secret = newTotpSecret();
  await prisma.user.update({ where: { id: user.id }, data: { mfaSecret: sealSecret(secret), mfaLastStep: null } });
  return { secret, uri: totpUri(secret, user.email, issuer) };
}

async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = newRecoveryCodes();
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code)! })) });
  return codes;
}

/** Turns two-step verification on once a code from the app checks out; returns the recovery codes, shown once. */
export async function confirmMfaSetup(ctx: TenantContext, code: string, now = new Date()) {
  const user = await loadOwn(ctx);
  if (user.mfaEnabledAt) throw new AppError("CONFLICT", "Two-step verification is already on.");
  if (!user.mfaSecret) throw new AppError("CONFLICT", "Start setting up two-step verification first.");
  const step = matchTotp(openSecret(user.mfaSecret), code, now, null);
  if (step === null) throw codeError();
  return withAudit(
    ctx,
    async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { mfaEnabledAt: now, mfaLastStep: step } });
      return replaceRecoveryCodes(tx, user.id);
    },
    () => ({ action: "user.mfa.enable", entityType: "User", entityId: user.id }),
  );
}

/**
 * The second step at sign-in: a TOTP code from a step not used before, or an unused recovery
 * code (then spent). Each is claimed with a conditional update, so two sign-ins racing with the
 * same code cannot both pass. Returns how the user got in, or null.
 */
export async function verifySecondFactor(userId: string, code: string, now = new Date()): Promise<"totp" | "recovery" | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { mfaSecret: true, mfaEnabledAt: true, mfaLastStep: true } });
  if (!user?.mfaEnabledAt || !user.mfaSecret) return null;
  const step = matchTotp(openSecret(user.mfaSecret), code, now, user.mfaLastStep);
  if (step !== null) {
    const { count } = await prisma.user.updateMany({ where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] }, data: { mfaLastStep: step } });
    return count === 1 ? "totp" : null;
  }
  const hash = hashRecoveryCode(code);
  if (!hash) return null;
  const { count } = await prisma.mfaRecoveryCode.updateMany({ where: { userId, codeHash: hash, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? "recovery" : null;
}

async function proveWithCode(ctx: TenantContext, code: string, now: Date) {
  const how = await verifySecondFactor(ctx.userId, code, now);
  if (!how) throw codeError("That code is not right. Enter the current code from your app, or an unused recovery code.");
  return how;
}

/** New recovery codes (the old ones stop working), after a current code. */
export async function regenerateRecoveryCodes(ctx: TenantContext, code: string, now = new Date()) {
  const user = await loadOwn(ctx);
  if (!user.mfaEnabledAt) throw new AppError("CONFLICT", "Two-step verification is off.");
  await proveWithCode(ctx, code, now);
  return withAudit(ctx, (tx) => replaceRecoveryCodes(tx, user.id), () => ({ action: "user.mfa.recovery-codes", entityType: "User", entityId: user.id }));
}

/** Turns it off, after a current code; not while the organisation requires it of this user. */
export async function disableMfa(ctx: TenantContext, code: string, now = new Date()) {
  const status = await getMfaStatus(ctx);
  if (!status.enabledAt) throw new AppError("CONFLICT", "Two-step verification is already off.");
  if (status.required) throw new AppError("CONFLICT", "Your organisation requires two-step verification, so it cannot be turned off.");
  await proveWithCode(ctx, code, now);
  await withAudit(
    ctx,
    async (tx) => {
      await tx.user.update({ where: { id: ctx.userId }, data: { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null } });
      await tx.mfaRecoveryCode.deleteMany({ where: { userId: ctx.userId } });
    },
    () => ({ action: "user.mfa.disable", entityType: "User", entityId: ctx.userId }),
  );
}

/**
 * An admin's reset for a member who lost their device: two-step verification is cleared and their
 * sessions end, so they sign in with the password and (where required) set it up again.
 */
export async function resetMemberMfa(ctx: TenantContext, userId: string) {
  if (userId === ctx.userId) throw new AppError("CONFLICT", "Use your own security page to change your two-step verification.");
  const member = await prisma.membership.findFirst({ where: inTenant(ctx, { userId }), select: { user: { select: { id: true, email: true, mfaEnabledAt: true } } } });
  if (!member) throw notFound("user");
  await withAudit(
    ctx,
    async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, sessionVersion: { increment: 1 } } });
      await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    },
    () => ({ action: "user.mfa.reset", entityType: "User", entityId: userId, summary: { before: { email: member.user.email, enabled: member.user.mfaEnabledAt !== null } } }),
  );
}

/** The organisation's rule: whether MSP staff must use two-step verification. */
export async function setRequireMfa(ctx: TenantContext, requireMfa: boolean) {
  await withAudit(
    ctx,
    (tx) => tx.organization.update({ where: { id: ctx.organizationId }, data: { requireMfa } }),
    () => ({ action: "organization.require-mfa", entityType: "Organization", entityId: ctx.organizationId, summary: { after: { requireMfa } } }),
  );
}

/** Staff who have not set it up yet, for the admin's users page. */
export async function organizationMfaPolicy(ctx: TenantContext) {
  const [org, staffWithout] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { requireMfa: true } }),
    prisma.membership.count({ where: { role: { not: "CLIENT_VIEWER" }, user: { deactivatedAt: null, mfaEnabledAt: null }, ...tenant(ctx) } }),
  ]);
  return { requireMfa: org.requireMfa, staffWithoutMfa: staffWithout };
}
