import "server-only";
import { isDeepStrictEqual } from "node:util";
import { parseAnswerValue } from "@/lib/domain/questionnaire/answer-value";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { AppError, notFound } from "@/lib/errors/app-error";
import { recordAudit } from "./audit";
import { prisma, type Prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

/** The parts of one question's answer a save carries (see lib/validation/answer.ts); absent = untouched. */
export interface AnswerParts {
  questionKey: string;
  value?: unknown;
  comment?: string | null;
}

/** A filler may change answers only while the assessment is with them. */
const EDITABLE = new Set(["DRAFT", "CHANGES_REQUESTED"]);

interface CheckedParts {
  questionKey: string;
  questionId: string;
  isFile: boolean;
  /** undefined: this save does not carry the value (leave it alone). */
  value: AnswerValue | undefined;
  /** undefined: this save does not carry the comment (leave it alone). */
  comment: string | null | undefined;
}

/** Every part is checked against its question before anything is written: a batch saves whole or not at all. */
async function checkParts(ctx: TenantContext, templateVersionId: string, items: AnswerParts[]): Promise<CheckedParts[]> {
  const keys = [...new Set(items.map((i) => i.questionKey))];
  const questions = await prisma.templateQuestion.findMany({ where: inTenant(ctx, { versionId: templateVersionId, key: { in: keys } }), select: { id: true, key: true, type: true, options: true } });
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const checked: CheckedParts[] = [];
  const fileIds = new Set<string>();
  for (const item of items) {
    const question = byKey.get(item.questionKey);
    if (!question) throw new AppError("VALIDATION", "That question is not in this questionnaire.", { questionKey: "Unknown question." });
    let value: AnswerValue | undefined;
    if (item.value !== undefined) {
      const parsed = parseAnswerValue({ type: question.type, options: question.options as Array<{ value: string }> | null }, item.value);
      if (!parsed.ok) throw new AppError("VALIDATION", parsed.message, { [item.questionKey]: parsed.message });
      value = parsed.value;
      if (question.type === "FILE") for (const f of (value as string[] | null) ?? []) fileIds.add(f);
    }
    // An emptied comment box means "no comment".
    const comment = item.comment === undefined ? undefined : item.comment?.trim() ? item.comment : null;
    checked.push({ questionKey: item.questionKey, questionId: question.id, isFile: question.type === "FILE", value, comment });
  }
  if (fileIds.size) {
    const owned = await prisma.evidenceFile.count({ where: inTenant(ctx, { id: { in: [...fileIds] } }) });
    if (owned !== fileIds.size) {
      const key = checked.find((c) => c.isFile && c.value !== undefined)!.questionKey;
      throw new AppError("VALIDATION", "Attach files by uploading them.", { [key]: "Upload the file again." });
    }
  }
  return checked;
}

/**
 * Saves the parts of answers that a save carries, and only those: a value without a comment leaves
 * the comment as it is, and a comment without a value leaves the answer as it is. Saves to one
 * assessment are serialised by a lock on its row (so "before" is what the last save left, and a
 * save never races the submit that freezes it); the audit event names only the parts that changed,
 * and a save that changes nothing writes nothing.
 */
export async function saveAnswers(ctx: TenantContext, assessmentId: string, items: AnswerParts[]): Promise<{ savedAt: Date; changed: number }> {
  const assessment = await prisma.assessment.findFirst({ where: inTenant(ctx, { id: assessmentId }), select: { id: true, templateVersionId: true } });
  if (!assessment) throw notFound("assessment");
  // The newest part per question wins within one batch (a closing tab sends what it holds).
  const merged = new Map<string, AnswerParts>();
  for (const item of items) {
    const prev = merged.get(item.questionKey);
    merged.set(item.questionKey, { ...prev, ...Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) } as AnswerParts);
  }
  const checked = await checkParts(ctx, assessment.templateVersionId, [...merged.values()]);

  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text AS status FROM "Assessment" WHERE id = ${assessmentId} AND "organizationId" = ${ctx.organizationId} FOR UPDATE`;
    if (!locked[0]) throw notFound("assessment");
    if (!EDITABLE.has(locked[0].status)) throw new AppError("CONFLICT", "This assessment was submitted; it can no longer be edited.");
    let savedAt: Date | null = null;
    let changed = 0;
    for (const part of checked) {
      const before = await tx.answer.findUnique({
        where: { assessmentId_questionId: { assessmentId, questionId: part.questionId } },
        select: { id: true, value: true, comment: true, updatedAt: true },
      });
      const beforeValue = (before?.value as AnswerValue | undefined) ?? null;
      const beforeComment = before?.comment ?? null;
      const valueChanged = part.value !== undefined && !isDeepStrictEqual(beforeValue, part.value);
      const commentChanged = part.comment !== undefined && beforeComment !== part.comment;
      if (!valueChanged && !commentChanged) continue;
      changed++;
      const data = {
        ...(valueChanged ? { value: part.value === null ? (null as unknown as Prisma.InputJsonValue) : (part.value as Prisma.InputJsonValue) } : {}),
        ...(commentChanged ? { comment: part.comment } : {}),
        // Changed at the MSP: no longer the vendor's answer as given.
        ...(valueChanged ? { vendorContactName: null, vendorAnsweredAt: null, vendorRequestId: null } : {}),
        updatedById: ctx.userId,
      };
      const answer = before
        ? await tx.answer.update({ where: { id: before.id }, data, select: { id: true, updatedAt: true } })
        : await tx.answer.create({
            data: { organizationId: ctx.organizationId, assessmentId, questionId: part.questionId, value: part.value === null || part.value === undefined ? undefined : (part.value as Prisma.InputJsonValue), comment: part.comment ?? null, updatedById: ctx.userId },
            select: { id: true, updatedAt: true },
          });
      savedAt = answer.updatedAt;
      if (part.isFile && valueChanged) {
        const fileIds = (part.value as string[] | null) ?? [];
        await tx.answerFile.deleteMany({ where: inTenant(ctx, { answerId: answer.id }) });
        if (fileIds.length) await tx.answerFile.createMany({ data: fileIds.map((fileId) => ({ organizationId: ctx.organizationId, answerId: answer.id, fileId })) });
      }
      const beforeParts: Record<string, unknown> = {};
      const afterParts: Record<string, unknown> = {};
      if (valueChanged) {
        beforeParts.value = beforeValue;
        afterParts.value = part.value;
      }
      if (commentChanged) {
        beforeParts.comment = beforeComment;
        afterParts.comment = part.comment;
      }
      await recordAudit(tx, ctx, { action: "assessment.answer", entityType: "Assessment", entityId: assessmentId, summary: { question: part.questionKey, before: beforeParts, after: afterParts } });
    }
    if (changed) await tx.assessment.update({ where: { id: assessmentId }, data: { revision: { increment: 1 } } });
    return { savedAt: savedAt ?? new Date(), changed };
    // Saves to one assessment queue on its row lock: a burst (autosaves from several tabs, a
    // closing tab's flush) waits its turn rather than failing after Prisma's default 2 s.
  }, { maxWait: 15_000, timeout: 20_000 });
}

/** One question's autosave: the parts it carries (value and/or comment), nothing else. */
export async function saveAnswer(ctx: TenantContext, assessmentId: string, input: AnswerParts) {
  return saveAnswers(ctx, assessmentId, [input]);
}
