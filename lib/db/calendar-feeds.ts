import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { addDays } from "@/lib/domain/dates/calendar-date";
import { buildIcs } from "@/lib/domain/renewals/ics";
import { RENEWAL_KIND_LABELS } from "@/lib/domain/renewals/renewal-schedule";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { collectRenewalItems } from "./renewals";
import { inTenant, todayFor, type TenantContext } from "./tenant";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function calendarFeedStatus(ctx: TenantContext) {
  return prisma.calendarFeedToken.findFirst({ where: inTenant(ctx, { userId: ctx.userId, revokedAt: null }), select: { id: true, createdAt: true } });
}

/**
 * SECURITY-CRITICAL. A new private feed URL for the caller: a 256-bit random token shown once;
 * only its SHA-256 is stored. Any earlier token of the caller's stops working.
 */
export async function createCalendarFeedToken(ctx: TenantContext) {
  const token = randomBytes(32).toString("base64url");
  await withAudit(
    ctx,
    async (tx) => {
      await tx.calendarFeedToken.updateMany({ where: inTenant(ctx, { userId: ctx.userId, revokedAt: null }), data: { revokedAt: new Date() } });
      return tx.calendarFeedToken.create({ data: { organizationId: ctx.organizationId, userId: ctx.userId, tokenHash: hashToken(token) }, select: { id: true } });
    },
    (row) => ({ action: "calendar.token.create", entityType: "CalendarFeedToken", entityId: row.id }),
  );
  return token;
}

export async function revokeCalendarFeedTokens(ctx: TenantContext) {
  await withAudit(
    ctx,
    (tx) => tx.calendarFeedToken.updateMany({ where: inTenant(ctx, { userId: ctx.userId, revokedAt: null }), data: { revokedAt: new Date() } }),
    () => ({ action: "calendar.token.revoke", entityType: "User", entityId: ctx.userId }),
  );
}

/**
 * The ICS feed behind a token, or null when the token is unknown, revoked, or its user is
 * deactivated or no longer a member: the renewal dates that user owns, from 90 days back to a
 * year ahead.
 */
export async function calendarFeedForToken(token: string, baseUrl: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await prisma.calendarFeedToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { organizationId: true, userId: true, revokedAt: true, organization: { select: { timeZone: true } }, user: { select: { name: true, deactivatedAt: true, memberships: { select: { organizationId: true, role: true } } } } },
  });
  if (!row || row.revokedAt || row.user.deactivatedAt) return null;
  const membership = row.user.memberships.find((m) => m.organizationId === row.organizationId);
  if (!membership || membership.role === "CLIENT_VIEWER") return null;
  const ctx: TenantContext = { organizationId: row.organizationId, userId: row.userId, role: membership.role, clientId: null, actorLabel: "calendar feed", ip: null, timeZone: row.organization.timeZone };
  const today = todayFor(ctx, now);
  const items = (await collectRenewalItems(ctx, { from: addDays(today, -90), until: addDays(today, 365) })).filter((i) => i.ownerId === row.userId);
  return buildIcs({
    name: `Vetta renewals — ${row.user.name}`,
    generatedAt: now,
    events: items.map((i) => ({
      uid: `${i.kind}-${i.itemId}-${i.dueOn}@vetta`,
      date: i.dueOn,
      summary: `${RENEWAL_KIND_LABELS[i.kind]}: ${i.productName ?? i.title}${i.clientName ? ` (${i.clientName})` : ""}`,
      description: [i.title, i.detail, i.action].filter(Boolean).join("\n"),
      url: `${baseUrl}${i.href}`,
    })),
  });
}
