"use server";

import { revalidatePath } from "next/cache";
import { saveAnswer } from "@/lib/db/answers";
import { applyAnswerToProduct, startAssessment, submitAssessment } from "@/lib/db/assessments";
import { liveAssessmentScore } from "@/lib/db/scoring";
import { guardedAction } from "@/lib/http/guarded-action";
import { saveAnswerInput } from "@/lib/validation/answer";
import { applyAnswerInput, startAssessmentInput, submitAssessmentInput } from "@/lib/validation/assessment";
import { addAnswerReviewNote } from "@/lib/db/review-notes";
import { answerReviewNoteInput } from "@/lib/validation/review-note";

export const startAssessmentAction = guardedAction(startAssessmentInput, "assessment:fill", async (actor, input) => {
  const assessment = await startAssessment(actor, input.productId, input.templateVersionId);
  revalidatePath(`/products/${input.productId}`);
  return { id: assessment.id };
});

// The input says which parts it carries (value and/or comment); only those are written.
export const saveAnswerAction = guardedAction(saveAnswerInput, "assessment:fill", async (actor, { assessmentId, ...parts }) => {
  const { savedAt } = await saveAnswer(actor, assessmentId, parts);
  // The questionnaire shows the score as answers change.
  return { savedAt: savedAt.toISOString(), live: await liveAssessmentScore(actor, assessmentId) };
});

export const submitAssessmentAction = guardedAction(submitAssessmentInput, "assessment:fill", async (actor, { assessmentId }) => {
  const { productId } = await submitAssessment(actor, assessmentId);
  // lib/db re-scored the product and its use cases in the submit's transaction.
  revalidatePath(`/products/${productId}`);
  revalidatePath(`/assessments/${assessmentId}`);
  return { id: assessmentId };
});

export const applyAnswerToProductAction = guardedAction(applyAnswerInput, "vendor:write", async (actor, input) => {
  await applyAnswerToProduct(actor, input.assessmentId, input.questionKey);
  revalidatePath(`/assessments/${input.assessmentId}`);
  return { id: input.assessmentId };
});

// A reviewer's comment on, or request for information about, one answer.
export const addAnswerReviewNoteAction = guardedAction(answerReviewNoteInput, "assessment:decide", async (actor, input) => {
  const note = await addAnswerReviewNote(actor, input);
  return { ...note, createdAt: note.createdAt.toISOString() };
});
