import { z } from "zod";

/** IANA time zones this runtime knows, with UTC first (Intl lists only the named zones). */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((tz) => tz !== "UTC")];
const KNOWN = new Set(TIME_ZONES);

export const organizationSettingsInput = z.object({
  timeZone: z.string().refine((tz) => KNOWN.has(tz), "Choose a time zone from the list."),
});
export type OrganizationSettingsInput = z.infer<typeof organizationSettingsInput>;
