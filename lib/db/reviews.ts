import "server-only";
import { assessmentChanges, type AssessmentSide } from "@/lib/domain/assessment-changes";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import type { KeyValue, PageKey } from "@/lib/domain/list-pages";
import { RISK_TIERS } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { getAssessment } from "./assessments";
import { withAudit } from "./audit";
import { decisionsInForce } from "./conditions";
import { keyParam, readKeysetPage } from "./keyset-page";
import { cappedCount, containsPattern, planPage, type KeysetSort, type PagePlan } from "./keyset-sql";
import { prisma, Prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

export const REVIEW_LIST: ListQueryOptions = {
  sortable: ["submittedAt", "product", "score"],
  defaultSort: { id: "submittedAt", desc: false },
  filters: { tier: RISK_TIERS },
  keyset: true,
};

const sql = Prisma.sql;

const reviewRow = z.object({
  id: z.string(),
  submittedAt: z.date().nullable(),
  submittedById: z.string().nullable(),
  productId: z.string(),
  productName: z.string(),
  vendorName: z.string(),
  currentScore: z.number().int().nullable(),
  score: z.number().int().nullable(),
  tier: z.enum(RISK_TIERS).nullable(),
  total: z.number().int(),
});
type ReviewRow = z.infer<typeof reviewRow>;

const REVIEW_SORTS: Record<string, Pick<KeysetSort, "key" | "param" | "nullable"> & { value: (row: ReviewRow) => KeyValue }> = {
  // Submitted assessments always carry submittedAt; nullable only so a row without one still shows (last).
  submittedAt: { key: sql`page_source."submittedAt"`, param: keyParam.timestamp, nullable: true, value: (r) => r.submittedAt?.toISOString() ?? null },
  product: { key: sql`page_source."productName"`, param: keyParam.text, value: (r) => r.productName },
  score: { key: sql`page_source."currentScore"`, param: keyParam.integer, nullable: true, value: (r) => r.currentScore },
};

/** The SQL of one review-queue page (rows with the capped total) and of the total alone. */
function reviewQueueStatements(ctx: TenantContext, query: ListQuery) {
  const org = ctx.organizationId;
  const pattern = query.q ? containsPattern(query.q) : null;
  const conditions = [
    sql`a."organizationId" = ${org}`,
    sql`a.status = 'SUBMITTED'::"AssessmentStatus"`,
    ...(query.filters.tier
      ? [sql`EXISTS (SELECT 1 FROM "ScoreSnapshot" s WHERE s."organizationId" = ${org} AND s."assessmentId" = a.id AND s."useCaseId" IS NULL AND s.tier = ANY(${query.filters.tier}::text[]::"RiskTier"[]))`]
      : []),
    // By the product's name or its vendor's; each side reads a trigram index within the tenant.
    ...(pattern
      ? [
          sql`a."productId" IN (SELECT id FROM "Product" WHERE "organizationId" = ${org} AND name ILIKE ${pattern}
                                UNION SELECT x.id FROM "Product" x WHERE x."organizationId" = ${org}
                                  AND x."vendorId" IN (SELECT id FROM "Vendor" WHERE "organizationId" = ${org} AND name ILIKE ${pattern}))`,
        ]
      : []),
  ];
  const from = sql`FROM "Assessment" a
    JOIN "Product" p ON p.id = a."productId" AND p."organizationId" = ${org}
    JOIN "Vendor" v ON v.id = p."vendorId" AND v."organizationId" = ${org}
    WHERE ${Prisma.join(conditions, " AND ")}`;
  const spec = REVIEW_SORTS[query.sort?.id ?? "submittedAt"] ?? REVIEW_SORTS.submittedAt!;
  const sort: KeysetSort = { ...spec, tie: sql`page_source.id`, desc: query.sort?.desc ?? false };
  const keyOf = (row: ReviewRow): PageKey => [spec.value(row), row.id];
  // The score shown is the one the assessment was submitted with: its latest organisation-level snapshot, read for the page's rows only.
  const page = (plan: PagePlan) => sql`
      WITH page AS (${plan.select(sql`(SELECT a.id, a."submittedAt", a."submittedById", p.id AS "productId", p.name AS "productName", p."currentScore", v.name AS "vendorName" ${from})`)})
      SELECT page_source.id, page_source."submittedAt" AT TIME ZONE 'UTC' AS "submittedAt", page_source."submittedById",
             page_source."productId", page_source."productName", page_source."vendorName", page_source."currentScore",
             snap.score, snap.tier::text AS tier, ${cappedCount(from)} AS total
      FROM page AS page_source
      LEFT JOIN LATERAL (SELECT s.score, s.tier FROM "ScoreSnapshot" s
                         WHERE s."organizationId" = ${org} AND s."assessmentId" = page_source.id AND s."useCaseId" IS NULL
                         ORDER BY s."createdAt" DESC LIMIT 1) snap ON TRUE
      ORDER BY ${plan.order}`;
  return { sort, keyOf, page, total: sql`SELECT ${cappedCount(from)} AS total` };
}

/** The statement the queue runs for `query` (its first read), for the EXPLAIN tests. */
export function reviewQueuePageStatement(ctx: TenantContext, query: ListQuery): Prisma.Sql {
  const statements = reviewQueueStatements(ctx, query);
  return statements.page(planPage(query, statements.sort));
}

/**
 * The compliance queue: submitted assessments, oldest first by default, with the score they were
 * submitted at. One statement per page whose cost follows the page and the tenant's queue (issue
 * 17): an index per default sort (organizationId, status, submittedAt, id), keyset pages past
 * page 20, the total counted up to 1,000.
 */
export async function listReviewQueue(ctx: TenantContext, query: ListQuery) {
  const statements = reviewQueueStatements(ctx, query);
  const page = await readKeysetPage(query, statements.sort, statements, reviewRow, statements.keyOf);
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      submittedAt: r.submittedAt,
      submittedById: r.submittedById,
      product: { id: r.productId, name: r.productName, vendor: { name: r.vendorName } },
      scoreSnapshots: r.score !== null && r.tier !== null ? [{ score: r.score, tier: r.tier }] : [],
    })),
  };
}

