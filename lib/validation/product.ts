import { z } from "zod";
import { DEPLOYMENT_MODELS, PRODUCT_TIERS, RETENTION_KINDS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
import { nameText } from "./plain-text";
import { recordId, recordIdOf } from "./record-id";

export const TRI_STATES = ["YES", "NO", "UNKNOWN"] as const;
export type TriState = (typeof TRI_STATES)[number];
export const triStateToBoolean = (v: TriState): boolean | null => (v === "UNKNOWN" ? null : v === "YES");
export const booleanToTriState = (v: boolean | null): TriState => (v === null ? "UNKNOWN" : v ? "YES" : "NO");

/** "EU, US" or ["EU","US"] → ["EU","US"], upper-cased, de-duplicated; one message for the field. */
const regionList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,\s]+/)).map((s) => s.trim().toUpperCase()).filter(Boolean))
  .superRefine((list, ctx) => {
    const bad = list.filter((r) => !/^[A-Z]{2,8}$/.test(r));
    if (bad.length > 0) ctx.addIssue({ code: "custom", message: `Use region codes like EU, US, UK or APAC (not ${bad.slice(0, 3).join(", ")}).` });
    if (list.length > 30) ctx.addIssue({ code: "custom", message: "List at most 30 regions." });
  })
  .transform((list) => [...new Set(list)]);

export const productInput = z
  .object({
    vendorId: recordIdOf("vendor"),
    name: nameText("Enter the product's name.", 160),
    description: z
      .string()
      .trim()
      .max(2000, "Use at most 2,000 characters.")
      .optional()
      .transform((v) => (v ? v : null)),
    tier: z.enum(PRODUCT_TIERS, { message: "Choose the tier as bought." }),
    deploymentModel: z.enum(DEPLOYMENT_MODELS, { message: "Choose the deployment model." }),
    processingRegions: regionList,
    retentionKind: z.enum(RETENTION_KINDS, { message: "Choose how long data is kept." }),
    retentionDays: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .transform((v) => (v === "" || v === undefined || v === null ? null : Number(v)))
      .pipe(z.number({ message: "Enter whole days." }).int("Enter whole days.").min(0, "Days cannot be negative.").max(36_500, "Use at most 36,500 days.").nullable()),
    zeroRetentionAvailable: z.boolean(),
    trainingPolicy: z.enum(TRAINING_POLICIES, { message: "Choose the training policy." }),
    encryptionInTransit: z.enum(TRI_STATES),
    encryptionAtRest: z.enum(TRI_STATES),
  })
  .superRefine((value, ctx) => {
    if (value.retentionKind === "DAYS" && value.retentionDays === null) {
      ctx.addIssue({ code: "custom", path: ["retentionDays"], message: "Enter the retention period in days." });
    }
  })
  .transform((value) => ({ ...value, retentionDays: value.retentionKind === "DAYS" ? value.retentionDays : null }));
export type ProductFormValues = z.input<typeof productInput>;
export type ProductInput = z.output<typeof productInput>;

export const updateProductInput = z.object({ id: recordId, product: productInput });
export const archiveProductInput = z.object({ id: recordId, archived: z.boolean() });
