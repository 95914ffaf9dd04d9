import { z } from "zod";
import { isFreeOfControls } from "./plain-text";
import { recordIdOf } from "./record-id";

const id = recordIdOf;

export const createReportInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("PRODUCT"), productId: id("product"), useCaseId: id("use case").nullish() }),
  z.object({ kind: z.literal("PORTFOLIO"), clientId: id("client") }),
]);
export type CreateReportInput = z.infer<typeof createReportInput>;

export const DEFAULT_SHARE_DAYS = 30;

export const shareReportInput = z.object({
  reportId: id("report"),
  clientId: id("client"),
  expiresInDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "A link must stay open at least 1 day.")
    .max(365, "A link can stay open at most 365 days."),
  passcode: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .refine((v) => v === "" || v.length >= 6, "Use at least 6 characters, or leave it empty for no passcode.")
    .optional()
    .default(""),
});
export type ShareReportInput = z.input<typeof shareReportInput>;

export const revokeShareInput = z.object({ shareLinkId: id("share link") });

export const unlockShareInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid."),
  passcode: z.string().min(1, "Enter the passcode.").max(100, "Enter the passcode."),
});

export const verifyReferenceInput = z.object({
  reference: z
    .string()
    .trim()
    .min(1, "Enter the report's SHA-256 or its id.")
    .max(200, "That is too long to be a hash or a report id.")
    .refine(isFreeOfControls, "That is not a hash or a report id (it holds control characters)."),
});
