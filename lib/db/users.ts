import "server-only";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError, notFound } from "@/lib/errors/app-error";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

/**
 * The accounts behind a sign-in attempt. Sign-in happens before there is a tenant, and an address
 * is unique per organisation only, so there may be several: the most recently used first (a few at
 * most; sign-in tries each password hash in this order).
 */
export async function findAccountsForSignIn(email: string) {
  return prisma.user.findMany({
    where: { email: email.trim().toLowerCase() },
    orderBy: [{ lastSignInAt: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    take: 5,
    select: {
      id: true,
      email: true,
      passwordHash: true,
      sessionVersion: true,
      deactivatedAt: true,
      mfaEnabledAt: true,
      memberships: { select: { organizationId: true, role: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
}

/**
 * SECURITY-CRITICAL. Re-reads a session's user on every request: a deactivated user, a bumped
 * session version or a removed membership ends the session now; the role is always the current
 * one, so a role change bites on the very next request.
 */
export async function loadSessionMember(userId: string, organizationId: string, sessionVersion: number) {
  const member = await prisma.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: {
      role: true,
      clientId: true,
      organization: { select: { id: true, name: true, requireMfa: true, timeZone: true } },
      user: { select: { id: true, email: true, name: true, sessionVersion: true, deactivatedAt: true, mfaEnabledAt: true } },
    },
  });
  if (!member || member.user.deactivatedAt || member.user.sessionVersion !== sessionVersion) return null;
  return {
    userId: member.user.id,
    email: member.user.email,
    name: member.user.name,
    role: member.role as Role,
    clientId: member.clientId,
    organizationId: member.organization.id,
    organizationName: member.organization.name,
    timeZone: member.organization.timeZone,
    // MSP staff in an organisation that requires two-step verification, who have not set it up.
    mfaSetupRequired: member.organization.requireMfa && member.role !== "CLIENT_VIEWER" && member.user.mfaEnabledAt === null,
  };
}

const userListSelect = {
  id: true,
  role: true,
  clientId: true,
  createdAt: true,
  client: { select: { id: true, name: true } },
  user: { select: { id: true, email: true, name: true, deactivatedAt: true, lastSignInAt: true, mfaEnabledAt: true } },
} as const;

export async function listMembers(ctx: TenantContext) {
  const rows = await prisma.membership.findMany({
    where: inTenant(ctx),
    select: userListSelect,
    orderBy: [{ user: { deactivatedAt: { sort: "asc", nulls: "first" } } }, { user: { name: "asc" } }],
  });
  return rows.map((m) => ({
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role as Role,
    client: m.client,
    active: m.user.deactivatedAt === null,
    deactivatedAt: m.user.deactivatedAt,
    lastSignInAt: m.user.lastSignInAt,
    mfaEnabled: m.user.mfaEnabledAt !== null,
    createdAt: m.createdAt,
  }));
}

async function requireClientInTenant(ctx: TenantContext, role: Role, clientId: string | null | undefined) {
  if (role !== "CLIENT_VIEWER") return null;
  if (!clientId) throw new AppError("VALIDATION", "A client viewer must belong to a client.", { clientId: "Choose the client this person belongs to." });
  const client = await prisma.client.findFirst({ where: inTenant(ctx, { id: clientId }), select: { id: true } });
  if (!client) throw new AppError("VALIDATION", "That client does not exist.", { clientId: "Choose a client from the list." });
  return client.id;
}

export async function createMember(
  ctx: TenantContext,
  input: { email: string; name: string; role: Role; clientId?: string | null; passwordHash: string },
) {
  const email = input.email.trim().toLowerCase();
  const clientId = await requireClientInTenant(ctx, input.role, input.clientId);
  // Only this organisation's accounts are looked at: whether the address has an account in another
  // organisation is none of this admin's business, and creating one here reveals nothing about it.
  const existing = await prisma.user.findFirst({ where: { email, homeOrganizationId: ctx.organizationId }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "This organisation already has a user with that email.", { email: "This email is already in use." });
  return withAudit(
    ctx,
    (tx) =>
      tx.user.create({
        data: {
          email,
          homeOrganizationId: ctx.organizationId,
          name: input.name.trim(),
          passwordHash: input.passwordHash,
          memberships: { create: { organizationId: ctx.organizationId, role: input.role, clientId } },
        },
        select: { id: true, email: true },
      }),
    (user) => ({ action: "user.create", entityType: "User", entityId: user.id, summary: { after: { email, role: input.role, clientId } } }),
  );
}

async function memberInTenant(ctx: TenantContext, userId: string) {
  const member = await prisma.membership.findFirst({
    where: inTenant(ctx, { userId }),
    select: { id: true, role: true, clientId: true, user: { select: { deactivatedAt: true, email: true } } },
  });
  if (!member) throw notFound("user");
  return member;
}

async function assertAnotherActiveAdmin(ctx: TenantContext, userId: string) {
  const admins = await prisma.membership.count({
    where: { role: "ADMIN", userId: { not: userId }, user: { deactivatedAt: null }, ...tenant(ctx) },
  });
  if (admins === 0) throw new AppError("CONFLICT", "The organisation must keep at least one active admin.");
}

export async function changeMemberRole(ctx: TenantContext, userId: string, role: Role, clientId?: string | null) {
  const member = await memberInTenant(ctx, userId);
  if (member.role === "ADMIN" && role !== "ADMIN") await assertAnotherActiveAdmin(ctx, userId);
  const nextClientId = await requireClientInTenant(ctx, role, clientId);
  await withAudit(
    ctx,
    // No sign-out needed: every request re-reads the role (loadSessionMember), so it bites at once.
    (tx) => tx.membership.update({ where: { id: member.id }, data: { role, clientId: nextClientId } }),
    () => ({
      action: "user.role.change",
      entityType: "User",
      entityId: userId,
      summary: { before: { role: member.role, clientId: member.clientId }, after: { role, clientId: nextClientId } },
    }),
  );
}

export async function setMemberActive(ctx: TenantContext, userId: string, active: boolean) {
  const member = await memberInTenant(ctx, userId);
  if (!active && userId === ctx.userId) throw new AppError("CONFLICT", "You cannot deactivate yourself.");
  if (!active && member.role === "ADMIN") await assertAnotherActiveAdmin(ctx, userId);
  await withAudit(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: userId },
        data: active ? { deactivatedAt: null } : { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
      }),
    () => ({
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: userId,
      summary: { before: { active: member.user.deactivatedAt === null }, after: { active } },
    }),
  );
}

/** Sign out everywhere: every session issued before now stops working. */
export async function revokeOwnSessions(ctx: TenantContext) {
  await withAudit(
    ctx,
    async (tx) => {
      await tx.userSession.updateMany({ where: { userId: ctx.userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.user.update({ where: { id: ctx.userId }, data: { sessionVersion: { increment: 1 } } });
    },
    () => ({ action: "user.sessions.revoke", entityType: "User", entityId: ctx.userId }),
  );
}

/** One member of the caller's organisation, with their recent activity; NOT_FOUND otherwise. */
export async function getMember(ctx: TenantContext, userId: string) {
  const member = await prisma.membership.findFirst({ where: inTenant(ctx, { userId }), select: userListSelect });
  if (!member) throw notFound("user");
  const activity = await prisma.auditEvent.findMany({
    where: inTenant(ctx, { OR: [{ actorId: userId }, { entityType: "User", entityId: userId }] }),
    orderBy: { seq: "desc" },
    take: 25,
    select: { id: true, seq: true, action: true, entityType: true, entityId: true, actorLabel: true, createdAt: true, ip: true },
  });
  return {
    userId: member.user.id,
    email: member.user.email,
    name: member.user.name,
    role: member.role as Role,
    client: member.client,
    active: member.user.deactivatedAt === null,
    lastSignInAt: member.user.lastSignInAt,
    createdAt: member.createdAt,
    activity,
  };
}
