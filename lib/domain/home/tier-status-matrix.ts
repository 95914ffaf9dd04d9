/**
 * Products and use cases counted by risk tier and status, shaped for a stacked bar chart and the
 * table that carries the same numbers for screen readers. Pure: lib/db hands in GROUP BY rows.
 */
import { RISK_TIERS } from "@/lib/domain/vocabulary";

export const CHART_TIERS = [...RISK_TIERS, "UNSCORED"] as const;
export type ChartTier = (typeof CHART_TIERS)[number];

/** A use case's status as people read it: LAPSED and SUSPENDED are derived, not stored. */
export const USE_CASE_CHART_STATUSES = ["PROPOSED", "APPROVED", "APPROVED_WITH_CONDITIONS", "SUSPENDED", "LAPSED", "REJECTED"] as const;
/** A product's status is that of its latest assessment, or not assessed yet. */
export const PRODUCT_CHART_STATUSES = ["NOT_ASSESSED", "DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const;

export const CHART_STATUS_LABELS: Record<string, string> = {
  NOT_ASSESSED: "Not assessed",
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  PROPOSED: "Proposed",
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  SUSPENDED: "Suspended",
  LAPSED: "Lapsed",
  REJECTED: "Rejected",
};

export const CHART_TIER_LABELS: Record<ChartTier, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical", UNSCORED: "Not scored" };

export interface TierStatusRow {
  tier: string;
  status: string;
  n: number;
}

export interface TierStatusMatrix {
  statuses: string[];
  /** One row per tier (every tier, even empty), a count per status, and the row total. */
  rows: Array<{ tier: ChartTier; label: string; counts: Record<string, number>; total: number }>;
  total: number;
}

/** Rows with an unknown tier or status are a programming error upstream: they are counted under "Not scored" / left out rather than lost silently. */
export function tierStatusMatrix(groups: readonly TierStatusRow[], statuses: readonly string[]): TierStatusMatrix {
  const rows = CHART_TIERS.map((tier) => ({ tier, label: CHART_TIER_LABELS[tier], counts: Object.fromEntries(statuses.map((s) => [s, 0])) as Record<string, number>, total: 0 }));
  let total = 0;
  for (const g of groups) {
    if (!statuses.includes(g.status)) continue;
    const row = rows.find((r) => r.tier === g.tier) ?? rows[rows.length - 1]!;
    row.counts[g.status] = (row.counts[g.status] ?? 0) + g.n;
    row.total += g.n;
    total += g.n;
  }
  return { statuses: [...statuses], rows, total };
}
