"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guarded-action";
import { setScoringWeights } from "@/lib/db/scoring";
import { scoringWeightsInput } from "@/lib/validation/scoring";

const run = guardedAction("scoring:manage", scoringWeightsInput, async (actor, weights) => {
  const model = await setScoringWeights(actor, weights);
  revalidatePath("/settings/scoring");
  return { version: model.version };
});

export async function setScoringWeightsAction(raw: unknown) {
  return run(raw);
}
