import "server-only";
import type { ContradictionQuestion } from "@/lib/domain/contradictions/types";
import { answerFromProduct } from "@/lib/domain/questionnaire/product-facts";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { sectionsToAnswer } from "@/lib/domain/vendor-requests/vendor-request-rules";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ReviewVendorAnswerInput } from "@/lib/validation/vendor-request";
import { applyFactToProduct, getProductFacts, startAssessment } from "./assessments";
import { recordAudit, withAudit } from "./audit";
import { contradictionsForAnswers } from "./contradictions";
import { prisma, type Prisma } from "./prisma-client";
import { getVersionDefinition } from "./questionnaires";
import { inTenant, type TenantContext } from "./tenant";

/**
 * The account manager's review of a vendor's answers: each answer is accepted (and then fills the
 * product's open assessment, keeping who at the vendor answered it and when) or returned with a
 * comment (the vendor sees it on the same link). Facts the vendor gave can be put on the product
 * record, one audited click each. Nothing here reaches the vendor's link but the returned comments.
 */

async function requestInTenant(ctx: TenantContext, id: string) {
  const request = await prisma.vendorQuestionnaireRequest.findFirst({
    where: inTenant(ctx, { id }),
    select: { id: true, status: true, productId: true, templateVersionId: true, skippedSectionKeys: true, contactName: true, contactEmail: true, assessmentId: true, expiresAt: true, revokedAt: true, product: { select: { name: true, archivedAt: true } } },
  });
  if (!request) throw notFound("request");
  return request;
}

async function questionOf(ctx: TenantContext, request: { templateVersionId: string; skippedSectionKeys: string[] }, key: string) {
  const version = await getVersionDefinition(ctx, request.templateVersionId);
  const question = sectionsToAnswer(version.definition.sections, request.skippedSectionKeys)
    .flatMap((s) => s.questions)
    .find((q) => q.key === key);
  if (!question) throw new AppError("VALIDATION", "That question is not in this request.", { questionKey: "Unknown question." });
  return question;
}

/** The product's assessment accepted answers go into: the request's own while it is a draft, else the product's open draft (started on the request's questionnaire when there is none). */
async function assessmentToFill(ctx: TenantContext, request: { productId: string; templateVersionId: string; assessmentId: string | null }) {
  if (request.assessmentId) {
    const current = await prisma.assessment.findFirst({ where: inTenant(ctx, { id: request.assessmentId }), select: { id: true, status: true } });
    if (current && (current.status === "DRAFT" || current.status === "CHANGES_REQUESTED")) return current.id;
  }
  return (await startAssessment(ctx, request.productId, request.templateVersionId, { frozen: true })).id;
}

/**
 * Accepts one answer or returns it with a comment. Only answers the vendor has sent and nobody has
 * judged yet. Accepting copies the answer (value, comment, files) into the assessment with its
 * vendor provenance; when nothing is left to judge, the request is complete. Under a lock on the
 * request row, so two reviewers cannot judge one answer twice.
 */
