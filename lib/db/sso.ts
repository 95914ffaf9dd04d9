import "server-only";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors/app-error";
import { openSecret, sealSecret } from "@/lib/files/sealed-secret";
import type { SsoSettingsInput } from "@/lib/validation/sso";
import { recordAudit, withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { type TenantContext } from "./tenant";

const publicSelect = { enabled: true, displayName: true, issuer: true, clientId: true, allowedDomains: true, jitRole: true, passwordSignIn: true, acceptIdpMfa: true, updatedAt: true } as const;

/** The organisation's single sign-on settings, without the secret (null until set). */
export async function getSsoSettings(ctx: TenantContext) {
  return prisma.organizationSso.findUnique({ where: { organizationId: ctx.organizationId }, select: publicSelect });
}

export async function saveSsoSettings(ctx: TenantContext, input: SsoSettingsInput) {
  const existing = await prisma.organizationSso.findUnique({ where: { organizationId: ctx.organizationId }, select: { clientSecretSealed: true } });
  if (!existing && !input.clientSecret) throw new AppError("VALIDATION", "Enter the client secret.", { clientSecret: "Enter the client secret." });
  const { clientSecret, ...fields } = input;
  const secret = clientSecret ? { clientSecretSealed: sealSecret(clientSecret) } : {};
  await withAudit(
    ctx,
    (tx) =>
      existing
        ? tx.organizationSso.update({ where: { organizationId: ctx.organizationId }, data: { ...fields, ...secret, updatedById: ctx.userId } })
        : // Two first saves at once: the second meets the primary key and answers 409 (lib/http/failure).
          tx.organizationSso.create({ data: { organizationId: ctx.organizationId, ...fields, clientSecretSealed: sealSecret(clientSecret!), updatedById: ctx.userId } }),
    // Never the secret; only that it changed.
    () => ({ action: "sso.update", entityType: "Organization", entityId: ctx.organizationId, summary: { after: { ...fields, clientSecretChanged: clientSecret !== null } } }),
  );
}

/**
 * The organisation whose single sign-on covers this address's domain. A domain two organisations
 * both claim is nobody's: people are told to use their password rather than be sent to the wrong
 * identity provider.
 */
export async function ssoForEmail(email: string): Promise<{ organizationId: string; displayName: string } | { ambiguous: true } | null> {
  const domain = email.split("@").pop()!.toLowerCase();
  const rows = await prisma.organizationSso.findMany({ where: { enabled: true, allowedDomains: { has: domain } }, select: { organizationId: true, displayName: true }, take: 2 });
  if (rows.length > 1) return { ambiguous: true };
  return rows[0] ?? null;
}

/** What the identity provider needs: the sealed secret opened. Null when off or unset. */
export async function ssoProviderSettings(organizationId: string) {
  const row = await prisma.organizationSso.findUnique({ where: { organizationId }, select: { ...publicSelect, clientSecretSealed: true } });
  if (!row?.enabled) return null;
  const { clientSecretSealed, ...rest } = row;
  return { ...rest, clientSecret: openSecret(clientSecretSealed, "single sign-on client secret") };
}

/** The organisation's account with this address, as sign-in needs it (null: none). */
export async function ssoMember(organizationId: string, email: string) {
  const member = await prisma.membership.findFirst({
    where: { organizationId, user: { email } },
    select: { role: true, organization: { select: { requireMfa: true } }, user: { select: { id: true, email: true, sessionVersion: true, deactivatedAt: true } } },
  });
  return member;
}

export async function organizationRequiresMfa(organizationId: string) {
  return (await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { requireMfa: true } })).requireMfa;
}

/** Just-in-time account for a first single sign-on, with the role the admin chose; audited. */
export async function createSsoMember(organizationId: string, input: { email: string; name: string; role: Role; passwordHash: string }, ip: string | null) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, homeOrganizationId: organizationId, name: input.name, passwordHash: input.passwordHash, memberships: { create: { organizationId, role: input.role } } },
      select: { id: true, email: true, sessionVersion: true },
    });
    await recordAudit(tx, { organizationId, userId: "", actorLabel: "system: single sign-on", ip }, { action: "user.create.sso", entityType: "User", entityId: user.id, summary: { after: { email: input.email, role: input.role } } });
    return user;
  });
}

/**
 * With single sign-on on and password sign-in off, only admins keep their password (break-glass,
 * should the identity provider be down).
 */
export async function passwordSignInAllowed(organizationId: string, role: Role) {
  if (role === "ADMIN") return true;
  const sso = await prisma.organizationSso.findUnique({ where: { organizationId }, select: { enabled: true, passwordSignIn: true } });
  return !sso?.enabled || sso.passwordSignIn;
}
