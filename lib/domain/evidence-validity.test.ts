import { describe, expect, it } from "vitest";
import { calendarDateOf } from "./dates/calendar-date";
import { daysUntil, validityOf } from "./evidence-validity";

const today = "2026-11-23";
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("validityOf", () => {
  it.each([
    [null, "NO_EXPIRY"],
    ["2026-11-22", "EXPIRED"],
    ["2026-11-23", "EXPIRING"], // valid through today
    ["2027-01-21", "EXPIRING"], // within 60 days
    ["2027-01-23", "VALID"],
  ] as const)("%s → %s", (expires, expected) => {
    expect(validityOf(expires ? d(expires) : null, today)).toBe(expected);
  });
});

describe("daysUntil", () => {
  it("counts calendar days from the organisation's today", () => {
    expect(daysUntil(d("2026-11-23"), today)).toBe(0);
    expect(daysUntil(d("2026-12-23"), today)).toBe(30);
    expect(daysUntil(d("2026-11-20"), today)).toBe(-3);
    // Across a leap day and a year end.
    expect(daysUntil(d("2028-03-01"), "2028-02-28")).toBe(2);
    expect(daysUntil(d("2027-01-01"), "2026-12-31")).toBe(1);
  });

  it("gives the same answer at the same instant only where the calendars agree", () => {
    // 2026-11-23 12:00 UTC is already the 24th in Auckland: a certificate expiring on the 23rd has lapsed there.
    const instant = new Date("2026-11-23T12:00:00Z");
    expect(validityOf(d("2026-11-23"), calendarDateOf(instant, "UTC"))).toBe("EXPIRING");
    expect(validityOf(d("2026-11-23"), calendarDateOf(instant, "Pacific/Auckland"))).toBe("EXPIRED");
  });
});
