"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { acknowledgeContradiction } from "@/lib/db/contradictions";
import { contradictionAcknowledgementInput } from "@/lib/validation/contradictions";

const acknowledgeRun = guardedAction("contradiction:acknowledge", contradictionAcknowledgementInput, async (actor, input) => {
  const ack = await acknowledgeContradiction(actor, input);
  revalidatePath(`/products/${input.productId}`);
  if (input.assessmentId) revalidatePath(`/assessments/${input.assessmentId}`);
  return { id: ack.id };
});

export async function acknowledgeContradictionAction(raw: unknown) {
  return acknowledgeRun(raw);
}
