import "server-only";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { scoreAnswers, type ScorableQuestion } from "@/lib/domain/scoring/answer-points";
import { certificationEvidenceOf } from "@/lib/domain/scoring/counting-evidence";
import { scoreProduct } from "@/lib/domain/scoring/score-product";
import { DEFAULT_WEIGHTS, type ScoringInput } from "@/lib/domain/scoring/types";
import type { ClauseStatus, DataClass, DpaClause, Residency } from "@/lib/domain/vocabulary";
import { notFound } from "@/lib/errors/app-error";
import { withAudit } from "./audit";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import { productInTenant } from "./products";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The plain scoring input for a product, from the register and its latest submitted assessment. */
export async function buildScoringInput(ctx: TenantContext, productId: string, options: { asOf?: Date; assessmentId?: string | null } = {}): Promise<ScoringInput> {
  const asOf = options.asOf ?? new Date();
  const product = await productInTenant(ctx, productId);
  const [dpa, certifications, subProcessorCount, assessment] = await Promise.all([
    prisma.dpa.findFirst({ where: inTenant(ctx, { productId, isCurrent: true }), include: { clauses: true } }),
    prisma.certification.findMany({ where: inTenant(ctx, { productId, archivedAt: null }), select: { id: true, type: true, issuedAt: true, expiresAt: true, createdAt: true, fileId: true } }),
    prisma.subProcessor.count({ where: inTenant(ctx, { productId }) }),
    prisma.assessment.findFirst({
      // The assessment being submitted, or else the latest one that was.
      where: options.assessmentId
        ? { id: options.assessmentId, productId, ...tenant(ctx) }
        : { productId, status: { in: ["SUBMITTED", "APPROVED", "APPROVED_WITH_CONDITIONS"] }, ...tenant(ctx) },
      orderBy: { submittedAt: "desc" },
      include: { templateVersion: { include: { questions: { orderBy: { position: "asc" } } } }, answers: true },
    }),
  ]);
  const keyOf = new Map(assessment?.templateVersion.questions.map((q) => [q.id, q.key]) ?? []);
  const answersByKey: Record<string, AnswerValue> = Object.fromEntries(assessment?.answers.map((a) => [keyOf.get(a.questionId), a.value as AnswerValue]) ?? []);
  return {
    // Evidence is valid through its expiry date in the organisation's calendar.
    asOf: todayFor(ctx, asOf),
    product: {
      tier: product.tier,
      processingRegions: product.processingRegions,
      retentionKind: product.retentionKind,
      trainingPolicy: product.trainingPolicy,
      subProcessorCount,
    },
    dpa: dpa
      ? {
          signedAt: day(dpa.signedAt),
          expiresAt: day(dpa.expiresAt),
          breachNoticeHours: dpa.breachNoticeHours,
          transferMechanism: dpa.transferMechanism,
          clauses: Object.fromEntries(dpa.clauses.map((c) => [c.clause, c.status])) as Partial<Record<DpaClause, ClauseStatus>>,
        }
      : null,
    certifications: certifications.map(certificationEvidenceOf),
    questionnaire: assessment
      ? {
          answers: scoreAnswers(
            assessment.templateVersion.questions.map((q) => ({
              key: q.key,
              prompt: q.prompt,
              type: q.type,
              required: q.required,
              weight: q.weight,
              options: q.options as ScorableQuestion["options"],
              bands: q.bands as ScorableQuestion["bands"],
              visibility: q.visibility as ScorableQuestion["visibility"],
            })),
            answersByKey,
          ),
        }
      : null,
    useCase: null,
  };
}

const weightsOf = (model: { dpaWeight: number; questionnaireWeight: number; certificationWeight: number } | null) =>
  model ? { dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight } : DEFAULT_WEIGHTS;

/**
 * The product's live score with the organisation's current weights. Refreshes the cached tier
 * lists filter on, for the product and for each of its use cases (scored with their own
 * per-use-case flags from the same inputs).
 */
export async function liveProductScore(ctx: TenantContext, productId: string) {
  const [input, model, useCases] = await Promise.all([
    buildScoringInput(ctx, productId),
    prisma.scoringModel.findFirst({ where: inTenant(ctx), orderBy: { version: "desc" } }),
    prisma.useCase.findMany({ where: inTenant(ctx, { productId }), select: { id: true, dataClasses: true, currentScore: true, currentTier: true, client: { select: { residency: true } } } }),
  ]);
  const result = scoreProduct(input, weightsOf(model), model?.version ?? 1);
  // Derived caches, not changes anyone made: no audit event.
  await prisma.product.updateMany({
    where: {
      id: productId,
      OR: [{ currentScore: null }, { currentScore: { not: result.score } }, { currentTier: null }, { currentTier: { not: result.tier } }],
      ...tenant(ctx),
    },
    data: { currentScore: result.score, currentTier: result.tier },
  });
  for (const useCase of useCases) {
    const scored = scoreProduct({ ...input, useCase: { residency: useCase.client.residency, dataClasses: useCase.dataClasses } }, weightsOf(model), model?.version ?? 1);
    if (scored.score !== useCase.currentScore || scored.tier !== useCase.currentTier) {
      await prisma.useCase.updateMany({ where: { id: useCase.id, ...tenant(ctx) }, data: { currentScore: scored.score, currentTier: scored.tier } });
    }
  }
  return { input, result };
}

