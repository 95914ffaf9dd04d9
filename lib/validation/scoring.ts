import { z } from "zod";

const weight = (label: string) =>
  z.coerce.number({ message: `Enter the ${label} weight.` }).int(`Use a whole number for the ${label} weight.`).min(0, "Weights cannot be negative.").max(100, "Use at most 100.");

export const scoringWeightsInput = z
  .object({ dpa: weight("DPA"), questionnaire: weight("questionnaire"), certifications: weight("certifications") })
  .refine((w) => w.dpa + w.questionnaire + w.certifications > 0, { message: "At least one weight must be above zero.", path: ["dpa"] });
export type ScoringWeightsForm = z.input<typeof scoringWeightsInput>;
