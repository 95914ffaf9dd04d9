import "server-only";
import { isDeepStrictEqual } from "node:util";
import { serverEnv } from "@/lib/config/server-env";
import { parseAnswerValue } from "@/lib/domain/questionnaire/answer-value";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { sectionsToAnswer, submitProblems, vendorMayEdit, type SubmitCheckAnswer } from "@/lib/domain/vendor-requests/vendor-request-rules";
import { AppError, notFound } from "@/lib/errors/app-error";
import { VENDOR_TOKEN_PATTERN } from "@/lib/validation/vendor-request";
import { recordAudit } from "./audit";
import { emitWebhookEvent } from "./webhooks";
import type { StoredEvidenceMetadata } from "./evidence-files";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import { getVersionDefinition } from "./questionnaires";
import type { TenantContext } from "./tenant";
import { hashVendorToken } from "./vendor-requests";

/**
 * SECURITY-CRITICAL. The vendor's side of a questionnaire request: no account, the link is the
 * credential. Every function here takes the request found by its token (lib/auth/vendor-link-access
 * checks that it is live) and reaches only that request's rows: its pinned questions, its answers,
 * the files uploaded through it, and the MSP's and product's names. No scores, no clients, no
 * other vendor. Every state check is repeated under a lock on the request row, so a revoke or a
 * submit that lands between the check and the write wins.
 */

export interface Visitor {
  ip: string | null;
  userAgent: string | null;
}

export type LinkRequest = NonNullable<Awaited<ReturnType<typeof findVendorRequestByToken>>>;

/** The request behind a token, whatever its state (the caller decides and logs). Null when unknown. */
export async function findVendorRequestByToken(token: string) {
  if (!VENDOR_TOKEN_PATTERN.test(token)) return null;
  return prisma.vendorQuestionnaireRequest.findUnique({
    where: { tokenHash: hashVendorToken(token) },
    select: { id: true, organizationId: true, status: true, expiresAt: true, revokedAt: true, passcodeHash: true, contactName: true, contactEmail: true },
  });
}

export async function recordVendorAccess(request: { id: string; organizationId: string }, action: string, visitor: Visitor, tx: Tx | typeof prisma = prisma) {
  await tx.vendorRequestAccess.create({ data: { organizationId: request.organizationId, requestId: request.id, action, ip: visitor.ip, userAgent: visitor.userAgent?.slice(0, 300) ?? null } });
}

/** Who the audit trail names for what comes through a link: the vendor contact, no user. */
function linkActor(request: Pick<LinkRequest, "organizationId" | "contactEmail">, visitor: Visitor): TenantContext {
  return { organizationId: request.organizationId, userId: "", role: "ACCOUNT_MANAGER", clientId: null, actorLabel: `vendor contact: ${request.contactEmail}`, ip: visitor.ip };
}

/** The pinned questions the vendor answers (skipped sections left out), without scoring internals. */
async function questionsOf(request: { organizationId: string; templateVersionId: string; skippedSectionKeys: string[] }) {
  const version = await getVersionDefinition(linkActor({ organizationId: request.organizationId, contactEmail: "" }, { ip: null, userAgent: null }), request.templateVersionId);
  const sections = sectionsToAnswer(version.definition.sections, request.skippedSectionKeys).map((s) => ({
    key: s.key,
    title: s.title,
    description: s.description,
    // Weights, points and bands are how the MSP scores: the vendor sees the questions only.
    questions: s.questions.map((q) => ({
      key: q.key,
      prompt: q.prompt,
      helpText: q.helpText,
      type: q.type,
      required: q.required,
      options: q.options?.map((o) => ({ value: o.value, label: o.label })) ?? null,
      visibility: q.visibility,
    })),
  }));
  return { name: version.definition.name, sections };
}

export type VendorSection = Awaited<ReturnType<typeof questionsOf>>["sections"][number];

/** Everything the vendor's page shows, and nothing more. */
export async function vendorRequestView(link: LinkRequest) {
  const request = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({
    where: { id: link.id },
    select: {
      id: true,
      organizationId: true,
      status: true,
      contactName: true,
      dueOn: true,
      message: true,
      expiresAt: true,
      submittedAt: true,
      templateVersionId: true,
      skippedSectionKeys: true,
      organization: { select: { name: true } },
      product: { select: { name: true, vendor: { select: { name: true } } } },
      answers: { select: { questionKey: true, value: true, comment: true, prefilled: true, review: true, returnComment: true, answeredAt: true, reviewedAt: true } },
      uploads: { select: { file: { select: { id: true, originalName: true, sizeBytes: true } } } },
    },
  });
  const questionnaire = await questionsOf(request);
  return {
    organizationName: request.organization.name,
    productName: request.product.name,
    vendorName: request.product.vendor.name,
    contactName: request.contactName,
    dueOn: request.dueOn.toISOString().slice(0, 10),
    message: request.message,
    expiresAt: request.expiresAt.toISOString(),
    status: request.status,
    submittedAt: request.submittedAt?.toISOString() ?? null,
    questionnaireName: questionnaire.name,
    sections: questionnaire.sections,
    answers: Object.fromEntries(
      request.answers.map((a) => [
        a.questionKey,
        { value: (a.value as AnswerValue) ?? null, comment: a.comment, prefilled: a.prefilled, review: a.review, returnComment: a.review === "RETURNED" ? a.returnComment : null, editable: vendorMayEdit(request.status, a.review) },
      ]),
    ),
    files: Object.fromEntries(request.uploads.map((u) => [u.file.id, u.file])),
  };
}

