"use server";

import { revalidatePath } from "next/cache";
import { setScoringWeights } from "@/lib/db/scoring-weights";
import { guardedAction } from "@/lib/http/guarded-action";
import { scoringWeightsInput } from "@/lib/validation/scoring";

export const setScoringWeightsAction = guardedAction(scoringWeightsInput, "scoring:manage", async (actor, weights) => {
  const model = await setScoringWeights(actor, weights);
  revalidatePath("/settings/scoring");
  return { version: model.version };
});
