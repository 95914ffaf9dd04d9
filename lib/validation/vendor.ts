import { z } from "zod";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

export const vendorInput = z.object({
  name: z.string().trim().min(1, "Enter the vendor's name.").max(120, "Use at most 120 characters."),
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

export const updateVendorInput = vendorInput.extend({ id: z.string().min(1).max(64) });
export const archiveInput = z.object({ id: z.string().min(1).max(64), archived: z.boolean() });
