import { z } from "zod";
import { questionKey } from "./assessment";
import { recordId } from "./record-id";

const id = recordId;

/** What an answer's value may look like on the wire; the question's type is checked on the server. */
export const answerValueInput = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(100)).max(100), z.null()]);

const carriesSomething = (a: { value?: unknown; comment?: unknown }) => a.value !== undefined || a.comment !== undefined;

/**
 * The parts of one question's answer an autosave carries: `value` and/or `comment`. A part left
 * out is left alone on the server (absent ≠ null: `value: null` clears the answer), so saving a
 * comment never clears the answer and saving the answer never clears the comment.
 */
export const answerPartsInput = z
  .object({
    questionKey,
    value: answerValueInput.optional(),
    comment: z.string().max(4000, "Keep the comment under 4,000 characters.").nullable().optional(),
  })
  .refine(carriesSomething, { message: "Send a value, a comment or both.", path: ["value"] });
export type AnswerParts = z.infer<typeof answerPartsInput>;

/** One autosave from the filler (server action). */
export const saveAnswerInput = z
  .object({
    assessmentId: id,
    questionKey,
    value: answerValueInput.optional(),
    comment: z.string().max(4000, "Keep the comment under 4,000 characters.").nullable().optional(),
  })
  .refine(carriesSomething, { message: "Send a value, a comment or both.", path: ["value"] });

/**
 * The edits a closing tab sends in one request (navigator.sendBeacon / fetch keepalive) to
 * POST /api/assessments/[assessmentId]/answers: each question's parts, as in an autosave.
 */
export const flushAnswersInput = z.object({
  answers: z.array(answerPartsInput).min(1, "Send at least one answer.").max(200, "Send at most 200 answers at once."),
});
