import { z } from "zod";
import { recordId } from "./record-id";

/** A question's key as stored in a template version (letters, digits, "_", "." or "-"). */
export const questionKey = z
  .string({ error: "Choose the question." })
  .min(1, "Choose the question.")
  .max(64, "That is not a question of this questionnaire.")
  .regex(/^[A-Za-z0-9_.-]+$/, "That is not a question of this questionnaire.");

export const startAssessmentInput = z.object({ productId: recordId, templateVersionId: recordId.optional() });

export const submitAssessmentInput = z.object({ assessmentId: recordId });

/** Copy one answer onto the product's recorded facts. */
export const applyAnswerInput = z.object({ assessmentId: recordId, questionKey });
