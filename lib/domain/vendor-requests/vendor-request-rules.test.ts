import { describe, expect, it } from "vitest";
import { sectionsToAnswer, submitProblems, vendorLinkExpiry, vendorMayEdit, vendorReminderThreshold } from "./vendor-request-rules";

describe("vendor request rules", () => {
  it("a link works until the end of the due date plus 14 days", () => {
    expect(vendorLinkExpiry("2026-12-31").toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });

  it("the vendor changes anything while open, only returned answers after a return, nothing once sent", () => {
    expect(vendorMayEdit("OPEN", null)).toBe(true);
    expect(vendorMayEdit("RETURNED", "RETURNED")).toBe(true);
    expect(vendorMayEdit("RETURNED", "ACCEPTED")).toBe(false);
    expect(vendorMayEdit("RETURNED", null)).toBe(false);
    expect(vendorMayEdit("SUBMITTED", "RETURNED")).toBe(false);
    expect(vendorMayEdit("COMPLETED", null)).toBe(false);
  });

  it("skipped sections are left out", () => {
    expect(sectionsToAnswer([{ key: "a" }, { key: "b" }, { key: "c" }], ["b"]).map((s) => s.key)).toEqual(["a", "c"]);
  });

  it("names missing, unconfirmed and unchanged returned answers, in questionnaire order", () => {
    const sections = [
      {
        key: "s",
        questions: [
          { key: "q1", type: "YES_NO" as const, required: true, visibility: null },
          { key: "q2", type: "NUMBER" as const, required: true, visibility: null },
          { key: "q3", type: "TEXT" as const, required: false, visibility: null },
          { key: "q4", type: "YES_NO" as const, required: true, visibility: { questionKey: "q1", equals: "yes" } },
        ],
      },
    ];
    const problems = submitProblems(sections, { q1: { value: "no", prefilled: true, review: "PENDING" }, q3: { value: "x", prefilled: false, review: "RETURNED" } }, new Set(["q3"]));
    expect(problems).toEqual([
      { questionKey: "q2", reason: "MISSING" },
      { questionKey: "q1", reason: "UNCONFIRMED" },
      { questionKey: "q3", reason: "STILL_RETURNED" },
    ]);
    expect(submitProblems(sections, { q1: { value: "no", prefilled: false, review: "PENDING" }, q2: { value: 3, prefilled: false, review: "PENDING" } })).toEqual([]);
  });

  it("reminds 7 days and 1 day before, then overdue", () => {
    expect(vendorReminderThreshold("2026-12-20", "2026-12-12")).toBeNull();
    expect(vendorReminderThreshold("2026-12-20", "2026-12-13")).toBe("7_DAYS");
    expect(vendorReminderThreshold("2026-12-20", "2026-12-18")).toBe("7_DAYS");
    expect(vendorReminderThreshold("2026-12-20", "2026-12-19")).toBe("1_DAY");
    expect(vendorReminderThreshold("2026-12-20", "2026-12-20")).toBe("1_DAY");
    expect(vendorReminderThreshold("2026-12-20", "2026-12-21")).toBe("OVERDUE");
  });
});
