import { z } from "zod";
import { nameText } from "./plain-text";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** "example.com, Example.org" → ["example.com", "example.org"]. */
const domainList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,\s]+/)).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
  .superRefine((list, ctx) => {
    const bad = list.filter((d) => !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d));
    if (bad.length) ctx.addIssue({ code: "custom", message: `Use domain names like example.com (not ${bad.slice(0, 3).join(", ")}).` });
    if (list.length === 0) ctx.addIssue({ code: "custom", message: "List at least one e-mail domain." });
    if (list.length > 20) ctx.addIssue({ code: "custom", message: "List at most 20 domains." });
  })
  .transform((list) => [...new Set(list)]);

export const ssoSettingsInput = z.object({
  enabled: z.boolean(),
  displayName: nameText("Name the provider as people know it (for example: Microsoft).", 60),
  issuer: z
    .string({ message: "Enter the issuer URL." })
    .trim()
    .min(1, "Enter the issuer URL.")
    .max(500, "Use at most 500 characters.")
    .pipe(z.url({ protocol: /^https?$/, message: "Enter the issuer URL, starting with https://" }))
    .refine((v) => v.startsWith("https://") || LOOPBACK.test(new URL(v).hostname), "The issuer must use https:// (plain http only on this machine, for testing).")
    .transform((v) => v.replace(/\/+$/, "")),
  clientId: z.string({ message: "Enter the client (application) id." }).trim().min(1, "Enter the client (application) id.").max(300, "Use at most 300 characters."),
  // Blank keeps the stored secret (it is never shown again).
  clientSecret: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .optional()
    .transform((v) => (v ? v : null)),
  allowedDomains: domainList,
  jitRole: z.enum(["NONE", "ACCOUNT_MANAGER", "COMPLIANCE_OFFICER"], { message: "Choose what happens to people without an account." }).transform((v) => (v === "NONE" ? null : v)),
  passwordSignIn: z.boolean(),
  acceptIdpMfa: z.boolean(),
});
export type SsoSettingsValues = z.input<typeof ssoSettingsInput>;
export type SsoSettingsInput = z.output<typeof ssoSettingsInput>;

export const ssoDiscoveryInput = z.object({
  email: z.string({ message: "Enter your work e-mail address." }).trim().toLowerCase().max(254).pipe(z.email({ message: "Enter your work e-mail address." })),
});