/** CHANGES_REQUESTED sends the assessment back to DRAFT for the filler (PRODUCT.md); the decision and its comments stay. */
const STATUS_FOR = {
  APPROVED: "APPROVED",
  APPROVED_WITH_CONDITIONS: "APPROVED_WITH_CONDITIONS",
  REJECTED: "REJECTED",
  CHANGES_REQUESTED: "DRAFT",
} as const;

/**
 * SECURITY-CRITICAL (separation of duties, once only). A compliance decision on a submitted
 * assessment. Whoever submitted it cannot decide it, whatever their role. CHANGES_REQUESTED returns
 * it to DRAFT for the filler; the reviewer's justification stays on the decision they see. The move
 * out of SUBMITTED is conditional inside the transaction, so of two decisions arriving at once
 * exactly one lands and the other gets a CONFLICT.
 */
export async function decideAssessment(
  ctx: TenantContext,
  input: { assessmentId: string; outcome: keyof typeof STATUS_FOR; justification: string; conditions: Array<{ text: string; dueAt: Date | null }> },
) {
  const assessment = await prisma.assessment.findFirst({ where: inTenant(ctx, { id: input.assessmentId }), include: { scoreSnapshots: { where: { useCaseId: null }, orderBy: { createdAt: "desc" }, take: 1 } } });
  if (!assessment) throw notFound("assessment");
  if (assessment.status !== "SUBMITTED") throw alreadyDecided();
  if (assessment.submittedById === ctx.userId) throw new AppError("FORBIDDEN", "You submitted this assessment, so someone else must decide it (separation of duties).");
  const snapshot = assessment.scoreSnapshots[0] ?? null;
  return withAudit(
    ctx,
    async (tx) => {
      // The transition itself is the check: only the submission we read (same submission time, still
      // SUBMITTED) moves; a decision already holding the row makes the others fail at once (SKIP LOCKED).
      const claimed = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT "id" FROM "Assessment"
        WHERE "id" = ${assessment.id} AND "organizationId" = ${ctx.organizationId} AND "status"::text = 'SUBMITTED' AND "submittedAt" IS NOT DISTINCT FROM ${assessment.submittedAt}
        FOR UPDATE SKIP LOCKED`;
      if (claimed.length !== 1) throw alreadyDecided();
      await tx.assessment.update({ where: { id: assessment.id }, data: { status: STATUS_FOR[input.outcome], decidedAt: new Date() } });
      const decision = await tx.decision.create({
        data: {
          organizationId: ctx.organizationId,
          assessmentId: assessment.id,
          outcome: input.outcome,
          justification: input.justification,
          decidedById: ctx.userId,
          snapshotId: snapshot?.id ?? null,
          conditions: { create: input.conditions.map((c) => ({ organizationId: ctx.organizationId, text: c.text, dueAt: c.dueAt })) },
        },
        select: { id: true },
      });
      return decision;
    },
    (decision) => ({
      action: `assessment.decide.${input.outcome.toLowerCase()}`,
      entityType: "Assessment",
      entityId: assessment.id,
      summary: { after: { decisionId: decision.id, outcome: input.outcome, justification: input.justification, conditions: input.conditions.length, score: snapshot?.score, tier: snapshot?.tier } },
    }),
  );
}

const alreadyDecided = () => new AppError("CONFLICT", "This assessment is no longer awaiting a decision (someone decided it or it went back to its filler). Reload to see where it stands.");

export async function listDecisions(ctx: TenantContext, assessmentId: string) {
  const decisions = await prisma.decision.findMany({ where: inTenant(ctx, { assessmentId }), orderBy: { decidedAt: "desc" }, include: { conditions: { orderBy: [{ dueAt: "asc" }, { id: "asc" }] } } });
  return withPeopleNamed(ctx, decisions);
}

/** Decisions with the names of who decided them and who recorded each condition as met, and whether each is still in force. */
export async function withPeopleNamed(ctx: TenantContext, decisions: Array<Prisma.DecisionGetPayload<{ include: { conditions: true } }>>) {
  const ids = [...new Set(decisions.flatMap((d) => [d.decidedById, ...d.conditions.flatMap((c) => (c.metById ? [c.metById] : []))]))];
  const [users, inForce] = await Promise.all([
    ids.length ? prisma.user.findMany({ where: { id: { in: ids }, memberships: { some: tenant(ctx) } }, select: { id: true, name: true } }) : [],
    decisionsInForce(ctx, decisions.map((d) => d.id)),
  ]);
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? "a former user";
  return decisions.map((d) => ({
    ...d,
    inForce: inForce.has(d.id),
    decidedBy: nameOf(d.decidedById),
    conditions: d.conditions.map((c) => ({ ...c, metBy: c.metById ? nameOf(c.metById) : null })),
  }));
}

/** One submitted assessment as the change list compares it: answers as shown, and the score it was submitted with. */
async function assessmentSide(ctx: TenantContext, id: string): Promise<AssessmentSide> {
  const [{ assessment, version, answers }, snapshot] = await Promise.all([
    getAssessment(ctx, id),
    prisma.scoreSnapshot.findFirst({ where: inTenant(ctx, { assessmentId: id, useCaseId: null }), orderBy: { createdAt: "desc" }, select: { score: true, tier: true, result: true } }),
  ]);
  const shown: AssessmentSide["answers"] = {};
  for (const q of version.definition.sections.flatMap((s) => s.questions)) shown[q.key] = { prompt: q.prompt, shown: displayAnswer(q, answers[q.key]) };
  return {
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
    score: snapshot ? { score: snapshot.score, tier: snapshot.tier, flags: (snapshot.result as unknown as ScoreResult).flags } : null,
    answers: shown,
  };
}

/**
 * What changed since the previous submitted assessment of the same product (null when this is the
 * first): score and tier, flags raised and cleared, answers that differ.
 */
export async function changesSincePreviousAssessment(ctx: TenantContext, assessmentId: string) {
  const current = await prisma.assessment.findFirst({ where: inTenant(ctx, { id: assessmentId }), select: { id: true, productId: true, submittedAt: true } });
  if (!current) throw notFound("assessment");
  if (!current.submittedAt) return null;
  const previous = await prisma.assessment.findFirst({
    where: { productId: current.productId, id: { not: current.id }, submittedAt: { lt: current.submittedAt }, ...tenant(ctx) },
    orderBy: { submittedAt: "desc" },
    select: { id: true, submittedAt: true, status: true },
  });
  if (!previous) return null;
  const [before, after] = await Promise.all([assessmentSide(ctx, previous.id), assessmentSide(ctx, current.id)]);
  return { previous, changes: assessmentChanges(before, after) };
}
