import { z } from "zod";
import { questionKey } from "./assessment";
import { recordId } from "./record-id";

export const REVIEW_NOTE_KINDS = ["COMMENT", "REQUEST_INFO"] as const;

/** A reviewer's note on one answer: a comment, or a request for information the filler should give. */
export const answerReviewNoteInput = z.object({
  assessmentId: recordId,
  questionKey,
  kind: z.enum(REVIEW_NOTE_KINDS, { message: "Choose a comment or a request for information." }),
  body: z.string().trim().min(3, "Write the note (at least 3 characters).").max(2000, "Keep the note under 2,000 characters."),
});
export type AnswerReviewNoteInput = z.infer<typeof answerReviewNoteInput>;
export type AnswerReviewNoteFormValues = z.input<typeof answerReviewNoteInput>;
