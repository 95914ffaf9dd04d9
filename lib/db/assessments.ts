import "server-only";
import { productChangeFromAnswer, type ProductFacts } from "@/lib/domain/questionnaire/product-facts";
import { missingRequired, type AnswerValue } from "@/lib/domain/questionnaire/rules";
import { AppError, notFound } from "@/lib/errors/app-error";
import { recordAudit, withAudit } from "./audit";
import { refreshScores } from "./score-refresh";
import { prisma } from "./prisma-client";
import { productInTenant } from "./products";
import { snapshotProductScore } from "./scoring";
import { getVersionDefinition } from "./questionnaires";
import { inTenant, tenant, type TenantContext } from "./tenant";
import { emitWebhookEvent } from "./webhooks";

// CHANGES_REQUESTED is no longer set (a sent-back assessment is a DRAFT again); rows from before that still edit.
const EDITABLE_STATUSES = ["DRAFT", "CHANGES_REQUESTED"] as const;
const EDITABLE = new Set<string>(EDITABLE_STATUSES);

/**
 * Starts an assessment of a product on a published template version (the newest by default), or
 * opens the product's open draft when there is one: a product has at most one assessment being
 * filled. A per-product lock inside the transaction makes that hold when many clicks arrive at
 * once: the first creates the draft, the others wait and then find it. `created` says which.
 * `frozen`: the version was fixed earlier by a vendor request, whose answers belong to that version's
 * questions; it may since have been retired by a newer one, and the assessment keeps it (as every
 * assessment keeps its version). People starting one themselves get published versions only.
 */
export async function startAssessment(ctx: TenantContext, productId: string, templateVersionId?: string, options: { frozen?: boolean } = {}) {
  const product = await productInTenant(ctx, productId);
  if (product.archivedAt) throw new AppError("CONFLICT", "Restore the product before assessing it.");
  const status = options.frozen && templateVersionId ? { in: ["PUBLISHED" as const, "RETIRED" as const] } : "PUBLISHED" as const;
  const version = await prisma.templateVersion.findFirst({
    where: { status, ...(templateVersionId ? { id: templateVersionId } : {}), ...tenant(ctx) },
    orderBy: { publishedAt: "desc" },
    select: { id: true },
  });
  if (!version) throw new AppError("VALIDATION", "There is no published questionnaire to start from.", { templateVersionId: "Choose a published questionnaire." });
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assessment-draft:${product.id}`}, 0))`;
    const draft = await tx.assessment.findFirst({ where: { productId: product.id, status: { in: [...EDITABLE_STATUSES] }, ...tenant(ctx) }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (draft) return { id: draft.id, created: false };
    const created = await tx.assessment.create({ data: { organizationId: ctx.organizationId, productId, templateVersionId: version.id, createdById: ctx.userId }, select: { id: true } });
    await recordAudit(tx, ctx, { action: "assessment.start", entityType: "Assessment", entityId: created.id, summary: { after: { productId, templateVersionId: version.id } } });
    return { id: created.id, created: true };
  });
}

/** What the filling screen needs: the frozen template, every answer, the product and its facts. */
export async function getAssessment(ctx: TenantContext, id: string) {
  const assessment = await prisma.assessment.findFirst({
    where: inTenant(ctx, { id }),
    include: {
      product: { include: { vendor: { select: { id: true, name: true } } } },
      answers: { include: { question: { select: { key: true } }, files: { include: { file: { select: { id: true, originalName: true, sizeBytes: true } } } } } },
    },
  });
  if (!assessment) throw notFound("assessment");
  const version = await getVersionDefinition(ctx, assessment.templateVersionId);
  const answers: Record<string, { value: AnswerValue; comment: string | null; updatedAt: Date; files: Array<{ id: string; originalName: string; sizeBytes: number }>; vendor: { contactName: string; answeredAt: Date } | null }> = {};
  for (const a of assessment.answers) {
    const vendor = a.vendorContactName && a.vendorAnsweredAt ? { contactName: a.vendorContactName, answeredAt: a.vendorAnsweredAt } : null;
    answers[a.question.key] = { value: (a.value as AnswerValue) ?? null, comment: a.comment, updatedAt: a.updatedAt, files: a.files.map((f) => f.file), vendor };
  }
  return { assessment, version, answers };
}

export async function listAssessmentsForProduct(ctx: TenantContext, productId: string) {
  return prisma.assessment.findMany({
    where: inTenant(ctx, { productId }),
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, createdAt: true, submittedAt: true, templateVersion: { select: { version: true, template: { select: { name: true } } } } },
  });
}

// Answers are saved by lib/db/answers.ts (value and comment as separate parts); kept importable from here.
export { saveAnswer } from "./answers";

