import { CHART_STATUS_LABELS, type TierStatusMatrix } from "@/lib/domain/home/tier-status-matrix";
import type { TimelineWeek } from "@/lib/domain/home/renewal-figures";
import { RENEWAL_KINDS, RENEWAL_KIND_LABELS } from "@/lib/domain/renewals/renewal-schedule";
import { ChartFigure } from "./chart-figure";
import { StackedBarChart } from "./stacked-bar-chart";
import type { ChartData } from "./chart-data";

// CSS variables (app/globals.css), so the bars turn over with dark mode; told apart by hue and
// lightness, and every number is also in the table.
const STATUS_COLORS: Record<string, string> = {
  NOT_ASSESSED: "--chart-slate-light",
  DRAFT: "--chart-slate",
  SUBMITTED: "--chart-blue",
  CHANGES_REQUESTED: "--chart-amber",
  PROPOSED: "--chart-blue",
  APPROVED: "--chart-green",
  APPROVED_WITH_CONDITIONS: "--chart-lime",
  SUSPENDED: "--chart-violet",
  LAPSED: "--chart-orange",
  REJECTED: "--chart-red",
};
const KIND_COLORS = ["--chart-blue", "--chart-cyan", "--chart-green", "--chart-violet", "--chart-amber", "--chart-red", "--chart-slate"];

function matrixChart(m: TierStatusMatrix, rowHref?: (tier: string) => string | undefined): ChartData {
  return {
    rowHeader: "Risk tier",
    series: m.statuses.map((s) => ({ key: s, label: CHART_STATUS_LABELS[s] ?? s, color: STATUS_COLORS[s] ?? "--chart-slate" })),
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
  const productData = matrixChart(products, (tier) => (tier === "UNSCORED" ? undefined : `/products?riskTier=${tier}`));
  const useCaseData = matrixChart(useCases);
  const timelineData = timelineChart(timeline);
  return (
    <section aria-labelledby="home-charts" className="mt-8">
      <h2 id="home-charts" className="mb-3 text-lg font-semibold text-slate-900">
        Portfolio at a glance
      </h2>
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartFigure testId="chart-products" title="Products by risk tier and status" summary={`${products.total} active product${products.total === 1 ? "" : "s"}, by live risk tier and their latest assessment's status.`} data={productData}>
          <StackedBarChart label="Products by risk tier and status" data={productData} />
        </ChartFigure>
        <ChartFigure testId="chart-use-cases" title="Use cases by risk tier and status" summary={`${useCases.total} use case${useCases.total === 1 ? "" : "s"}, by risk tier and approval status.`} data={useCaseData}>
          <StackedBarChart label="Use cases by risk tier and status" data={useCaseData} />
        </ChartFigure>
        <div className="xl:col-span-2">
          <ChartFigure testId="chart-renewals" title="Renewals in the next 90 days" summary={`${dated} date${dated === 1 ? "" : "s"} overdue or falling due, by week and kind.`} data={timelineData}>
            <StackedBarChart label="Renewals in the next 90 days" data={timelineData} />
          </ChartFigure>
        </div>
      </div>
    </section>
  );
}
