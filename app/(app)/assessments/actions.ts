"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { applyAnswerToProduct, saveAnswer, startAssessment, submitAssessment } from "@/lib/db/assessments";
import { liveAssessmentScore, liveProductScore } from "@/lib/db/scoring";

const id = z.string().min(1).max(64);

const start = guardedAction("assessment:fill", z.object({ productId: id, templateVersionId: id.optional() }), async (actor, input) => {
  const assessment = await startAssessment(actor, input.productId, input.templateVersionId);
  revalidatePath(`/products/${input.productId}`);
  return { id: assessment.id };
});

const answerInput = z.object({
  assessmentId: id,
  questionKey: z.string().min(1).max(64),
  value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(100)).max(100), z.null()]).optional(),
  comment: z.string().max(4000).nullable().optional(),
});

const save = guardedAction("assessment:fill", answerInput, async (actor, input) => {
  const { savedAt } = await saveAnswer(actor, input.assessmentId, input);
  // The questionnaire shows the score as answers change.
  return { savedAt: savedAt.toISOString(), live: await liveAssessmentScore(actor, input.assessmentId) };
});

const submit = guardedAction("assessment:fill", z.object({ assessmentId: id }), async (actor, { assessmentId }) => {
  const { productId } = await submitAssessment(actor, assessmentId);
  // The submitted answers now count: refresh the product's and its use cases' cached scores.
  await liveProductScore(actor, productId);
  revalidatePath(`/assessments/${assessmentId}`);
  return { id: assessmentId };
});

export async function startAssessmentAction(raw: unknown) {
  return start(raw);
}
export async function saveAnswerAction(raw: unknown) {
  return save(raw);
}
export async function submitAssessmentAction(raw: unknown) {
  return submit(raw);
}

const applyFact = guardedAction("vendor:write", z.object({ assessmentId: id, questionKey: z.string().min(1).max(64) }), async (actor, input) => {
  await applyAnswerToProduct(actor, input.assessmentId, input.questionKey);
  revalidatePath(`/assessments/${input.assessmentId}`);
  return { id: input.assessmentId };
});

export async function applyAnswerToProductAction(raw: unknown) {
  return applyFact(raw);
}
