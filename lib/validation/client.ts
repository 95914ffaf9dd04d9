import { z } from "zod";
import { DATA_CLASSES, FRAMEWORKS, RESIDENCIES } from "@/lib/domain/vocabulary";
import { nameText } from "./plain-text";
import { recordId } from "./record-id";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** Checkbox groups send nothing, one value or several: always an array of known values, de-duplicated. */
export const enumList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.array(z.enum(values, { message })), z.enum(values, { message }), z.literal(false), z.null(), z.undefined()])
    .transform((v) => [...new Set(v ? (Array.isArray(v) ? v : [v]) : [])] as Array<T[number]>);

export const clientInput = z.object({
  name: nameText("Enter the client's name.", 160),
  dataClasses: enumList(DATA_CLASSES, "Choose data classes from the list."),
  residency: z.enum(RESIDENCIES, { message: "Choose where the client's data must stay." }),
  frameworks: enumList(FRAMEWORKS, "Choose frameworks from the list."),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .optional()
    .nullable()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.email({ message: "Enter an e-mail address like name@example.com." }).nullable()),
  notes: optionalText(4000, "Use at most 4,000 characters."),
});
export type ClientFormValues = z.input<typeof clientInput>;
export type ClientInput = z.output<typeof clientInput>;

export const updateClientInput = z.object({ id: recordId, client: clientInput });
export const archiveClientInput = z.object({ id: recordId, archived: z.boolean() });
