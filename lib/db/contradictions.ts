import "server-only";
import { findContradictions, sidesOf } from "@/lib/domain/contradictions/find-contradictions";
import type { Contradiction, ContradictionInput, ContradictionQuestion } from "@/lib/domain/contradictions/types";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { certificationEvidenceOf } from "@/lib/domain/scoring/counting-evidence";
import { AppError } from "@/lib/errors/app-error";
import type { ContradictionAcknowledgementInput } from "@/lib/validation/contradictions";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { productInTenant } from "./products";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

/**
 * Loads what the contradiction rules read. The answers are those of the given assessment (the one
 * being filled or reviewed), or else of the product's latest submitted one, as scoring does.
 */
async function loadContradictionInput(ctx: TenantContext, productId: string, assessmentId: string | null): Promise<ContradictionInput> {
  const product = await productInTenant(ctx, productId);
  const [dpa, certifications, subProcessorCount, assessment] = await Promise.all([
    prisma.dpa.findFirst({ where: inTenant(ctx, { productId, isCurrent: true }), include: { clauses: true } }),
    prisma.certification.findMany({ where: inTenant(ctx, { productId, archivedAt: null }), select: { id: true, type: true, issuedAt: true, expiresAt: true, createdAt: true, fileId: true } }),
    prisma.subProcessor.count({ where: inTenant(ctx, { productId }) }),
    prisma.assessment.findFirst({
      where: assessmentId ? { id: assessmentId, productId, ...tenant(ctx) } : { productId, status: { in: ["SUBMITTED", "APPROVED", "APPROVED_WITH_CONDITIONS"] }, ...tenant(ctx) },
      orderBy: { submittedAt: "desc" },
      include: { templateVersion: { include: { questions: { orderBy: { position: "asc" } } } }, answers: { select: { questionId: true, value: true } } },
    }),
  ]);
  const questions = assessment?.templateVersion.questions ?? [];
  const keyOf = new Map(questions.map((q) => [q.id, q.key]));
  return {
    asOf: todayFor(ctx),
    questions: questions.map(
      (q): ContradictionQuestion => ({
        key: q.key,
        prompt: q.prompt,
        type: q.type,
        required: q.required,
        visibility: q.visibility as ContradictionQuestion["visibility"],
        options: q.options as ContradictionQuestion["options"],
        productFact: q.productFact,
      }),
    ),
    answers: Object.fromEntries((assessment?.answers ?? []).map((a) => [keyOf.get(a.questionId), a.value as AnswerValue])),
    product: {
      trainingPolicy: product.trainingPolicy,
      retentionKind: product.retentionKind,
      retentionDays: product.retentionDays,
      processingRegions: product.processingRegions,
      zeroRetentionAvailable: product.zeroRetentionAvailable,
      encryptionInTransit: product.encryptionInTransit,
      encryptionAtRest: product.encryptionAtRest,
      breachNoticeHours: dpa?.breachNoticeHours ?? null,
      subProcessorCount,
    },
    dpa: dpa
      ? {
          signed: dpa.signedAt !== null,
          transferMechanism: dpa.transferMechanism,
          breachNoticeHours: dpa.breachNoticeHours,
          clauses: Object.fromEntries(dpa.clauses.map((c) => [c.clause, { status: c.status, evidence: c.evidence }])),
        }
      : null,
    certifications: certifications.map(certificationEvidenceOf),
  };
}

export interface AcknowledgedContradiction extends Contradiction {
  acknowledgement: { reason: string; by: string; at: Date };
}

export interface ProductContradictions {
  /** Still to resolve: counted on the review summary. */
  open: Contradiction[];
  /** Standing with a recorded reason (while both sides read as they did then). */
  acknowledged: AcknowledgedContradiction[];
}

/** Every contradiction of a product, split into open and acknowledged. The report calls this too. */
export async function productContradictions(ctx: TenantContext, productId: string, options: { assessmentId?: string | null } = {}): Promise<ProductContradictions> {
  const [found, acknowledgements] = await Promise.all([
    loadContradictionInput(ctx, productId, options.assessmentId ?? null).then(findContradictions),
    prisma.contradictionAcknowledgement.findMany({ where: inTenant(ctx, { productId }) }),
  ]);
  const byKey = new Map(acknowledgements.map((a) => [a.key, a]));
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(acknowledgements.map((a) => a.acknowledgedById))] } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const open: Contradiction[] = [];
  const acknowledged: AcknowledgedContradiction[] = [];
  for (const c of found) {
    const ack = byKey.get(c.key);
    if (ack && ack.sides === sidesOf(c)) acknowledged.push({ ...c, acknowledgement: { reason: ack.reason, by: nameOf.get(ack.acknowledgedById) ?? "a former user", at: ack.acknowledgedAt } });
    else open.push(c);
  }
  return { open, acknowledged };
}

/**
 * Records why both sides of a contradiction stand. Only a contradiction that is there now can be
 * acknowledged; a second acknowledgement replaces the first (same product and key), so a burst of
 * them leaves one record.
 */
export async function acknowledgeContradiction(ctx: TenantContext, input: ContradictionAcknowledgementInput) {
  const input_ = await loadContradictionInput(ctx, input.productId, input.assessmentId);
  const current = findContradictions(input_).find((c) => c.key === input.key);
  if (!current) throw new AppError("VALIDATION", "This contradiction is no longer there: one side has changed.", { key: "This contradiction is no longer there: one side has changed." });
  const sides = sidesOf(current);
  return withAudit(
    ctx,
    (tx) =>
      tx.contradictionAcknowledgement.upsert({
        where: { productId_key: { productId: input.productId, key: input.key } },
        create: { organizationId: ctx.organizationId, productId: input.productId, key: input.key, sides, reason: input.reason, acknowledgedById: ctx.userId },
        update: { sides, reason: input.reason, acknowledgedById: ctx.userId, acknowledgedAt: new Date() },
        select: { id: true },
      }),
    (ack) => ({
      action: "contradiction.acknowledge",
      entityType: "ContradictionAcknowledgement",
      entityId: ack.id,
      summary: { productId: input.productId, key: input.key, title: current.title, left: current.left, right: current.right, reason: input.reason },
    }),
  );
}

/**
 * The contradictions a set of answers that is not (yet) an assessment's would have with the
 * product, its DPA and evidence as they are now: a vendor's answers under review.
 */
export async function contradictionsForAnswers(ctx: TenantContext, productId: string, questions: ContradictionQuestion[], answers: Record<string, AnswerValue>): Promise<Contradiction[]> {
  const input = await loadContradictionInput(ctx, productId, null);
  return findContradictions({ ...input, questions, answers });
}
