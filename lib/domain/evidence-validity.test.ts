import { describe, expect, it } from "vitest";
import { daysUntil, validityOf } from "./evidence-validity";

const now = new Date("2026-11-23T15:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("validityOf", () => {
  it.each([
    [null, "NO_EXPIRY"],
    ["2026-11-22", "EXPIRED"],
    ["2026-11-23", "EXPIRING"], // valid through today
    ["2027-01-21", "EXPIRING"], // within 60 days
    ["2027-01-23", "VALID"],
  ] as const)("%s → %s", (expires, expected) => {
    expect(validityOf(expires ? d(expires) : null, now)).toBe(expected);
  });
});

describe("daysUntil", () => {
  it("counts calendar days in UTC", () => {
    expect(daysUntil(d("2026-11-23"), now)).toBe(0);
    expect(daysUntil(d("2026-12-23"), now)).toBe(30);
    expect(daysUntil(d("2026-11-20"), now)).toBe(-3);
  });
});
