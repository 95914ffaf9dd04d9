import { z } from "zod";
import { API_SCOPES, API_TOKEN_MAX_DAYS } from "@/lib/domain/api/scopes";
import { nameText } from "./plain-text";
import { recordId } from "./record-id";

export const createApiTokenInput = z.object({
  name: nameText("Name the token (for example: PSA sync).", 80),
  scopes: z
    .union([z.array(z.enum(API_SCOPES, { message: "Choose scopes from the list." })), z.enum(API_SCOPES, { message: "Choose scopes from the list." })])
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .refine((v) => v.length > 0, "Choose at least one scope."),
  expiresInDays: z.coerce
    .number({ message: "Enter a number of days." })
    .int("Enter whole days.")
    .min(1, "A token lasts at least 1 day.")
    .max(API_TOKEN_MAX_DAYS, `A token lasts at most ${API_TOKEN_MAX_DAYS} days.`),
});
export type CreateApiTokenValues = z.input<typeof createApiTokenInput>;
export type CreateApiTokenInput = z.output<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ id: recordId });
