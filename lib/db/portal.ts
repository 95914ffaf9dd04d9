import "server-only";
import { mayReachClient } from "@/lib/domain/reports/audience";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { prisma } from "./prisma-client";
import type { TenantContext } from "./tenant";

type Row = { id: string; expiresAt: Date; createdAt: Date; report: { id: string; kind: "PRODUCT" | "CLIENT_PORTFOLIO"; title: string; createdAt: Date } };

/**
 * SECURITY-CRITICAL. The reports shared with the viewer's own client: live (not revoked, not
 * expired) share links of that client, in the viewer's organisation. Nothing else.
 */
export async function listReportsSharedWithMyClient(ctx: TenantContext, now = new Date()) {
  if (!ctx.clientId) return [];
  const links = await prisma.shareLink.findMany({
    where: { organizationId: ctx.organizationId, clientId: ctx.clientId, revokedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      expiresAt: true,
      createdAt: true,
      report: { select: { id: true, kind: true, title: true, createdAt: true, clientId: true, snapshot: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  // One row per report, with the latest expiry among its live links; a report that may not reach
  // this client (lib/domain/reports/audience.ts) is not listed.
  const byReport = new Map<string, Row>();
  for (const { report: full, ...rest } of links) {
    if (!mayReachClient(full.snapshot as unknown as ReportSnapshot, full.clientId, ctx.clientId)) continue;
    const link: Row = { ...rest, report: { id: full.id, kind: full.kind, title: full.title, createdAt: full.createdAt } };
    const seen = byReport.get(link.report.id);
    if (!seen || seen.expiresAt < link.expiresAt) byReport.set(link.report.id, seen ? { ...link, createdAt: seen.createdAt } : link);
  }
  return [...byReport.values()];
}

export async function getClientName(ctx: TenantContext) {
  if (!ctx.clientId) return null;
  const client = await prisma.client.findFirst({ where: { organizationId: ctx.organizationId, id: ctx.clientId }, select: { name: true } });
  return client?.name ?? null;
}