/** Locks the request row and re-reads its state: saves, uploads and the submit queue here. */
async function lockLive(tx: Tx, requestId: string) {
  const rows = await tx.$queryRaw<Array<{ status: string; revokedAt: Date | null; expiresAt: Date }>>`
    SELECT status::text AS status, "revokedAt", "expiresAt" FROM "VendorQuestionnaireRequest" WHERE id = ${requestId} FOR UPDATE`;
  const row = rows[0];
  // Revoked or expired since the link was opened: as unknown as any other dead link.
  if (!row || row.revokedAt || row.expiresAt <= new Date()) throw notFound("request");
  return row.status as "OPEN" | "SUBMITTED" | "RETURNED" | "COMPLETED";
}

const READ_ONLY = "These answers were sent; they can no longer be changed here.";

export interface VendorAnswerParts {
  questionKey: string;
  value?: unknown;
  comment?: string | null;
  confirm?: true;
}

/**
 * Saves the parts of one answer the vendor changed (value, comment, or confirming a copied answer).
 * Only questions of this request's frozen set; only files uploaded through this request; only while
 * the vendor may still change that answer. Logged as SAVE.
 */
export async function saveVendorAnswer(link: LinkRequest, input: VendorAnswerParts, visitor: Visitor): Promise<{ savedAt: Date; changed: boolean }> {
  const request = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({ where: { id: link.id }, select: { id: true, organizationId: true, templateVersionId: true, skippedSectionKeys: true } });
  const { sections } = await questionsOf(request);
  const question = sections.flatMap((s) => s.questions).find((q) => q.key === input.questionKey);
  if (!question) throw new AppError("VALIDATION", "That question is not in this questionnaire.", { questionKey: "Unknown question." });
  let value: AnswerValue | undefined;
  if (input.value !== undefined) {
    const parsed = parseAnswerValue({ type: question.type, options: question.options }, input.value);
    if (!parsed.ok) throw new AppError("VALIDATION", parsed.message, { [question.key]: parsed.message });
    value = parsed.value;
  }
  const comment = input.comment === undefined ? undefined : input.comment?.trim() ? input.comment : null;

  return prisma.$transaction(
    async (tx) => {
      const status = await lockLive(tx, link.id);
      const before = await tx.vendorAnswer.findUnique({ where: { requestId_questionKey: { requestId: link.id, questionKey: question.key } } });
      if (!vendorMayEdit(status, before?.review ?? null)) throw new AppError("CONFLICT", status === "RETURNED" ? "Only the returned answers can be changed now." : READ_ONLY, { [question.key]: status === "RETURNED" ? "This answer was accepted or is being reviewed." : READ_ONLY });
      if (question.type === "FILE" && value) {
        const ids = value as string[];
        const owned = await tx.vendorRequestUpload.count({ where: { requestId: link.id, fileId: { in: ids } } });
        if (owned !== new Set(ids).size) throw new AppError("VALIDATION", "Attach files by uploading them here.", { [question.key]: "Upload the file again." });
      }
      const valueChanged = value !== undefined && !isDeepStrictEqual((before?.value as AnswerValue | undefined) ?? null, value);
      const commentChanged = comment !== undefined && (before?.comment ?? null) !== comment;
      const confirming = input.confirm === true && before?.prefilled === true;
      const now = new Date();
      if (valueChanged || commentChanged || confirming) {
        const data = {
          ...(valueChanged ? { value: value === null ? (null as unknown as Prisma.InputJsonValue) : (value as Prisma.InputJsonValue) } : {}),
          ...(commentChanged ? { comment } : {}),
          // A changed or confirmed answer is the vendor's own now, not a copy.
          ...(valueChanged || confirming ? { prefilled: false } : {}),
          answeredAt: now,
        };
        if (before) await tx.vendorAnswer.update({ where: { id: before.id }, data });
        else
          await tx.vendorAnswer.create({
            data: { organizationId: link.organizationId, requestId: link.id, questionKey: question.key, value: value === null || value === undefined ? undefined : (value as Prisma.InputJsonValue), comment: comment ?? null, answeredAt: now },
          });
      }
      await recordVendorAccess(link, confirming ? "CONFIRM" : "SAVE", visitor, tx);
      return { savedAt: now, changed: valueChanged || commentChanged || confirming };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}

/** Records a file uploaded through the link (already checked, encrypted and stored by lib/files). */
export async function recordVendorUpload(link: LinkRequest, meta: StoredEvidenceMetadata, visitor: Visitor) {
  return prisma.$transaction(async (tx) => {
    const status = await lockLive(tx, link.id);
    if (status !== "OPEN" && status !== "RETURNED") throw new AppError("CONFLICT", READ_ONLY);
    const file = await tx.evidenceFile.create({
      data: { ...meta, organizationId: link.organizationId, uploadedById: null },
      select: { id: true, originalName: true, sizeBytes: true },
    });
    await tx.vendorRequestUpload.create({ data: { organizationId: link.organizationId, requestId: link.id, fileId: file.id } });
    await recordVendorAccess(link, "UPLOAD", visitor, tx);
    await recordAudit(tx, linkActor(link, visitor), { action: "file.upload", entityType: "EvidenceFile", entityId: file.id, summary: { after: { name: meta.originalName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, sha256: meta.sha256, via: `vendor request ${link.id}` } } });
    return file;
  });
}

const PROBLEM_WORDS = { MISSING: "needs an answer", UNCONFIRMED: "was copied from your last answers: confirm or change it", STILL_RETURNED: "was returned: change it or add a comment" } as const;

/**
 * The vendor sends the answers. Under the row lock: the request must still be with the vendor, and
 * nothing may be missing (every problem is named, by question). Of any number of submits at once,
 * one sends (the rest find it sent); the owner hears of it once (notification + e-mail), audited.
 */
export async function submitVendorAnswers(link: LinkRequest, visitor: Visitor) {
  const request = await prisma.vendorQuestionnaireRequest.findUniqueOrThrow({
    where: { id: link.id },
    select: { id: true, organizationId: true, templateVersionId: true, skippedSectionKeys: true, ownerId: true, contactName: true, product: { select: { id: true, name: true } } },
  });
  const { sections } = await questionsOf(request);
  const ruleSections = sections.map((s) => ({ key: s.key, questions: s.questions.map((q) => ({ key: q.key, type: q.type, required: q.required, visibility: q.visibility })) }));
  const prompts = new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q.prompt] as const)));
  const owner = await prisma.user.findUnique({ where: { id: request.ownerId }, select: { id: true, email: true, deactivatedAt: true } });

  return prisma.$transaction(
    async (tx) => {
      const status = await lockLive(tx, link.id);
      if (status !== "OPEN" && status !== "RETURNED") throw new AppError("CONFLICT", "These answers were already sent.");
      const answers = await tx.vendorAnswer.findMany({ where: { requestId: link.id }, select: { questionKey: true, value: true, prefilled: true, review: true, answeredAt: true, reviewedAt: true } });
      const byKey: Record<string, SubmitCheckAnswer> = Object.fromEntries(answers.map((a) => [a.questionKey, { value: (a.value as AnswerValue) ?? null, prefilled: a.prefilled, review: a.review }]));
      const returnedUnchanged = new Set(answers.filter((a) => a.review === "RETURNED" && a.reviewedAt && a.answeredAt <= a.reviewedAt).map((a) => a.questionKey));
      const problems = submitProblems(ruleSections, byKey, returnedUnchanged);
      if (problems.length) {
        const list = problems.slice(0, 10).map((p) => `“${prompts.get(p.questionKey)}” ${PROBLEM_WORDS[p.reason]}`);
        throw new AppError(
          "VALIDATION",
          `${problems.length} answer(s) still need attention: ${list.join("; ")}${problems.length > 10 ? "; …" : ""}.`,
          Object.fromEntries(problems.map((p) => [p.questionKey, PROBLEM_WORDS[p.reason]])),
        );
      }
      const now = new Date();
      await tx.vendorQuestionnaireRequest.update({ where: { id: link.id }, data: { status: "SUBMITTED", submittedAt: now } });
      // Answered again: back to the account manager for a verdict.
      await tx.vendorAnswer.updateMany({ where: { requestId: link.id, review: "RETURNED" }, data: { review: "PENDING" } });
      await recordVendorAccess(link, "SUBMIT", visitor, tx);
      const title = `${request.contactName} ${status === "RETURNED" ? "answered the returned questions" : "sent the answers"} about ${request.product.name}`;
      if (owner && !owner.deactivatedAt) {
        await tx.notification.create({ data: { organizationId: link.organizationId, userId: owner.id, kind: "vendor-request.submitted", title, body: "Review each answer: accept it or return it with a comment.", link: `/vendor-requests/${link.id}` } });
        await tx.outboxEmail.create({ data: { organizationId: link.organizationId, to: owner.email, subject: `[Vetta] ${title}`, body: `${title}.\nReview each answer: accept it or return it with a comment.\n\nOpen it: ${serverEnv.publicUrl()}/vendor-requests/${link.id}\n` } });
      }
      await emitWebhookEvent(tx, link.organizationId, "vendor_request.submitted", { requestId: link.id, productId: request.product.id, resubmission: status === "RETURNED", answers: answers.length });
      await recordAudit(tx, linkActor(link, visitor), { action: "vendor-request.submit", entityType: "VendorQuestionnaireRequest", entityId: link.id, summary: { after: { answers: answers.length, resubmission: status === "RETURNED" } } });
      return { submittedAt: now };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}
