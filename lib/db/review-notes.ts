import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { AnswerReviewNoteInput } from "@/lib/validation/review-note";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

export interface AnswerReviewNoteView {
  id: string;
  questionKey: string;
  kind: "COMMENT" | "REQUEST_INFO";
  body: string;
  authorLabel: string;
  createdAt: Date;
}

/**
 * A reviewer comments on, or asks for information about, one answer of a submitted assessment.
 * The filler sees it on that question (after changes are requested, when the assessment is theirs
 * again). Audited; notes are never edited, a later note answers an earlier one.
 */
export async function addAnswerReviewNote(ctx: TenantContext, input: AnswerReviewNoteInput): Promise<AnswerReviewNoteView> {
  const assessment = await prisma.assessment.findFirst({ where: inTenant(ctx, { id: input.assessmentId }), select: { id: true, status: true, templateVersionId: true } });
  if (!assessment) throw notFound("assessment");
  if (assessment.status !== "SUBMITTED") throw new AppError("CONFLICT", "Notes on answers are written while the assessment is under review.");
  const question = await prisma.templateQuestion.findFirst({ where: inTenant(ctx, { versionId: assessment.templateVersionId, key: input.questionKey }), select: { id: true } });
  if (!question) throw new AppError("VALIDATION", "That question is not in this questionnaire.", { questionKey: "Unknown question." });
  return withAudit(
    ctx,
    (tx) =>
      tx.answerReviewNote.create({
        data: { organizationId: ctx.organizationId, assessmentId: assessment.id, questionKey: input.questionKey, kind: input.kind, body: input.body, authorId: ctx.userId, authorLabel: ctx.actorLabel },
        select: { id: true, questionKey: true, kind: true, body: true, authorLabel: true, createdAt: true },
      }),
    (note) => ({ action: "assessment.review_note", entityType: "Assessment", entityId: assessment.id, summary: { question: input.questionKey, after: { noteId: note.id, kind: input.kind, body: input.body } } }),
  );
}

/** Every reviewer note on an assessment's answers, by question key, oldest first. */
export async function listAnswerReviewNotes(ctx: TenantContext, assessmentId: string): Promise<Record<string, AnswerReviewNoteView[]>> {
  const notes = await prisma.answerReviewNote.findMany({
    where: inTenant(ctx, { assessmentId }),
    orderBy: { createdAt: "asc" },
    select: { id: true, questionKey: true, kind: true, body: true, authorLabel: true, createdAt: true },
  });
  const byKey: Record<string, AnswerReviewNoteView[]> = {};
  for (const n of notes) (byKey[n.questionKey] ??= []).push(n);
  return byKey;
}
