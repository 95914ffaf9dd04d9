"use server";

import { revalidatePath } from "next/cache";
import { decideAssessment } from "@/lib/db/reviews";
import { guardedAction } from "@/lib/http/guarded-action";
import { decisionInput } from "@/lib/validation/decision";

export const decideAssessmentAction = guardedAction(decisionInput, "assessment:decide", async (actor, input) => {
  await decideAssessment(actor, input);
  revalidatePath(`/assessments/${input.assessmentId}`);
  revalidatePath("/reviews");
  return { id: input.assessmentId };
});
