import { describe, expect, it } from "vitest";
import { organizationSettingsInput, TIME_ZONES } from "./organization";

describe("organisation settings", () => {
  it("accepts UTC and IANA zones, and names the field otherwise", () => {
    expect(TIME_ZONES[0]).toBe("UTC");
    for (const tz of ["UTC", "Europe/London", "America/New_York", "Pacific/Auckland"]) expect(organizationSettingsInput.safeParse({ timeZone: tz }).success).toBe(true);
    for (const bad of ["", "Mars/Olympus_Mons", "GMT+25", "europe/london"]) {
      const result = organizationSettingsInput.safeParse({ timeZone: bad });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["timeZone"]);
    }
  });
});
