import "server-only";
import { randomBytes } from "node:crypto";
import { claimedReportId, contentHashOf, normalizeSha256, sha256Hex } from "@/lib/domain/reports/report-hash";
import { REPORT_SNAPSHOT_VERSION, withoutClientData } from "@/lib/domain/reports/audience";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { PageKey } from "@/lib/domain/list-pages";
import { defaultListQuery, type ListQuery, type ListQueryOptions } from "@/lib/validation/list-query";
import { z } from "zod";
import type { ReportMeta, ReportSnapshot } from "@/lib/pdf/report-data";
import { renderSnapshot } from "@/lib/pdf/render-snapshot";
import { withAudit } from "./audit";
import { getOrganizationLogo } from "./organization-logo";
import { keyParam, readKeysetPage } from "./keyset-page";
import { cappedCount, planPage, type KeysetSort, type PagePlan } from "./keyset-sql";
import { prisma, Prisma } from "./prisma-client";
import { portfolioReportData, productReportData } from "./report-data";
import { inTenant, type TenantContext } from "./tenant";
import { logger } from "@/lib/log/logger";

export type ReportTarget = { kind: "PRODUCT"; productId: string; useCaseId?: string | null } | { kind: "PORTFOLIO"; clientId: string };

/** Report ids are printed in the PDF and typed into the verify page: lowercase, unguessable (96 bits). */
const newReportId = () => `r${randomBytes(12).toString("hex")}`;

/**
 * SECURITY-CRITICAL (report integrity). Issues a report: the data as of now is frozen into an
 * immutable snapshot, hashed (content SHA-256, printed in the PDF), rendered, and the PDF's own
 * SHA-256 stored so the verify page can recognise the file. Returns the id and the PDF.
 */
export async function createReport(ctx: TenantContext, target: ReportTarget, publicUrl: string, now = new Date()) {
  const [data, org, user, logo] = await Promise.all([
    target.kind === "PRODUCT" ? productReportData(ctx, target, now) : portfolioReportData(ctx, target.clientId, now),
    prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } }),
    prisma.user.findUnique({ where: { id: ctx.userId }, select: { name: true } }),
    getOrganizationLogo(ctx),
  ]);
  const scope =
    target.kind === "PRODUCT"
      ? await (async () => {
          if (!target.useCaseId) return { productId: target.productId, useCaseId: null, clientId: null };
          const uc = await prisma.useCase.findFirst({ where: inTenant(ctx, { id: target.useCaseId }), select: { id: true, productId: true, clientId: true } });
          if (!uc) throw notFound("use case");
          return { productId: uc.productId, useCaseId: uc.id, clientId: uc.clientId };
        })()
      : { productId: null, useCaseId: null, clientId: target.clientId };
  const id = newReportId();
  const meta: Omit<ReportMeta, "contentSha256"> = { reportId: id, verifyUrl: `${publicUrl}/verify`, organizationName: org.name, generatedAt: now.toISOString(), generatedBy: user?.name ?? ctx.actorLabel, logo: logo ? { mime: logo.mimeType, base64: Buffer.from(logo.bytes).toString("base64") } : null };
  // Client walls, checked again on what is about to be frozen: a report about no client holds no client's data.
  if (scope.clientId === null && data.kind === "PRODUCT" && !withoutClientData(data)) throw new Error("A product-level report must hold no client's use cases, exceptions or dates.");
  const snapshot: ReportSnapshot = { version: REPORT_SNAPSHOT_VERSION, meta, data };
  const contentSha256 = contentHashOf(snapshot);
  const pdf = await renderSnapshot(snapshot, contentSha256);
  const pdfSha256 = sha256Hex(pdf);
  const title =
    data.kind === "PRODUCT" ? `${data.vendor.name} — ${data.product.name}${data.useCase ? ` for ${data.useCase.clientName}` : ""}` : `${data.client.name}: AI portfolio`;
  await withAudit(
    ctx,
    (tx) =>
      tx.report.create({
        data: { id, organizationId: ctx.organizationId, kind: target.kind === "PRODUCT" ? "PRODUCT" : "CLIENT_PORTFOLIO", ...scope, title, snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonObject, contentSha256, pdfSha256, createdById: ctx.userId, createdAt: now },
        select: { id: true },
      }),
    () => ({ action: "report.create", entityType: "Report", entityId: id, summary: { after: { kind: target.kind, title, contentSha256, pdfSha256 } } }),
  );
  return { id, pdf, pdfSha256, contentSha256 };
}

