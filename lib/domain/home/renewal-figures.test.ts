import { describe, expect, it } from "vitest";
import { homeRenewalFigures, inRenewalWindow, renewalTimeline } from "./renewal-figures";

const today = "2026-11-23";

describe("home renewal figures", () => {
  it("counts each tile from the same windows the renewals list filters on", () => {
    const items = [
      { kind: "CONDITION_DUE", dueOn: "2026-11-20" }, // overdue
      { kind: "CONDITION_DUE", dueOn: "2027-02-10" }, // 79 days
      { kind: "DPA_EXPIRY", dueOn: "2026-11-30" }, // 7 days
      { kind: "CERTIFICATION_EXPIRY", dueOn: "2026-12-23" }, // 30 days
      { kind: "CERTIFICATION_EXPIRY", dueOn: "2026-12-24" }, // 31 days: not expiring yet
      { kind: "APPROVAL_VALID_UNTIL", dueOn: "2026-11-22" }, // lapsed yesterday
      { kind: "APPROVAL_VALID_UNTIL", dueOn: "2026-11-23" }, // valid through today
      { kind: "APPROVAL_SUSPENDED", dueOn: "2026-11-23" }, // due at once
      { kind: "EXCEPTION_EXPIRY", dueOn: "2026-12-01" },
    ] as const;
    expect(homeRenewalFigures(items, today)).toEqual({ renewalsThisWeek: 5, openConditions: 2, evidenceExpiring: 2, lapsedApprovals: 1, exceptionsExpiring: 1 });
  });

  it("treats a suspended approval as overdue from its first day", () => {
    expect(inRenewalWindow({ kind: "APPROVAL_SUSPENDED", dueOn: today }, today, "overdue")).toBe(true);
    expect(inRenewalWindow({ kind: "APPROVAL_VALID_UNTIL", dueOn: today }, today, "overdue")).toBe(false);
    expect(inRenewalWindow({ kind: "APPROVAL_VALID_UNTIL", dueOn: "2026-11-30" }, today, "7")).toBe(true);
    expect(inRenewalWindow({ kind: "APPROVAL_VALID_UNTIL", dueOn: "2026-12-01" }, today, "7")).toBe(false);
  });

  it("lays the next 90 days out in 13 weeks after an overdue bucket, leaving later dates out", () => {
    const weeks = renewalTimeline(
      [
        { kind: "DPA_EXPIRY", dueOn: "2026-11-01" },
        { kind: "DPA_EXPIRY", dueOn: "2026-11-23" },
        { kind: "CONDITION_DUE", dueOn: "2026-11-29" },
        { kind: "CONDITION_DUE", dueOn: "2026-11-30" },
        { kind: "REVIEW_DUE", dueOn: "2027-02-21" }, // day 90: last week
        { kind: "REVIEW_DUE", dueOn: "2027-02-22" }, // day 91: outside
      ],
      today,
    );
    expect(weeks).toHaveLength(14);
    expect(weeks.map((w) => w.total)).toEqual([1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(weeks[1]).toMatchObject({ from: "2026-11-23", until: "2026-11-29", label: "23 Nov", counts: { DPA_EXPIRY: 1, CONDITION_DUE: 1 } });
    expect(weeks[13]).toMatchObject({ from: "2027-02-15", until: "2027-02-21" });
  });
});
