import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { clientReachOf, mayReachClient } from "@/lib/domain/reports/audience";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { withAudit } from "./audit";
import { emitWebhookEvent } from "./webhooks";
import { prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

export const hashShareToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** 32 random bytes, base64url: 43 characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * SECURITY-CRITICAL. Shares a report with one client: a 256-bit random token of which only the
 * SHA-256 is stored (the URL is shown once), an expiry, and optionally a passcode (stored as an
 * argon2 hash made by the caller). A report scoped to a client can only be shared with that client.
 */
export async function createShareLink(ctx: TenantContext, input: { reportId: string; clientId: string; expiresAt: Date; passcodeHash: string | null }) {
  const [report, client] = await Promise.all([
    prisma.report.findFirst({ where: inTenant(ctx, { id: input.reportId }), select: { id: true, clientId: true, title: true, snapshot: true } }),
    prisma.client.findFirst({ where: inTenant(ctx, { id: input.clientId, archivedAt: null }), select: { id: true, name: true } }),
  ]);
  if (!report) throw notFound("report");
  if (!client) throw new AppError("VALIDATION", "Choose a client from the list.", { clientId: "Choose a client from the list." });
  const reach = clientReachOf(report.snapshot as unknown as ReportSnapshot, report.clientId);
  if (reach.to === "NO_CLIENT") throw new AppError("VALIDATION", reach.reason, { clientId: reach.reason });
  if (reach.to === "ONE_CLIENT" && reach.clientId !== client.id) throw new AppError("VALIDATION", "This report is about another client.", { clientId: "This report is about another client: it can only be shared with that client." });
  const token = randomBytes(32).toString("base64url");
  const link = await withAudit(
    ctx,
    async (tx) => {
      const row = await tx.shareLink.create({
        data: { organizationId: ctx.organizationId, reportId: report.id, clientId: client.id, tokenHash: hashShareToken(token), passcodeHash: input.passcodeHash, expiresAt: input.expiresAt, createdById: ctx.userId },
        select: { id: true },
      });
      // Never the link itself: it is a secret for the client.
      await emitWebhookEvent(tx, ctx.organizationId, "report.shared", { reportId: report.id, title: report.title, clientId: client.id, shareLinkId: row.id, expiresAt: input.expiresAt.toISOString(), sharedBy: ctx.actorLabel });
      return row;
    },
    (row) => ({ action: "report.share", entityType: "ShareLink", entityId: row.id, summary: { after: { reportId: report.id, client: client.name, expiresAt: input.expiresAt.toISOString(), passcode: input.passcodeHash !== null } } }),
  );
  return { id: link.id, token };
}

export async function revokeShareLink(ctx: TenantContext, id: string) {
  const link = await prisma.shareLink.findFirst({ where: inTenant(ctx, { id }), select: { id: true, revokedAt: true } });
  if (!link) throw notFound("share link");
  if (link.revokedAt) return;
  await withAudit(
    ctx,
    (tx) => tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } }),
    () => ({ action: "report.share.revoke", entityType: "ShareLink", entityId: link.id }),
  );
}

/** A report's share links, newest first, each with its access log (latest 50). */
export async function listShareLinks(ctx: TenantContext, reportId: string) {
  const links = await prisma.shareLink.findMany({
    where: inTenant(ctx, { reportId }),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      passcodeHash: true,
      client: { select: { id: true, name: true } },
      accesses: { orderBy: { at: "desc" }, take: 50, select: { id: true, at: true, ip: true, userAgent: true, outcome: true } },
      _count: { select: { accesses: true } },
    },
  });
  return links.map(({ passcodeHash, ...l }) => ({ ...l, hasPasscode: passcodeHash !== null }));
}

/** The link behind a token, whatever its state (the caller decides and logs). Null when unknown. */
export async function findShareLinkByToken(token: string) {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  return prisma.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, organizationId: true, reportId: true, clientId: true, expiresAt: true, revokedAt: true, passcodeHash: true },
  });
}

export async function recordShareAccess(link: { id: string; organizationId: string }, outcome: string, from: { ip: string | null; userAgent: string | null }) {
  await prisma.shareAccess.create({ data: { organizationId: link.organizationId, shareLinkId: link.id, outcome, ip: from.ip, userAgent: from.userAgent?.slice(0, 300) ?? null } });
}

/**
 * SECURITY-CRITICAL (client walls). The stored report behind a share link (no tenant context: the
 * link is the credential), or null when the report may not reach the link's client (a product
 * report issued before client scoping, or a report about another client): see
 * lib/domain/reports/audience.ts. Every client-facing path (share page, share PDF, portal) reads
 * reports through here.
 */
export async function reportForShareLink(link: { organizationId: string; reportId: string; clientId: string }) {
  const report = await prisma.report.findFirstOrThrow({
    where: { id: link.reportId, organizationId: link.organizationId },
    select: { id: true, title: true, kind: true, clientId: true, snapshot: true, contentSha256: true, pdfSha256: true, createdAt: true },
  });
  return mayReachClient(report.snapshot as unknown as ReportSnapshot, report.clientId, link.clientId) ? report : null;
}

/**
 * SECURITY-CRITICAL. A report a client viewer may open: only through a live share link of their
 * own client in their own organisation. Any other id is not found.
 */
export async function reportForViewer(ctx: TenantContext, reportId: string, now = new Date()) {
  if (!ctx.clientId) throw notFound("report");
  const link = await prisma.shareLink.findFirst({
    where: { reportId, clientId: ctx.clientId, revokedAt: null, expiresAt: { gt: now }, ...tenant(ctx) },
    select: { id: true, organizationId: true, expiresAt: true },
  });
  if (!link) throw notFound("report");
  const report = await reportForShareLink({ organizationId: ctx.organizationId, reportId, clientId: ctx.clientId });
  if (!report) throw notFound("report");
  return { link, report };
}
