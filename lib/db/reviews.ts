import "server-only";
import { assessmentChanges, type AssessmentSide } from "@/lib/domain/assessment-changes";
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import { getAssessment } from "./assessments";
import { withAudit } from "./audit";
import { decisionsInForce } from "./conditions";
import { prisma, type Prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

export const REVIEW_LIST: ListQueryOptions = {
  sortable: ["submittedAt", "product", "score"],
  defaultSort: { id: "submittedAt", desc: false },
  filters: { tier: ["LOW", "MEDIUM", "HIGH", "CRITICAL"] },
};

/** The compliance queue: submitted assessments, oldest first by default, with the score they were submitted at. */
export async function listReviewQueue(ctx: TenantContext, query: ListQuery) {
  const where: Prisma.AssessmentWhereInput = {
    status: "SUBMITTED",
    ...(query.filters.tier ? { scoreSnapshots: { some: { useCaseId: null, tier: { in: query.filters.tier as Prisma.EnumRiskTierFilter["in"] } } } } : {}),
    ...(query.q ? { product: { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { vendor: { name: { contains: query.q, mode: "insensitive" } } }] } } : {}),
    ...tenant(ctx),
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  const orderBy: Prisma.AssessmentOrderByWithRelationInput =
    query.sort?.id === "product" ? { product: { name: dir } } : query.sort?.id === "score" ? { product: { currentScore: { sort: dir, nulls: "last" } } } : { submittedAt: dir };
  const [rows, total] = await prisma.$transaction([
    prisma.assessment.findMany({
      where,
      orderBy: [orderBy, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        submittedAt: true,
        submittedById: true,
        product: { select: { id: true, name: true, vendor: { select: { name: true } } } },
        scoreSnapshots: { where: { useCaseId: null }, orderBy: { createdAt: "desc" }, take: 1, select: { score: true, tier: true } },
      },
    }),
    prisma.assessment.count({ where }),
  ]);
  return { rows, total };
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