export async function reviewVendorAnswer(ctx: TenantContext, input: ReviewVendorAnswerInput) {
  const request = await requestInTenant(ctx, input.requestId);
  if (request.status !== "SUBMITTED" && request.status !== "RETURNED") throw new AppError("CONFLICT", request.status === "OPEN" ? "The vendor has not sent the answers yet." : "Every answer of this request was already accepted.");
  const question = await questionOf(ctx, request, input.questionKey);
  const assessmentId = input.verdict === "ACCEPT" ? await assessmentToFill(ctx, request) : null;
  const target = assessmentId
    ? await prisma.assessment.findFirstOrThrow({ where: inTenant(ctx, { id: assessmentId }), select: { templateVersion: { select: { questions: { where: { key: question.key }, select: { id: true } } } } } })
    : null;
  const targetQuestionId = target?.templateVersion.questions[0]?.id;
  if (assessmentId && !targetQuestionId) throw new AppError("CONFLICT", "The product's open assessment uses another questionnaire without this question; submit or finish it first.");

  return withAudit(
    ctx,
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "VendorQuestionnaireRequest" WHERE id = ${request.id} FOR UPDATE`;
      const answer = await tx.vendorAnswer.findUnique({ where: { requestId_questionKey: { requestId: request.id, questionKey: question.key } } });
      if (!answer) throw new AppError("VALIDATION", "The vendor has not answered this question.", { questionKey: "Not answered." });
      if (answer.review !== "PENDING") throw new AppError("CONFLICT", answer.review === "ACCEPTED" ? "This answer was already accepted." : "This answer was returned; the vendor is answering it again.");
      const now = new Date();
      if (input.verdict === "RETURN") {
        await tx.vendorAnswer.update({ where: { id: answer.id }, data: { review: "RETURNED", returnComment: input.comment, reviewedAt: now, reviewedById: ctx.userId } });
        return { verdict: "RETURN" as const, completed: false, assessmentId: null };
      }
      const locked = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text AS status FROM "Assessment" WHERE id = ${assessmentId} FOR UPDATE`;
      if (locked[0]?.status !== "DRAFT" && locked[0]?.status !== "CHANGES_REQUESTED") throw new AppError("CONFLICT", "The assessment was submitted meanwhile; reload and accept again.");
      await tx.vendorAnswer.update({ where: { id: answer.id }, data: { review: "ACCEPTED", returnComment: null, reviewedAt: now, reviewedById: ctx.userId } });
      const value = answer.value === null ? undefined : (answer.value as Prisma.InputJsonValue);
      const provenance = { vendorContactName: request.contactName, vendorAnsweredAt: answer.answeredAt, vendorRequestId: request.id, updatedById: ctx.userId };
      const filled = await tx.answer.upsert({
        where: { assessmentId_questionId: { assessmentId: assessmentId!, questionId: targetQuestionId! } },
        create: { organizationId: ctx.organizationId, assessmentId: assessmentId!, questionId: targetQuestionId!, value, comment: answer.comment, ...provenance },
        update: { value: answer.value === null ? (null as unknown as Prisma.InputJsonValue) : value, comment: answer.comment, ...provenance },
        select: { id: true },
      });
      if (question.type === "FILE") {
        await tx.answerFile.deleteMany({ where: inTenant(ctx, { answerId: filled.id }) });
        const fileIds = (answer.value as string[] | null) ?? [];
        if (fileIds.length) await tx.answerFile.createMany({ data: fileIds.map((fileId) => ({ organizationId: ctx.organizationId, answerId: filled.id, fileId })) });
      }
      await tx.assessment.update({ where: { id: assessmentId! }, data: { revision: { increment: 1 } } });
      await recordAudit(tx, ctx, { action: "assessment.answer", entityType: "Assessment", entityId: assessmentId!, summary: { question: question.key, after: { value: answer.value, comment: answer.comment }, via: `vendor request ${request.id} (${request.contactName})` } });
      const open = await tx.vendorAnswer.count({ where: { requestId: request.id, review: { in: ["PENDING", "RETURNED"] } } });
      const completed = open === 0 && request.status === "SUBMITTED";
      await tx.vendorQuestionnaireRequest.update({ where: { id: request.id }, data: { assessmentId, ...(completed ? { status: "COMPLETED", completedAt: now } : {}) } });
      return { verdict: "ACCEPT" as const, completed, assessmentId };
    },
    (result) => ({
      action: result.verdict === "ACCEPT" ? "vendor-request.accept" : "vendor-request.return",
      entityType: "VendorQuestionnaireRequest",
      entityId: request.id,
      summary: { question: question.key, ...(input.verdict === "RETURN" ? { comment: input.comment } : { assessmentId: result.assessmentId, completed: result.completed }) },
    }),
  );
}

/**
 * Sends the returned answers back to the vendor: the same link opens them for changes (and only
 * them). The vendor is told by e-mail; the link itself cannot be re-sent (only its hash is kept).
 */
