import "server-only";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { scoreAnswers, type ScorableQuestion } from "@/lib/domain/scoring/answer-points";
import { certificationEvidenceOf } from "@/lib/domain/scoring/counting-evidence";
import { scoreProduct } from "@/lib/domain/scoring/score-product";
import { DEFAULT_WEIGHTS, type ScoringInput } from "@/lib/domain/scoring/types";
import type { CertificationType, ClauseStatus, DataClass, DpaClause, Residency } from "@/lib/domain/vocabulary";
import { notFound } from "@/lib/errors/app-error";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The evidence dates an approval can rest on, beside each product's scoring input. */
export interface ProductEvidence {
  dpa: { id: string; title: string; expiresAt: string | null } | null;
  certifications: Array<{ id: string; type: CertificationType; expiresAt: string | null; archived: boolean }>;
}

/**
 * The plain scoring inputs of many products at once (a fixed number of queries, however many
 * products), from the register and each product's latest submitted assessment, read through `db`
 * so a transaction sees its own writes. `assessmentId` scores one product as if that assessment
 * were its submitted one. "ORGANIZATION" loads every product of the organisation without sending
 * their ids (the daily rescoring of 30,000 products: set-based queries, grouped here in one pass).
 */
export async function loadScoringInputs(db: Tx, ctx: TenantContext, productIds: string[] | "ORGANIZATION", asOf: string, options: { assessmentId?: string | null } = {}) {
  const all = productIds === "ORGANIZATION";
  const ids = all ? [] : [...new Set(productIds)];
  const inputs = new Map<string, ScoringInput>();
  const evidence = new Map<string, ProductEvidence>();
  if (!all && !ids.length) return { inputs, evidence };
  const ofProducts = all ? {} : { productId: { in: ids } };
  const loadProducts = () => db.product.findMany({ where: inTenant(ctx, all ? {} : { id: { in: ids } }), select: { id: true, tier: true, processingRegions: true, retentionKind: true, trainingPolicy: true } });
  const loadDpas = () =>
    db.dpa.findMany({
      where: inTenant(ctx, { ...ofProducts, isCurrent: true }),
      select: { id: true, productId: true, title: true, signedAt: true, expiresAt: true, breachNoticeHours: true, transferMechanism: true },
      orderBy: { createdAt: "desc" },
    });
  // The current DPAs' clauses through a join, not a list of DPA ids (which would run to 30,000).
  const loadClauses = () => db.dpaClauseCheck.findMany({ where: inTenant(ctx, { dpa: inTenant(ctx, { ...ofProducts, isCurrent: true }) }), select: { dpaId: true, clause: true, status: true } });
  const loadCertifications = () => db.certification.findMany({ where: inTenant(ctx, ofProducts), select: { id: true, productId: true, type: true, issuedAt: true, expiresAt: true, createdAt: true, fileId: true, archivedAt: true } });
  const loadSubProcessorCounts = () => db.subProcessor.groupBy({ by: ["productId"], where: inTenant(ctx, ofProducts), _count: { _all: true } });
  const loadAssessments = () =>
    // The assessment being submitted, or else each product's latest one that was (DISTINCT ON in
    // PostgreSQL, so older submissions and their answers are never read).
    options.assessmentId
      ? db.assessment.findMany({ where: { id: options.assessmentId, productId: { in: ids }, ...tenant(ctx) }, select: { id: true, productId: true, templateVersionId: true } })
      : db.$queryRaw<Array<{ id: string; productId: string; templateVersionId: string }>>`
          SELECT DISTINCT ON ("productId") "id", "productId", "templateVersionId"
          FROM "Assessment"
          WHERE "organizationId" = ${ctx.organizationId}
            AND "status" IN ('SUBMITTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS')
            AND (${all}::boolean OR "productId" = ANY(${ids}::text[]))
          ORDER BY "productId", "submittedAt" DESC, "id" ASC`;
  // Inside a transaction the queries go one after another (it holds one connection); outside, at once.
  const [products, dpas, clauses, certifications, subProcessorCounts, assessments] =
    db === prisma
      ? await Promise.all([loadProducts(), loadDpas(), loadClauses(), loadCertifications(), loadSubProcessorCounts(), loadAssessments()])
      : [await loadProducts(), await loadDpas(), await loadClauses(), await loadCertifications(), await loadSubProcessorCounts(), await loadAssessments()];
  const versionIds = [...new Set(assessments.map((a) => a.templateVersionId))];
  const [questions, answers] = assessments.length
    ? [
        await db.templateQuestion.findMany({ where: inTenant(ctx, { versionId: { in: versionIds } }), orderBy: { position: "asc" }, select: { id: true, versionId: true, key: true, prompt: true, type: true, required: true, weight: true, options: true, bands: true, visibility: true } }),
        // JSON as text, parsed here: the same values Prisma's Json field gives.
        await db.$queryRaw<Array<{ assessmentId: string; questionId: string; value: string | null }>>`
          SELECT "assessmentId", "questionId", "value"::text AS "value" FROM "Answer"
          WHERE "organizationId" = ${ctx.organizationId} AND "assessmentId" = ANY(${assessments.map((a) => a.id)}::text[])`,
      ]
    : [[], []];

  // Grouped once (each list in the order its query returned it), so each product is a lookup.
  const group = <T, K>(rows: T[], keyOf: (row: T) => K) => {
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return groups;
  };
  const dpaOf = new Map<string, (typeof dpas)[number]>();
  for (const d of dpas) if (!dpaOf.has(d.productId)) dpaOf.set(d.productId, d);
  const clausesOf = group(clauses, (c) => c.dpaId);
  const certificationsOf = group(certifications, (c) => c.productId);
  const subProcessorCount = new Map(subProcessorCounts.map((g) => [g.productId, g._count._all]));
  const assessmentOf = new Map(assessments.map((a) => [a.productId, a]));
  const answersOf = group(answers, (a) => a.assessmentId);
  // Each template version once: its questions as scoring reads them (scoreAnswers compiles the
  // array on first use and reuses it for every product answered on that version).
  const versions = new Map<string, { questions: ScorableQuestion[]; keyOf: Map<string, string> }>();
  for (const [versionId, list] of group(questions, (q) => q.versionId)) {
    versions.set(versionId, {
      questions: list.map((q) => ({
        key: q.key,
        prompt: q.prompt,
        type: q.type,
        required: q.required,
        weight: q.weight,
        options: q.options as ScorableQuestion["options"],
        bands: q.bands as ScorableQuestion["bands"],
        visibility: q.visibility as ScorableQuestion["visibility"],
      })),
      keyOf: new Map(list.map((q) => [q.id, q.key])),
    });
  }
  const noQuestions = { questions: [] as ScorableQuestion[], keyOf: new Map<string, string>() };

  for (const product of products) {
    const dpa = dpaOf.get(product.id) ?? null;
    const certs = certificationsOf.get(product.id) ?? [];
    const assessment = assessmentOf.get(product.id) ?? null;
    const version = assessment ? (versions.get(assessment.templateVersionId) ?? noQuestions) : noQuestions;
    const answersByKey: Record<string, AnswerValue> = {};
    for (const a of (assessment && answersOf.get(assessment.id)) || []) {
      answersByKey[version.keyOf.get(a.questionId) as string] = (a.value === null ? null : JSON.parse(a.value)) as AnswerValue;
    }
    inputs.set(product.id, {
      // Evidence is valid through its expiry date in the organisation's calendar.
      asOf,
      product: {
        tier: product.tier,
        processingRegions: product.processingRegions,
        retentionKind: product.retentionKind,
        trainingPolicy: product.trainingPolicy,
        subProcessorCount: subProcessorCount.get(product.id) ?? 0,
      },
      dpa: dpa
        ? {
            signedAt: day(dpa.signedAt),
            expiresAt: day(dpa.expiresAt),
            breachNoticeHours: dpa.breachNoticeHours,
            transferMechanism: dpa.transferMechanism,
            clauses: Object.fromEntries((clausesOf.get(dpa.id) ?? []).map((c) => [c.clause, c.status])) as Partial<Record<DpaClause, ClauseStatus>>,
          }
        : null,
      certifications: certs.filter((c) => c.archivedAt === null).map(certificationEvidenceOf),
      questionnaire: assessment ? { answers: scoreAnswers(version.questions, answersByKey) } : null,
      useCase: null,
    });
    evidence.set(product.id, {
      dpa: dpa ? { id: dpa.id, title: dpa.title, expiresAt: day(dpa.expiresAt) } : null,
      certifications: certs.map((c) => ({ id: c.id, type: c.type, expiresAt: day(c.expiresAt), archived: c.archivedAt !== null })),
    });
  }
  return { inputs, evidence };
}