/** A use case's live score: the product's inputs plus the client's residency and the use case's data classes. */
export async function liveUseCaseScore(ctx: TenantContext, useCase: { productId: string; dataClasses: DataClass[]; client: { residency: Residency } }) {
  const [base, model] = await Promise.all([buildScoringInput(ctx, useCase.productId), currentScoringModel(ctx)]);
  const input: ScoringInput = { ...base, useCase: { residency: useCase.client.residency, dataClasses: useCase.dataClasses } };
  return { input, model, result: scoreProduct(input, weightsOf(model), model.version) };
}

/** The organisation's current scoring model (weights), creating version 1 with the defaults if none. */
export async function currentScoringModel(ctx: TenantContext) {
  const model = await prisma.scoringModel.findFirst({ where: inTenant(ctx), orderBy: { version: "desc" } });
  if (model) return model;
  return prisma.scoringModel.create({
    data: { organizationId: ctx.organizationId, version: 1, dpaWeight: DEFAULT_WEIGHTS.dpa, questionnaireWeight: DEFAULT_WEIGHTS.questionnaire, certificationWeight: DEFAULT_WEIGHTS.certifications },
  });
}

/** New weights make a new model version; snapshots made with older versions keep theirs. */
export async function setScoringWeights(ctx: TenantContext, weights: { dpa: number; questionnaire: number; certifications: number }) {
  const current = await currentScoringModel(ctx);
  return withAudit(
    ctx,
    (tx) =>
      tx.scoringModel.create({
        data: { organizationId: ctx.organizationId, version: current.version + 1, dpaWeight: weights.dpa, questionnaireWeight: weights.questionnaire, certificationWeight: weights.certifications, createdById: ctx.userId },
      }),
    (model) => ({
      action: "scoring.weights.change",
      entityType: "ScoringModel",
      entityId: model.id,
      summary: { before: { version: current.version, dpa: current.dpaWeight, questionnaire: current.questionnaireWeight, certifications: current.certificationWeight }, after: { version: model.version, ...weights } },
    }),
  );
}

/** Freezes the score of a product as of now (inputs, model version, result), e.g. when an assessment is submitted. */
export async function snapshotProductScore(ctx: TenantContext, productId: string, assessmentId: string | null, tx?: Tx) {
  const [input, model] = await Promise.all([buildScoringInput(ctx, productId, { assessmentId }), currentScoringModel(ctx)]);
  const result = scoreProduct(input, { dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight }, model.version);
  const db = tx ?? prisma;
  return db.scoreSnapshot.create({
    data: {
      organizationId: ctx.organizationId,
      productId,
      assessmentId,
      scoringModelId: model.id,
      score: result.score,
      tier: result.tier,
      inputs: input as unknown as Prisma.InputJsonValue,
      result: result as unknown as Prisma.InputJsonValue,
    },
  });
}

/** The product's score over time (product-level snapshots; use-case decisions keep their own). */
export async function listScoreSnapshots(ctx: TenantContext, productId: string) {
  return prisma.scoreSnapshot.findMany({
    where: inTenant(ctx, { productId, useCaseId: null }),
    orderBy: { createdAt: "asc" },
    select: { id: true, score: true, tier: true, createdAt: true, assessmentId: true, scoringModel: { select: { version: true } } },
  });
}

/** The score an assessment was submitted with (what the reviewer decides on). */
export async function latestSnapshotForAssessment(ctx: TenantContext, assessmentId: string) {
  // Use-case decisions also snapshot against the assessment they rely on; those are not the submission score.
  return prisma.scoreSnapshot.findFirst({ where: inTenant(ctx, { assessmentId, useCaseId: null }), orderBy: { createdAt: "desc" } });
}

/**
 * The score the product would have if this (draft) assessment were submitted now: what the
 * questionnaire shows as answers change.
 */
export async function liveAssessmentScore(ctx: TenantContext, assessmentId: string) {
  const assessment = await prisma.assessment.findFirst({ where: inTenant(ctx, { id: assessmentId }), select: { productId: true } });
  if (!assessment) throw notFound("assessment");
  const [input, model] = await Promise.all([buildScoringInput(ctx, assessment.productId, { assessmentId }), currentScoringModel(ctx)]);
  const result = scoreProduct(input, weightsOf(model), model.version);
  return { score: result.score, tier: result.tier, tierReason: result.tierReason, flags: result.flags.map((f) => ({ id: f.id, severity: f.severity })) };
}
