/**
 * What the role home pages read from the renewal dates (lib/db/renewals owns the dates; this only
 * counts and buckets them), so a tile's number is exactly what the renewals list it links to
 * shows with the same filters.
 */
import { addDays, daysBetween, type CalendarDate } from "@/lib/domain/dates/calendar-date";
import { renewalBucket, type RenewalKind } from "@/lib/domain/renewals/renewal-schedule";

export interface DatedItem {
  kind: RenewalKind;
  dueOn: CalendarDate;
}

/** The renewals list's `within` filter: overdue only, or overdue and everything due within N days. */
export const RENEWAL_WINDOWS = ["overdue", "7", "30", "60", "90"] as const;
export type RenewalWindowFilter = (typeof RENEWAL_WINDOWS)[number];

export const RENEWAL_WINDOW_LABELS: Record<RenewalWindowFilter, string> = {
  overdue: "overdue",
  "7": "overdue or due within 7 days",
  "30": "overdue or due within 30 days",
  "60": "overdue or due within 60 days",
  "90": "overdue or due within 90 days",
};

/** Whether an item falls in a `within` window (suspended approvals count as overdue from the day they are suspended). */
export function inRenewalWindow(item: DatedItem, today: CalendarDate, within: RenewalWindowFilter): boolean {
  if (renewalBucket(item.dueOn, today, item.kind) === "OVERDUE") return true;
  if (within === "overdue") return false;
  return daysBetween(today, item.dueOn) <= Number(within);
}

export interface HomeRenewalFigures {
  /** Account manager: everything overdue or due within 7 days. */
  renewalsThisWeek: number;
  /** Account manager: open conditions of decisions in force, due within 90 days or overdue. */
  openConditions: number;
  /** Account manager: DPA and certificate expiry, overdue or within 30 days. */
  evidenceExpiring: number;
  /** Compliance officer: approvals whose valid-until day has passed. */
  lapsedApprovals: number;
  /** Compliance officer: risk exceptions expiring within 30 days or already expired. */
  exceptionsExpiring: number;
}

/** The query string of the renewals list each figure links to (the same filter the figure counts). */
export const HOME_RENEWAL_LINKS: Record<keyof HomeRenewalFigures, string> = {
  renewalsThisWeek: "/renewals?within=7",
  openConditions: "/renewals?kind=CONDITION_DUE",
  evidenceExpiring: "/renewals?kind=DPA_EXPIRY&kind=CERTIFICATION_EXPIRY&within=30",
  lapsedApprovals: "/renewals?kind=APPROVAL_VALID_UNTIL&within=overdue",
  exceptionsExpiring: "/renewals?kind=EXCEPTION_EXPIRY&within=30",
};

/** Counts for the home tiles from the renewal items of the next 90 days (the renewals list's own window). */
export function homeRenewalFigures(items: readonly DatedItem[], today: CalendarDate): HomeRenewalFigures {
  const count = (kinds: RenewalKind[] | null, within: RenewalWindowFilter) => items.filter((i) => (!kinds || kinds.includes(i.kind)) && inRenewalWindow(i, today, within)).length;
  return {
    renewalsThisWeek: count(null, "7"),
    openConditions: count(["CONDITION_DUE"], "90"),
    evidenceExpiring: count(["DPA_EXPIRY", "CERTIFICATION_EXPIRY"], "30"),
    lapsedApprovals: count(["APPROVAL_VALID_UNTIL"], "overdue"),
    exceptionsExpiring: count(["EXCEPTION_EXPIRY"], "30"),
  };
}

export interface TimelineWeek {
  /** First day of the week (today for the first), or "overdue" for the bucket before today. */
  from: CalendarDate | "overdue";
  /** Last day of the week. */
  until: CalendarDate | null;
  label: string;
  counts: Partial<Record<RenewalKind, number>>;
  total: number;
}

const shortDate = (d: CalendarDate) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/**
 * The next 90 days in 13 weeks starting today, plus an "Overdue" bucket first, each with its
 * items counted by kind: the renewals timeline on the home page.
 */
export function renewalTimeline(items: readonly DatedItem[], today: CalendarDate): TimelineWeek[] {
  const weeks: TimelineWeek[] = [{ from: "overdue", until: null, label: "Overdue", counts: {}, total: 0 }];
  for (let w = 0; w < 13; w++) {
    const from = addDays(today, w * 7);
    const until = addDays(today, Math.min(w * 7 + 6, 90));
    weeks.push({ from, until, label: shortDate(from), counts: {}, total: 0 });
  }
  for (const item of items) {
    const days = daysBetween(today, item.dueOn);
    if (renewalBucket(item.dueOn, today, item.kind) !== "OVERDUE" && days > 90) continue;
    const week = renewalBucket(item.dueOn, today, item.kind) === "OVERDUE" ? weeks[0]! : weeks[1 + Math.min(12, Math.floor(days / 7))]!;
    week.counts[item.kind] = (week.counts[item.kind] ?? 0) + 1;
    week.total++;
  }
  return weeks;
}
