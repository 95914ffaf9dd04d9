import { z } from "zod";
import { nameText } from "./plain-text";
import { recordId } from "./record-id";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

export const vendorInput = z.object({
  name: nameText("Enter the vendor's name.", 120),
  website: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.url({ protocol: /^https?$/, message: "Enter a web address starting with https://" }).nullable()),
  description: optionalText(2000, "Use at most 2,000 characters."),
});
export type VendorFormValues = z.input<typeof vendorInput>;
export type VendorInput = z.output<typeof vendorInput>;

export const updateVendorInput = vendorInput.extend({ id: recordId });
export const archiveInput = z.object({ id: recordId, archived: z.boolean() });
