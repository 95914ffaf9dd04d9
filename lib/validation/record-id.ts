import { z } from "zod";

/**
 * The id of a stored record, as it arrives in an action or a URL. Ids are cuids (letters, digits;
 * tests and imports may use "-" and "_"), so anything else (a NUL, a control character, a
 * 10,000-character string) is refused here with a field error rather than reaching the database.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export function recordIdOf(what: string) {
  return z
    .string({ error: `Choose the ${what}.` })
    .trim()
    .min(1, `Choose the ${what}.`)
    .max(64, `That is not a valid ${what} id (too long).`)
    .regex(ID_PATTERN, `That is not a valid ${what} id.`);
}

export const recordId = z
  .string({ error: "Required." })
  .trim()
  .min(1, "Required.")
  .max(64, "That is not a valid id (too long).")
  .regex(ID_PATTERN, "That is not a valid id.");

/** An optional id from a select ("" or null means none). */
export const optionalRecordId = z
  .string()
  .trim()
  .max(64, "That is not a valid id (too long).")
  .regex(/^[A-Za-z0-9_-]*$/, "That is not a valid id.")
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

/** Actions that take no input (a button): anything sent is refused. */
export const noInput = z.undefined({ error: "This action takes no input." });