/** The plain scoring input for a product, from the register and its latest submitted assessment. */
export async function buildScoringInput(ctx: TenantContext, productId: string, options: { asOf?: Date; assessmentId?: string | null; db?: Tx } = {}): Promise<ScoringInput> {
  // The product is checked here rather than through products.ts, which refreshes scores through
  // score-refresh.ts, which loads through this file: no circle.
  const product = await prisma.product.findFirst({ where: inTenant(ctx, { id: productId }), select: { id: true } });
  if (!product) throw notFound("product");
  const { inputs } = await loadScoringInputs(options.db ?? prisma, ctx, [product.id], todayFor(ctx, options.asOf ?? new Date()), options);
  return inputs.get(product.id)!;
}

export const weightsOf = (model: { dpaWeight: number; questionnaireWeight: number; certificationWeight: number } | null) =>
  model ? { dpa: model.dpaWeight, questionnaire: model.questionnaireWeight, certifications: model.certificationWeight } : DEFAULT_WEIGHTS;

/**
 * The product's live score with the organisation's current weights. Reads only: the cached tiers
 * lists filter on are kept by lib/db/score-refresh, in the transaction of every change.
 */
export async function liveProductScore(ctx: TenantContext, productId: string, now = new Date()) {
  const [input, model] = await Promise.all([buildScoringInput(ctx, productId, { asOf: now }), prisma.scoringModel.findFirst({ where: inTenant(ctx), orderBy: { version: "desc" } })]);
  return { input, result: scoreProduct(input, weightsOf(model), model?.version ?? 1) };
}

/** A use case's live score: the product's inputs plus the client's residency and the use case's data classes. */
export async function liveUseCaseScore(ctx: TenantContext, useCase: { productId: string; dataClasses: DataClass[]; client: { residency: Residency } }, now = new Date()) {
  const [base, model] = await Promise.all([buildScoringInput(ctx, useCase.productId, { asOf: now }), currentScoringModel(ctx)]);
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

/** Freezes the score of a product as of now (inputs, model version, result), e.g. when an assessment is submitted. */
export async function snapshotProductScore(ctx: TenantContext, productId: string, assessmentId: string | null, tx?: Tx) {
  const [input, model] = await Promise.all([buildScoringInput(ctx, productId, { assessmentId, db: tx }), currentScoringModel(ctx)]);
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