/** Submits for review when every required visible question is answered; otherwise names the first missing one. */
export async function submitAssessment(ctx: TenantContext, id: string) {
  const { assessment, version, answers } = await getAssessment(ctx, id);
  if (!EDITABLE.has(assessment.status)) throw new AppError("CONFLICT", "This assessment was already submitted.");
  const values = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value]));
  const missing = missingRequired(
    version.definition.sections.map((s) => ({ key: s.key, questions: s.questions.map((q) => ({ key: q.key, type: q.type, required: q.required, visibility: q.visibility })) })),
    values,
  );
  if (missing.length) {
    const first = missing[0]!;
    throw new AppError("VALIDATION", `${missing.length} required question(s) still need an answer.`, { [first.questionKey]: "This question needs an answer." });
  }
  // Submitting and freezing the score as submitted (inputs, model version, result) commit together.
  // Conditional inside the transaction: of many submits at once, one claims the row and the others
  // are told at once (SKIP LOCKED: they do not queue behind the scoring the first one does).
  await withAudit(
    ctx,
    async (tx) => {
      const claimed = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT "id" FROM "Assessment"
        WHERE "id" = ${id} AND "organizationId" = ${ctx.organizationId} AND "status"::text IN ('DRAFT', 'CHANGES_REQUESTED')
        FOR UPDATE SKIP LOCKED`;
      if (claimed.length !== 1) throw new AppError("CONFLICT", "This assessment was already submitted (or is being submitted right now).");
      await tx.assessment.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date(), submittedById: ctx.userId } });
      const snapshot = await snapshotProductScore(ctx, assessment.productId, id, tx);
      // The submitted answers now count for the product and its use cases.
      await refreshScores(tx, ctx, { productIds: [assessment.productId] });
      await emitWebhookEvent(tx, ctx.organizationId, "assessment.submitted", { assessmentId: id, productId: assessment.productId, score: snapshot.score, tier: snapshot.tier, submittedBy: ctx.actorLabel });
      return snapshot;
    },
    (snapshot) => ({ action: "assessment.submit", entityType: "Assessment", entityId: id, summary: { after: { snapshotId: snapshot.id, score: snapshot.score, tier: snapshot.tier } } }),
  );
  return { productId: assessment.productId };
}

/** The product facts that fact-linked questions are compared with (the current DPA gives breach hours). */
export async function getProductFacts(ctx: TenantContext, productId: string): Promise<ProductFacts> {
  const product = await productInTenant(ctx, productId);
  const dpa = await prisma.dpa.findFirst({ where: inTenant(ctx, { productId, isCurrent: true }), select: { breachNoticeHours: true } });
  return {
    trainingPolicy: product.trainingPolicy,
    retentionKind: product.retentionKind,
    retentionDays: product.retentionDays,
    processingRegions: product.processingRegions,
    zeroRetentionAvailable: product.zeroRetentionAvailable,
    encryptionInTransit: product.encryptionInTransit,
    encryptionAtRest: product.encryptionAtRest,
    breachNoticeHours: dpa?.breachNoticeHours ?? null,
  };
}

/** A person resolved a fact conflict in favour of the answer: the product record (or its current DPA) takes it. */
export async function applyAnswerToProduct(ctx: TenantContext, assessmentId: string, questionKey: string) {
  const { assessment, answers, version } = await getAssessment(ctx, assessmentId);
  const question = version.definition.sections.flatMap((s) => s.questions).find((q) => q.key === questionKey);
  if (!question?.productFact) throw new AppError("VALIDATION", "That question is not linked to a product fact.");
  const value = answers[questionKey]?.value ?? null;
  if (value === null) throw new AppError("VALIDATION", "Answer the question first.");
  await applyFactToProduct(ctx, assessment.productId, question.productFact, value, `assessment ${assessmentId}`);
}

/**
 * Records one answered fact on the product (breach notice on its current DPA), audited and
 * rescored in one transaction. `via` names where the value came from (an assessment, a vendor request).
 */
export async function applyFactToProduct(ctx: TenantContext, productId: string, fact: string, value: AnswerValue, via: string) {
  if (value === null) throw new AppError("VALIDATION", "Answer the question first.");
  if (fact === "breachNoticeHours") {
    const dpa = await prisma.dpa.findFirst({ where: inTenant(ctx, { productId, isCurrent: true }), select: { id: true, breachNoticeHours: true } });
    if (!dpa) throw new AppError("CONFLICT", "The product has no current DPA to record the breach-notice deadline on.");
    await withAudit(
      ctx,
      async (tx) => {
        await tx.dpa.update({ where: { id: dpa.id }, data: { breachNoticeHours: Math.round(Number(value)) } });
        await refreshScores(tx, ctx, { productIds: [productId] });
      },
      () => ({ action: "dpa.update", entityType: "Dpa", entityId: dpa.id, summary: { before: { breachNoticeHours: dpa.breachNoticeHours }, after: { breachNoticeHours: Number(value) }, via } }),
    );
    return;
  }
  const before = await getProductFacts(ctx, productId);
  const change = productChangeFromAnswer(fact, value, before);
  if (!change) throw new AppError("VALIDATION", "This answer cannot be recorded on the product.");
  await withAudit(
    ctx,
    async (tx) => {
      await tx.product.update({ where: { id: productId }, data: change });
      await refreshScores(tx, ctx, { productIds: [productId] });
    },
    () => ({ action: "product.update", entityType: "Product", entityId: productId, summary: { after: change, via } }),
  );
}