/** Re-renders a stored report from its snapshot: same data, same bytes. */
export async function renderStoredReport(report: { snapshot: unknown; contentSha256: string; pdfSha256: string; id: string }) {
  const snapshot = report.snapshot as unknown as ReportSnapshot;
  if (contentHashOf(snapshot) !== report.contentSha256) throw new AppError("CONFLICT", `Report ${report.id}'s stored data does not match its content hash.`);
  const pdf = await renderSnapshot(snapshot, report.contentSha256);
  if (sha256Hex(pdf) !== report.pdfSha256) logger.warn({ reportId: report.id }, "report re-rendered to different bytes than issued (renderer changed?); its content hash still matches");
  return pdf;
}

const listSelect = { id: true, kind: true, title: true, contentSha256: true, createdAt: true, createdById: true, productId: true, clientId: true, useCaseId: true } as const;

/** /reports: every report issued, newest first; pages past 20 by cursor (issue 17). */
export const REPORT_LIST: ListQueryOptions = { sortable: ["createdAt"], defaultSort: { id: "createdAt", desc: true }, keyset: true };

const reportRow = z.object({
  id: z.string(),
  kind: z.enum(["PRODUCT", "CLIENT_PORTFOLIO"]),
  title: z.string(),
  contentSha256: z.string(),
  createdAt: z.date(),
  createdById: z.string(),
  productId: z.string().nullable(),
  clientId: z.string().nullable(),
  useCaseId: z.string().nullable(),
  createdBy: z.string().nullable(),
  shareLinks: z.number().int(),
  total: z.number().int(),
});

type ReportFilter = { productId?: string; clientId?: string; useCaseId?: string };

/** The SQL of one reports page (rows with the capped total) and of the total alone. */
function reportListStatements(ctx: TenantContext, filter: ReportFilter, query: ListQuery) {
  const org = ctx.organizationId;
  const conditions = [
    Prisma.sql`r."organizationId" = ${org}`,
    ...(filter.productId ? [Prisma.sql`r."productId" = ${filter.productId}`] : []),
    ...(filter.clientId ? [Prisma.sql`r."clientId" = ${filter.clientId}`] : []),
    ...(filter.useCaseId ? [Prisma.sql`r."useCaseId" = ${filter.useCaseId}`] : []),
  ];
  const from = Prisma.sql`FROM "Report" r WHERE ${Prisma.join(conditions, " AND ")}`;
  // Newest first; the tie-breaker ascends either way, as the Prisma query did. Index (organizationId, createdAt, id).
  const sort: KeysetSort = { key: Prisma.sql`page_source."createdAt"`, param: keyParam.timestamp, tie: Prisma.sql`page_source.id`, desc: query.sort?.desc !== false };
  const keyOf = (row: z.infer<typeof reportRow>): PageKey => [row.createdAt.toISOString(), row.id];
  // Share links are counted and authors named for the page's reports only.
  const page = (plan: PagePlan) => Prisma.sql`
      WITH page AS (${plan.select(Prisma.sql`(SELECT r.id, r.kind, r.title, r."contentSha256", r."createdAt", r."createdById", r."productId", r."clientId", r."useCaseId" ${from})`)})
      SELECT page_source.id, page_source.kind::text AS kind, page_source.title, page_source."contentSha256", page_source."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
             page_source."createdById", page_source."productId", page_source."clientId", page_source."useCaseId",
             (SELECT u.name FROM "User" u WHERE u.id = page_source."createdById") AS "createdBy",
             (SELECT count(*)::int FROM "ShareLink" s WHERE s."organizationId" = ${org} AND s."reportId" = page_source.id) AS "shareLinks",
             ${cappedCount(from)} AS total
      FROM page AS page_source ORDER BY ${plan.order}`;
  return { sort, keyOf, page, total: Prisma.sql`SELECT ${cappedCount(from)} AS total` };
}

