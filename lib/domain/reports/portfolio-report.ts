/**
 * A client's portfolio report content from the facts lib/db loads: its use cases in words, the
 * counts, and the chart of use cases by tier and status. Pure (issue 14). Snapshot version 3.
 */
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";
import { enumLabel } from "@/lib/domain/vocabulary";
import type { PortfolioReportData, Tier } from "@/lib/pdf/report-data";
import { audienceNote } from "./audience";
import { methodology } from "./methodology";
import { confidentialityLine, PART_LABELS } from "./product-report";

export interface PortfolioReportFacts {
  organizationName: string;
  client: { name: string; residency: string; dataClasses: string[]; frameworks: string[] };
  /** Each use case with its status as shown today (LAPSED when its approval ran out). */
  useCases: Array<{ vendorName: string; productName: string; purpose: string; status: string; tier: Tier | null; score: number | null; validUntil: string | null; flagIds: string[] }>;
  /** The organisation's scoring weights (for the methodology page). */
  weights: { dpa: number; questionnaire: number; certifications: number };
}

/** The chart's status groups, in the order the bars stack. */
export const CHART_STATUSES = ["Approved", "Awaiting a decision", "Suspended", "Lapsed", "Rejected"] as const;
const statusGroup = (status: string): (typeof CHART_STATUSES)[number] =>
  status === "APPROVED" || status === "APPROVED_WITH_CONDITIONS"
    ? "Approved"
    : status === "SUSPENDED"
      ? "Suspended"
      : status === "LAPSED"
        ? "Lapsed"
        : status === "REJECTED"
          ? "Rejected"
          : "Awaiting a decision";

export function portfolioReportContent(f: PortfolioReportFacts): PortfolioReportData {
  const count = (pred: (u: PortfolioReportFacts["useCases"][number]) => boolean) => f.useCases.filter(pred).length;
  const tiers: Array<Tier | null> = ["CRITICAL", "HIGH", "MEDIUM", "LOW", null];
  const audience = { clientName: f.client.name };
  return {
    kind: "PORTFOLIO",
    audience: { ...audience, note: audienceNote(audience, "PORTFOLIO") },
    client: { name: f.client.name, residency: enumLabel(f.client.residency), dataClasses: f.client.dataClasses.map(enumLabel), frameworks: f.client.frameworks.map(enumLabel) },
    useCases: f.useCases.map((u) => ({
      product: `${u.vendorName} — ${u.productName}`,
      purpose: u.purpose,
      status: enumLabel(u.status),
      tier: u.tier,
      score: u.score,
      validUntil: u.validUntil,
      openFlags: u.flagIds.map(redFlagLabel),
    })),
    summary: {
      total: f.useCases.length,
      approved: count((u) => statusGroup(u.status) === "Approved"),
      lapsed: count((u) => u.status === "LAPSED"),
      rejected: count((u) => u.status === "REJECTED"),
      pending: count((u) => u.status === "PROPOSED"),
      critical: count((u) => u.tier === "CRITICAL"),
      high: count((u) => u.tier === "HIGH"),
    },
    chart: tiers
      .map((tier) => ({
        tier,
        label: tier ? enumLabel(tier) : "Not scored",
        counts: CHART_STATUSES.map((status) => ({ status, count: count((u) => u.tier === tier && statusGroup(u.status) === status) })),
      }))
      .filter((row) => row.tier !== null || row.counts.some((c) => c.count > 0)),
    methodology: methodology((["dpa", "questionnaire", "certifications"] as const).map((k) => ({ label: PART_LABELS[k], weight: f.weights[k] }))),
    confidentiality: confidentialityLine(f.organizationName, f.client.name),
  };
}
