import { describe, expect, it } from "vitest";
import { calendarDateOf } from "@/lib/domain/dates/calendar-date";
import { nextReviewDate } from "@/lib/domain/approvals/approval-validity";
import { dueInWords, monthGrid, reminderThreshold, renewalBucket, shiftMonth } from "./renewal-schedule";

describe("renewal schedule", () => {
  it.each([
    ["2027-01-23", null],
    ["2027-01-22", "60_DAYS"],
    ["2026-12-24", "60_DAYS"],
    ["2026-12-23", "30_DAYS"],
    ["2026-12-01", "30_DAYS"],
    ["2026-11-30", "7_DAYS"],
    ["2026-11-23", "7_DAYS"],
    ["2026-11-22", "OVERDUE"],
  ] as const)("an item due %s has reached the %s reminder on 2026-11-23", (due, threshold) => {
    expect(reminderThreshold(due, "2026-11-23")).toBe(threshold);
  });

  it("counts across a leap day and a year end", () => {
    expect(reminderThreshold("2028-03-01", "2028-02-23")).toBe("7_DAYS"); // 7 days thanks to 29 Feb
    expect(reminderThreshold("2028-03-02", "2028-02-23")).toBe("30_DAYS");
    expect(renewalBucket("2027-01-01", "2026-12-31")).toBe("DUE_7");
    expect(renewalBucket("2027-03-31", "2026-12-31")).toBe("DUE_90");
    expect(renewalBucket("2027-04-01", "2026-12-31")).toBe("LATER");
  });

  it("treats a suspended approval as overdue from the day it is suspended; other kinds by their date", () => {
    expect(reminderThreshold("2026-11-23", "2026-11-23", "APPROVAL_SUSPENDED")).toBe("OVERDUE");
    expect(renewalBucket("2026-11-23", "2026-11-23", "APPROVAL_SUSPENDED")).toBe("OVERDUE");
    expect(reminderThreshold("2026-11-23", "2026-11-23", "APPROVAL_VALID_UNTIL")).toBe("7_DAYS");
    expect(renewalBucket("2026-11-23", "2026-11-23", "DPA_EXPIRY")).toBe("DUE_7");
  });

  it("judges 'today' in the user's time zone: late evening in Berlin is already tomorrow", () => {
    const instant = new Date("2026-11-30T23:30:00Z");
    expect(reminderThreshold("2026-11-30", calendarDateOf(instant))).toBe("7_DAYS");
    expect(reminderThreshold("2026-11-30", calendarDateOf(instant, "Europe/Berlin"))).toBe("OVERDUE");
  });

  it("sets the next review by tier cadence from the decision, clamping month ends", () => {
    expect(nextReviewDate("2026-08-31", "HIGH")).toBe("2026-11-30");
    expect(nextReviewDate("2027-08-31", "MEDIUM")).toBe("2028-02-29");
    expect(nextReviewDate("2028-02-29", "LOW")).toBe("2029-02-28");
  });

  it("says how far off an item is", () => {
    expect(dueInWords("2026-11-28", "2026-11-23")).toBe("due in 5 days");
    expect(dueInWords("2026-11-23", "2026-11-23")).toBe("due today");
    expect(dueInWords("2026-11-20", "2026-11-23")).toBe("3 days overdue");
  });

  it("lays out a month Monday first", () => {
    const nov = monthGrid("2026-11"); // 1 Nov 2026 is a Sunday
    expect(nov[0]!.slice(0, 7)).toEqual([null, null, null, null, null, null, "2026-11-01"]);
    expect(nov.flat().filter(Boolean)).toHaveLength(30);
    expect(monthGrid("2028-02").flat().filter(Boolean)).toHaveLength(29);
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
  });
});
