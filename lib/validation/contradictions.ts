import { z } from "zod";
import { optionalRecordId, recordId } from "./record-id";

/** Recording why both sides of a contradiction stand (lib/db/contradictions.ts). */
export const contradictionAcknowledgementInput = z.object({
  productId: recordId,
  // The assessment whose answers were shown (the filler or review page); none on the product page.
  assessmentId: optionalRecordId,
  key: z.string().trim().min(1, "Choose the contradiction.").max(100),
  reason: z.string({ message: "Say why both sides stand." }).trim().min(10, "Say why both sides stand (at least 10 characters).").max(2000, "Use at most 2,000 characters."),
});
export type ContradictionAcknowledgementInput = z.output<typeof contradictionAcknowledgementInput>;
export type ContradictionAcknowledgementFormValues = z.input<typeof contradictionAcknowledgementInput>;
