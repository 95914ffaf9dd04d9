"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { saveAnswer } from "@/lib/db/answers";
import { applyAnswerToProduct, startAssessment, submitAssessment } from "@/lib/db/assessments";
import { liveAssessmentScore, liveProductScore } from "@/lib/db/scoring";
import { saveAnswerInput } from "@/lib/validation/answer";

const id = z.string().min(1).max(64);

const start = guardedAction("assessment:fill", z.object({ productId: id, templateVersionId: id.optional() }), async (actor, input) => {
  const assessment = await startAssessment(actor, input.productId, input.templateVersionId);
  revalidatePath(`/products/${input.productId}`);
  return { id: assessment.id };
});

// The input says which parts it carries (value and/or comment); only those are written.
const save = guardedAction("assessment:fill", saveAnswerInput, async (actor, { assessmentId, ...parts }) => {
  const { savedAt } = await saveAnswer(actor, assessmentId, parts);
  // The questionnaire shows the score as answers change.
  return { savedAt: savedAt.toISOString(), live: await liveAssessmentScore(actor, assessmentId) };
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
