import { z } from "zod";
import { isFreeOfControls } from "./plain-text";

/** What a picker shows at once; the search route refuses more than MAX_PICKER_LIMIT. */
export const DEFAULT_PICKER_LIMIT = 20;
export const MAX_PICKER_LIMIT = 50;
export const MAX_PICKER_QUERY = 100;

/**
 * The query of a picker's search (GET /api/pickers/products?q=gpt&limit=20). Strict: a bad value
 * is a 400 naming the field, not a silent default, since only the combobox calls it.
 */
export const pickerSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_PICKER_QUERY, `Search with at most ${MAX_PICKER_QUERY} characters.`)
    .refine(isFreeOfControls, "Remove the control characters.")
    .default(""),
  limit: z.coerce
    .number({ error: "The limit must be a whole number." })
    .int("The limit must be a whole number.")
    .min(1, "The limit must be at least 1.")
    .max(MAX_PICKER_LIMIT, `The limit must be at most ${MAX_PICKER_LIMIT}.`)
    .default(DEFAULT_PICKER_LIMIT),
});
export type PickerSearchQuery = z.infer<typeof pickerSearchQuery>;

/** One option as the combobox shows it, and the page of them it gets. */
export interface PickerOption {
  id: string;
  label: string;
}
export interface PickerResults {
  items: PickerOption[];
  /** More matched than were sent: the combobox says to keep typing. */
  more: boolean;
}
