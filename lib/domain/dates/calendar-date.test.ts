import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, calendarDateOf, daysBetween, isCalendarDate } from "./calendar-date";

describe("calendar dates", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-08-31", 3, "2026-11-30"],
    ["2026-11-23", 3, "2027-02-23"],
    ["2026-11-23", 12, "2027-11-23"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
  ])("%s + %i months = %s (month ends clamp, leap days)", (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("counts days between dates, across the DST change (dates, not instants)", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-11-30", "2026-11-23")).toBe(-7);
  });

  it("gives the calendar date of an instant in the user's time zone", () => {
    const instant = new Date("2026-11-23T23:30:00Z");
    expect(calendarDateOf(instant)).toBe("2026-11-23");
    expect(calendarDateOf(instant, "Europe/Berlin")).toBe("2026-11-24");
    expect(calendarDateOf(instant, "America/Los_Angeles")).toBe("2026-11-23");
    expect(calendarDateOf(new Date("2026-11-23T05:00:00Z"), "Pacific/Honolulu")).toBe("2026-11-22");
  });

  it("validates calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("26-1-1")).toBe(false);
  });

  it("adding months never overshoots the target month and round-trips day counts", () => {
    const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -36, max: 36 }), fc.integer({ min: -1000, max: 1000 }), (d, months, days) => {
        const moved = addMonths(d, months);
        const expectedMonth = (((Number(d.slice(5, 7)) - 1 + months) % 12) + 12) % 12;
        expect(Number(moved.slice(5, 7)) - 1).toBe(expectedMonth);
        expect(Number(moved.slice(8, 10))).toBeLessThanOrEqual(Number(d.slice(8, 10)));
        expect(daysBetween(d, addDays(d, days))).toBe(days);
      }),
    );
  });
});
