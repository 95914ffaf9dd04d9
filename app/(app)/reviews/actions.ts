"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { decideAssessment } from "@/lib/db/reviews";
import { decisionInput } from "@/lib/validation/decision";

const decide = guardedAction("assessment:decide", decisionInput, async (actor, input) => {
  await decideAssessment(actor, input);
  revalidatePath(`/assessments/${input.assessmentId}`);
  revalidatePath("/reviews");
  return { id: input.assessmentId };
});

export async function decideAssessmentAction(raw: unknown) {
  return decide(raw);
}
