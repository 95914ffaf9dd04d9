import "server-only";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import { z } from "zod";
import type { PageKey } from "@/lib/domain/list-pages";
import { keyParam, readKeysetPage } from "./keyset-page";
import { cappedCount, planPage, type KeysetSort, type PagePlan } from "./keyset-sql";
import { Prisma } from "./prisma-client";
import type { TenantContext } from "./tenant";

export const ASSESSMENT_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const;

/**
 * A sent-back assessment is a DRAFT again with a CHANGES_REQUESTED decision (lib/db/reviews);
 * older rows may still carry the CHANGES_REQUESTED status. "Draft" means never sent back. One
 * definition, used by the list and the home counts.
 */
export function assessmentStatusWhere(status: string): Prisma.AssessmentWhereInput {
  if (status === "CHANGES_REQUESTED") return { OR: [{ status: "CHANGES_REQUESTED" }, { status: "DRAFT", decisions: { some: { outcome: "CHANGES_REQUESTED" } } }] };
  if (status === "DRAFT") return { status: "DRAFT", decisions: { none: { outcome: "CHANGES_REQUESTED" } } };
  return { status: status as Prisma.EnumAssessmentStatusFilter["equals"] };
}

/** Started or submitted by the caller: the account manager's own work. */
export const mineWhere = (ctx: TenantContext): Prisma.AssessmentWhereInput => ({ OR: [{ createdById: ctx.userId }, { submittedById: ctx.userId }] });

/** `/assessments?status=DRAFT&mine=1`: the account manager home's "drafts" and "changes requested" tiles open these views. */
export const ASSESSMENT_LIST: ListQueryOptions = {
  sortable: ["updatedAt"],
  defaultSort: { id: "updatedAt", desc: true },
  filters: { status: ASSESSMENT_STATUSES, mine: ["1"] },
  keyset: true,
};

const sql = Prisma.sql;

const sentBack = (org: string) => sql`EXISTS (SELECT 1 FROM "Decision" d WHERE d."organizationId" = ${org} AND d."assessmentId" = a.id AND d.outcome = 'CHANGES_REQUESTED'::"DecisionOutcome")`;

/** assessmentStatusWhere in SQL (same meaning: a sent-back draft counts as "changes requested"). */
function statusCondition(org: string, status: string): Prisma.Sql {
  if (status === "CHANGES_REQUESTED") return sql`(a.status = 'CHANGES_REQUESTED'::"AssessmentStatus" OR (a.status = 'DRAFT'::"AssessmentStatus" AND ${sentBack(org)}))`;
  if (status === "DRAFT") return sql`(a.status = 'DRAFT'::"AssessmentStatus" AND NOT ${sentBack(org)})`;
  return sql`a.status = ${status}::"AssessmentStatus"`;
}

const assessmentRow = z.object({
  id: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  updatedAt: z.date(),
  submittedAt: z.date().nullable(),
  productId: z.string(),
  productName: z.string(),
  vendorName: z.string(),
  sentBack: z.boolean(),
  total: z.number().int(),
});

/** The SQL of one assessments page (rows with the capped total) and of the total alone. */
function assessmentListStatements(ctx: TenantContext, query: ListQuery) {
  const org = ctx.organizationId;
  const f = query.filters;
  const conditions = [
    sql`a."organizationId" = ${org}`,
    sql`p."archivedAt" IS NULL`,
    ...(f.status?.length ? [sql`(${Prisma.join(f.status.map((s) => statusCondition(org, s)), " OR ")})`] : []),
    ...(f.mine ? [sql`(a."createdById" = ${ctx.userId} OR a."submittedById" = ${ctx.userId})`] : []),
  ];
  const from = sql`FROM "Assessment" a
    JOIN "Product" p ON p.id = a."productId" AND p."organizationId" = ${org}
    JOIN "Vendor" v ON v.id = p."vendorId" AND v."organizationId" = ${org}
    WHERE ${Prisma.join(conditions, " AND ")}`;
  // Newest change first by default; the tie-breaker ascends either way (as the Prisma query did).
  const sort: KeysetSort = { key: sql`page_source."updatedAt"`, param: keyParam.timestamp, tie: sql`page_source.id`, desc: query.sort?.desc !== false };
  const keyOf = (row: z.infer<typeof assessmentRow>): PageKey => [row.updatedAt.toISOString(), row.id];
  const page = (plan: PagePlan) => sql`
      WITH page AS (${plan.select(sql`(SELECT a.id, a.status, a."updatedAt", a."submittedAt", p.id AS "productId", p.name AS "productName", v.name AS "vendorName" ${from})`)})
      SELECT page_source.id, page_source.status::text AS status, page_source."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
             page_source."submittedAt" AT TIME ZONE 'UTC' AS "submittedAt", page_source."productId", page_source."productName", page_source."vendorName",
             (page_source.status = 'DRAFT'::"AssessmentStatus" AND EXISTS (SELECT 1 FROM "Decision" d WHERE d."organizationId" = ${org} AND d."assessmentId" = page_source.id AND d.outcome = 'CHANGES_REQUESTED'::"DecisionOutcome")) AS "sentBack",
             ${cappedCount(from)} AS total
      FROM page AS page_source ORDER BY ${plan.order}`;
  return { sort, keyOf, page, total: sql`SELECT ${cappedCount(from)} AS total` };
}

/** The statement the list runs for `query` (its first read), for the EXPLAIN tests. */
export function assessmentListPageStatement(ctx: TenantContext, query: ListQuery): Prisma.Sql {
  const statements = assessmentListStatements(ctx, query);
  return statements.page(planPage(query, statements.sort));
}

/**
 * Assessments of active products, newest change first; `mine` keeps those the caller started or
 * submitted. One statement per page whose cost follows the page, not the tenant's history (issue
 * 17): index (organizationId, updatedAt, id), keyset pages past page 20, total counted up to 1,000.
 */
export async function listAssessments(ctx: TenantContext, query: ListQuery) {
  const statements = assessmentListStatements(ctx, query);
  const page = await readKeysetPage(query, statements.sort, statements, assessmentRow, statements.keyOf);
  return {
    ...page,
    rows: page.rows.map((a) => ({
      id: a.id,
      status: a.sentBack ? ("CHANGES_REQUESTED" as const) : a.status,
      updatedAt: a.updatedAt,
      submittedAt: a.submittedAt,
      product: { id: a.productId, name: a.productName, vendor: { name: a.vendorName } },
    })),
  };
}
