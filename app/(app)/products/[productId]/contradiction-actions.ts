"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeContradiction } from "@/lib/db/contradictions";
import { guardedAction } from "@/lib/http/guarded-action";
import { contradictionAcknowledgementInput } from "@/lib/validation/contradictions";

export const acknowledgeContradictionAction = guardedAction(contradictionAcknowledgementInput, "contradiction:acknowledge", async (actor, input) => {
  const ack = await acknowledgeContradiction(actor, input);
  revalidatePath(`/products/${input.productId}`);
  if (input.assessmentId) revalidatePath(`/assessments/${input.assessmentId}`);
  return { id: ack.id };
});