/** The statement the list runs for `query` (its first read), for the EXPLAIN tests. */
export function reportListPageStatement(ctx: TenantContext, query: ListQuery, filter: ReportFilter = {}): Prisma.Sql {
  const statements = reportListStatements(ctx, filter, query);
  return statements.page(planPage(query, statements.sort));
}

/**
 * Reports, newest first, one statement per page whose cost follows the page (issue 17): `page`
 * is a list query (/reports, keyset past page 20, total counted up to 1,000) or a page number
 * for the short lists on product, client and use-case pages.
 */
export async function listReports(ctx: TenantContext, filter: ReportFilter = {}, page: number | ListQuery = 1, pageSize = 25) {
  const query: ListQuery = typeof page === "number" ? { ...defaultListQuery(REPORT_LIST), page, pageSize, cursor: null } : page;
  const statements = reportListStatements(ctx, filter, query);
  const result = await readKeysetPage(query, statements.sort, statements, reportRow, statements.keyOf);
  return {
    ...result,
    rows: result.rows.map(({ shareLinks, createdBy, ...r }) => ({ ...r, _count: { shareLinks }, createdBy: createdBy ?? "a former user" })),
  };
}

export async function getReport(ctx: TenantContext, id: string) {
  const report = await prisma.report.findFirst({ where: inTenant(ctx, { id }), select: { ...listSelect, snapshot: true, pdfSha256: true } });
  if (!report) throw notFound("report");
  return { ...report, snapshot: report.snapshot as unknown as ReportSnapshot };
}

/** What the public verify page may say about a genuine report: enough to tell what it is, nothing more. */
const verifySelect = { id: true, kind: true, title: true, createdAt: true, contentSha256: true, pdfSha256: true, organization: { select: { name: true } } } as const;
type VerifiedReport = { id: string; kind: string; title: string; createdAt: Date; contentSha256: string; pdfSha256: string; organizationName: string };
export type VerifyOutcome =
  | { result: "GENUINE"; matched: "file" | "content hash" | "file hash" | "report id"; report: VerifiedReport }
  | { result: "ALTERED"; claimedId: string }
  | { result: "UNKNOWN" };

const shape = (r: { organization: { name: string } } & Omit<VerifiedReport, "organizationName">): VerifiedReport => {
  const { organization, ...rest } = r;
  return { ...rest, organizationName: organization.name };
};

/**
 * SECURITY-CRITICAL (public). Is this file a genuine, unaltered Vetta report? Its SHA-256 must be
 * that of a PDF Vetta issued. A file that claims a report id (in its metadata) but does not match
 * is reported as altered; anything else as unknown. Deliberately across organisations: anyone
 * holding a report may check it.
 */
export async function verifyReportFile(pdf: Uint8Array): Promise<VerifyOutcome> {
  const found = await prisma.report.findFirst({ where: { pdfSha256: sha256Hex(pdf) }, select: verifySelect });
  if (found) return { result: "GENUINE", matched: "file", report: shape(found) };
  const claimedId = claimedReportId(pdf);
  return claimedId ? { result: "ALTERED", claimedId } : { result: "UNKNOWN" };
}

/** The same check from what is printed in a report: its content SHA-256, the file's SHA-256, or its id. */
export async function verifyReportReference(input: string): Promise<VerifyOutcome> {
  const hash = normalizeSha256(input);
  if (hash) {
    const found = await prisma.report.findFirst({ where: { OR: [{ contentSha256: hash }, { pdfSha256: hash }] }, select: verifySelect });
    if (found) return { result: "GENUINE", matched: found.contentSha256 === hash ? "content hash" : "file hash", report: shape(found) };
    return { result: "UNKNOWN" };
  }
  const id = input.trim().toLowerCase();
  if (/^r[0-9a-f]{24}$/.test(id)) {
    const found = await prisma.report.findUnique({ where: { id }, select: verifySelect });
    if (found) return { result: "GENUINE", matched: "report id", report: shape(found) };
  }
  return { result: "UNKNOWN" };
}
