import { CHART_STATUS_LABELS, type TierStatusMatrix } from "@/lib/domain/home/tier-status-matrix";
import type { TimelineWeek } from "@/lib/domain/home/renewal-figures";
import { RENEWAL_KINDS, RENEWAL_KIND_LABELS } from "@/lib/domain/renewals/renewal-schedule";
import { ChartFigure } from "./chart-figure";
import type { ChartData } from "./chart-data";

// Colours told apart by hue and lightness (and every number is also in the table).
const STATUS_COLORS: Record<string, string> = {
  NOT_ASSESSED: "#94a3b8",
  DRAFT: "#64748b",
  SUBMITTED: "#2563eb",
  CHANGES_REQUESTED: "#d97706",
  PROPOSED: "#2563eb",
  APPROVED: "#15803d",
  APPROVED_WITH_CONDITIONS: "#65a30d",
  SUSPENDED: "#7c3aed",
  LAPSED: "#ea580c",
  REJECTED: "#b91c1c",
};
const KIND_COLORS = ["#2563eb", "#0891b2", "#15803d", "#7c3aed", "#d97706", "#b91c1c", "#64748b"];

function matrixChart(m: TierStatusMatrix, rowHref?: (tier: string) => string | undefined): ChartData {
  return {
    rowHeader: "Risk tier",
    series: m.statuses.map((s) => ({ key: s, label: CHART_STATUS_LABELS[s] ?? s, color: STATUS_COLORS[s] ?? "#64748b" })),
    rows: m.rows.map((r) => ({ label: r.label, href: rowHref?.(r.tier), values: r.counts })),
  };
}

function timelineChart(weeks: TimelineWeek[]): ChartData {
  const used = RENEWAL_KINDS.filter((k) => weeks.some((w) => (w.counts[k] ?? 0) > 0));
  return {
    rowHeader: "Week starting",
    xLabel: "Week starting",
    series: (used.length ? used : RENEWAL_KINDS).map((k) => ({ key: k, label: RENEWAL_KIND_LABELS[k], color: KIND_COLORS[RENEWAL_KINDS.indexOf(k)]! })),
    rows: weeks.map((w) => ({ label: w.label, href: w.from === "overdue" ? "/renewals?within=overdue" : undefined, values: w.counts as Record<string, number> })),
  };
}

/** The home page's charts: products and use cases by tier and status, and the next 90 days of renewals. */
export function HomeCharts({ products, useCases, timeline }: { products: TierStatusMatrix; useCases: TierStatusMatrix; timeline: TimelineWeek[] }) {
  const dated = timeline.reduce((n, w) => n + w.total, 0);
  return (
    <section aria-labelledby="home-charts" className="mt-8">
      <h2 id="home-charts" className="mb-3 text-lg font-semibold text-slate-900">
        Portfolio at a glance
      </h2>
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartFigure testId="chart-products" title="Products by risk tier and status" summary={`${products.total} active product${products.total === 1 ? "" : "s"}, by live risk tier and their latest assessment's status.`} data={matrixChart(products, (tier) => (tier === "UNSCORED" ? undefined : `/products?riskTier=${tier}`))} />
        <ChartFigure testId="chart-use-cases" title="Use cases by risk tier and status" summary={`${useCases.total} use case${useCases.total === 1 ? "" : "s"}, by risk tier and approval status.`} data={matrixChart(useCases)} />
        <div className="xl:col-span-2">
          <ChartFigure testId="chart-renewals" title="Renewals in the next 90 days" summary={`${dated} date${dated === 1 ? "" : "s"} overdue or falling due, by week and kind.`} data={timelineChart(timeline)} />
        </div>
      </div>
    </section>
  );
}
