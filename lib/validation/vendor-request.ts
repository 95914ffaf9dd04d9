import { z } from "zod";
import { questionKey } from "./assessment";
import { emailField } from "./auth";
import { requiredDate } from "./dates";
import { hasOnlyTextControls, nameText } from "./plain-text";
import { recordId, recordIdOf } from "./record-id";
import { answerValueInput } from "./answer";

/** 32 random bytes, base64url: what a vendor link's token looks like. */
export const VENDOR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const vendorToken = z.string({ error: "This link is not valid." }).regex(VENDOR_TOKEN_PATTERN, "This link is not valid.");

const multiLine = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max.toLocaleString("en")} characters.`)
    .refine(hasOnlyTextControls, "Remove the control characters.");

/** An account manager sends a questionnaire to the vendor's contact. */
export const sendVendorRequestInput = z.object({
  productId: recordIdOf("product"),
  templateVersionId: recordIdOf("questionnaire"),
  contactName: nameText("Enter the contact's name.", 200),
  contactEmail: emailField,
  dueOn: requiredDate("the due date"),
  message: multiLine(4000).trim().optional().transform((v) => (v ? v : null)),
  skippedSectionKeys: z.array(z.string().max(64)).max(100).optional().default([]),
  passcode: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .refine((v) => v === "" || v.length >= 6, "Use at least 6 characters, or leave it empty for no passcode.")
    .optional()
    .default(""),
  /** Start from the vendor's last accepted answers (the vendor confirms or changes each). */
  reuseLastAnswers: z.boolean().optional().default(false),
});
export type SendVendorRequestInput = z.input<typeof sendVendorRequestInput>;

export const vendorRequestIdInput = z.object({ requestId: recordIdOf("request") });

/** One autosave through the vendor's link: the parts of one answer it carries. */
export const vendorSaveAnswerInput = z
  .object({
    token: vendorToken,
    questionKey,
    value: answerValueInput.optional(),
    comment: multiLine(4000).nullable().optional(),
    /** The vendor confirms a copied answer as it stands. */
    confirm: z.literal(true).optional(),
  })
  .refine((a) => a.value !== undefined || a.comment !== undefined || a.confirm, { message: "Send a value, a comment or both.", path: ["value"] });
export type VendorSaveAnswerInput = z.infer<typeof vendorSaveAnswerInput>;

export const vendorSubmitInput = z.object({ token: vendorToken });

export const vendorUnlockInput = z.object({ token: vendorToken, passcode: z.string().min(1, "Enter the passcode.").max(100, "Enter the passcode.") });

/** The account manager's verdict on one answer: accepted, or returned with a comment the vendor sees. */
export const reviewVendorAnswerInput = z.discriminatedUnion("verdict", [
  z.object({ requestId: recordId, questionKey, verdict: z.literal("ACCEPT") }),
  z.object({
    requestId: recordId,
    questionKey,
    verdict: z.literal("RETURN"),
    comment: multiLine(2000).trim().min(1, "Say what the vendor should change."),
  }),
]);
export type ReviewVendorAnswerInput = z.infer<typeof reviewVendorAnswerInput>;

export const applyVendorFactInput = z.object({ requestId: recordId, questionKey });
