import "server-only";
import type { DataClass, Framework, Residency, Role } from "@/lib/domain/vocabulary";
import type { OrganizationSettingsInput } from "@/lib/validation/organization";
import { recordAudit, withAudit } from "./audit";
import { refreshOrganizationOrMarkStale, refreshScoresNow } from "./score-refresh";
import { prisma } from "./prisma-client";
import type { TenantContext } from "./tenant";

export async function countOrganizations(): Promise<number> {
  return prisma.organization.count();
}

export interface NewOrganization {
  name: string;
  slug: string;
  clients: Array<{ name: string; dataClasses: DataClass[]; residency: Residency; frameworks: Framework[] }>;
  users: Array<{ email: string; name: string; role: Role; passwordHash: string; clientName?: string }>;
  /** Whether MSP staff must set up two-step verification (default: yes). */
  requireMfa?: boolean;
}

/**
 * Creates an organisation with its first clients and users in one transaction (first-run seed,
 * test fixtures). The audit trail starts here: its first events record who was created.
 */
export async function createOrganization(input: NewOrganization) {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: input.name, slug: input.slug, requireMfa: input.requireMfa ?? true } });
    const system = { organizationId: org.id, userId: "", actorLabel: "system", ip: null };
    await recordAudit(tx, system, { action: "organization.create", entityType: "Organization", entityId: org.id, summary: { after: { name: org.name, requireMfa: org.requireMfa } } });
    const clientIds = new Map<string, string>();
    for (const c of input.clients) {
      const client = await tx.client.create({ data: { ...c, organizationId: org.id } });
      clientIds.set(c.name, client.id);
      await recordAudit(tx, system, { action: "client.create", entityType: "Client", entityId: client.id, summary: { after: c } });
    }
    const users: Array<{ id: string; email: string; role: Role }> = [];
    for (const u of input.users) {
      const clientId = u.clientName ? clientIds.get(u.clientName) : undefined;
      if (u.clientName && !clientId) throw new Error(`Unknown client ${u.clientName} for ${u.email}`);
      const user = await tx.user.create({
        data: {
          email: u.email.toLowerCase(),
          homeOrganizationId: org.id,
          name: u.name,
          passwordHash: u.passwordHash,
          memberships: { create: { organizationId: org.id, role: u.role, clientId: clientId ?? null } },
        },
      });
      users.push({ id: user.id, email: user.email, role: u.role });
      await recordAudit(tx, system, { action: "user.create", entityType: "User", entityId: user.id, summary: { after: { email: user.email, role: u.role } } });
    }
    await tx.scoringModel.create({ data: { organizationId: org.id, version: 1, dpaWeight: 40, questionnaireWeight: 40, certificationWeight: 20 } });
    return { organization: org, users, clientIds: Object.fromEntries(clientIds) };
  });
}

/** The organisation's own settings, for Settings → Organisation. */
export async function getOrganizationSettings(ctx: TenantContext) {
  return prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true, timeZone: true, requireMfa: true } });
}

/** Changes the time zone that decides "today" (renewals, lapses, reminders, evidence validity). */
export async function updateOrganizationSettings(ctx: TenantContext, input: OrganizationSettingsInput) {
  const before = await getOrganizationSettings(ctx);
  const after: { refresh: "REFRESHED" | "STALE" } = { refresh: "REFRESHED" };
  await withAudit(
    ctx,
    async (tx) => {
      await tx.organization.update({ where: { id: ctx.organizationId }, data: { timeZone: input.timeZone } });
      // "Today" moved: expiry, lapses and review dates are judged on the new calendar at once.
      if (input.timeZone !== before.timeZone) after.refresh = await refreshOrganizationOrMarkStale(tx, ctx);
    },
    () => ({ action: "organization.update", entityType: "Organization", entityId: ctx.organizationId, summary: { before: { timeZone: before.timeZone }, after: { timeZone: input.timeZone } } }),
  );
  if (after.refresh === "STALE") await refreshScoresNow(ctx, "ORGANIZATION");
}