export async function returnAnswersToVendor(ctx: TenantContext, requestId: string) {
  const request = await requestInTenant(ctx, requestId);
  if (request.revokedAt || request.expiresAt <= new Date()) throw new AppError("CONFLICT", "The link was revoked or has expired; send a new request instead.");
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  return withAudit(
    ctx,
    async (tx) => {
      const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text AS status FROM "VendorQuestionnaireRequest" WHERE id = ${request.id} FOR UPDATE`;
      if (rows[0]?.status !== "SUBMITTED") throw new AppError("CONFLICT", "Only answers the vendor has sent can be returned.");
      const returned = await tx.vendorAnswer.count({ where: { requestId: request.id, review: "RETURNED" } });
      if (returned === 0) throw new AppError("VALIDATION", "Return at least one answer with a comment first.");
      await tx.vendorQuestionnaireRequest.update({ where: { id: request.id }, data: { status: "RETURNED" } });
      await tx.outboxEmail.create({
        data: {
          organizationId: ctx.organizationId,
          to: request.contactEmail,
          subject: `[Vetta] ${organization.name} returned ${returned} answer(s) about ${request.product.name}`,
          body: `Hello ${request.contactName},\n\n${organization.name} returned ${returned} of your answers about ${request.product.name} with a comment each. Open the link from the first e-mail (it works until ${request.expiresAt.toISOString().slice(0, 10)}): the returned answers are marked; change them and send them again.\n`,
        },
      });
      return { returned };
    },
    (result) => ({ action: "vendor-request.return-to-vendor", entityType: "VendorQuestionnaireRequest", entityId: request.id, summary: { after: { returned: result.returned } } }),
  );
}

/** Puts one fact the vendor gave (accepted first) on the product record: one audited change, rescored. */
export async function applyVendorFact(ctx: TenantContext, input: { requestId: string; questionKey: string }) {
  const request = await requestInTenant(ctx, input.requestId);
  const question = await questionOf(ctx, request, input.questionKey);
  if (!question.productFact) throw new AppError("VALIDATION", "That question is not linked to a product fact.");
  const answer = await prisma.vendorAnswer.findUnique({ where: { requestId_questionKey: { requestId: request.id, questionKey: question.key } }, select: { value: true, review: true } });
  if (answer?.review !== "ACCEPTED") throw new AppError("CONFLICT", "Accept the answer before putting it on the product.");
  await applyFactToProduct(ctx, request.productId, question.productFact, (answer.value as AnswerValue) ?? null, `vendor request ${request.id} (${request.contactName})`);
}

/**
 * What the review page shows beside each answer: the product record's value for fact-linked
 * questions, and the contradictions between the vendor's answers and the record, DPA and evidence.
 */
export async function vendorAnswersAgainstRecord(ctx: TenantContext, request: { productId: string; templateVersionId: string; skippedSectionKeys: string[]; answers: Array<{ questionKey: string; value: unknown }> }) {
  const version = await getVersionDefinition(ctx, request.templateVersionId);
  const questions = sectionsToAnswer(version.definition.sections, request.skippedSectionKeys).flatMap((s) => s.questions);
  const facts = await getProductFacts(ctx, request.productId);
  const recorded = Object.fromEntries(questions.flatMap((q) => (q.productFact ? [[q.key, answerFromProduct(q.productFact, facts)] as const] : [])));
  const answers = Object.fromEntries(request.answers.map((a) => [a.questionKey, (a.value as AnswerValue) ?? null]));
  const contradictions = await contradictionsForAnswers(
    ctx,
    request.productId,
    questions.map((q): ContradictionQuestion => ({ key: q.key, prompt: q.prompt, type: q.type, required: q.required, visibility: q.visibility, options: q.options, productFact: q.productFact ?? null })),
    answers,
  );
  // Only what the vendor's answers take part in: the record's own disagreements are on the product page.
  return { recorded, contradictions: contradictions.filter((c) => c.left.source === "answer" || c.right.source === "answer") };
}

/** Accepts every answer still waiting for a verdict, in questionnaire order (each as a single accept would). */
export async function acceptAllPending(ctx: TenantContext, requestId: string) {
  const request = await requestInTenant(ctx, requestId);
  const version = await getVersionDefinition(ctx, request.templateVersionId);
  const order = sectionsToAnswer(version.definition.sections, request.skippedSectionKeys).flatMap((s) => s.questions.map((q) => q.key));
  const pending = new Set((await prisma.vendorAnswer.findMany({ where: { requestId: request.id, review: "PENDING" }, select: { questionKey: true } })).map((a) => a.questionKey));
  let accepted = 0;
  for (const questionKey of order.filter((k) => pending.has(k))) {
    await reviewVendorAnswer(ctx, { requestId: request.id, questionKey, verdict: "ACCEPT" });
    accepted++;
  }
  return { accepted };
}
