/**
 * The methodology page of a risk report: how the score and tier are made (parts and their
 * weights, every red flag and what it does, the tiers) and how often each tier is reviewed. Frozen
 * into the report's snapshot with the weights in force when it was issued. Pure.
 */
import { REVIEW_CADENCE_MONTHS } from "@/lib/domain/approvals/approval-validity";
import { RED_FLAG_LABELS } from "@/lib/domain/scoring/red-flags";
import type { Methodology, Severity } from "@/lib/pdf/report-data";

/** Each red flag's severity (lib/domain/scoring/red-flags.ts raises them; PRODUCT.md lists them). */
export const RED_FLAG_SEVERITY: Record<string, Severity> = {
  NO_DPA: "critical",
  TRAINS_ON_CUSTOMER_DATA: "critical",
  RESIDENCY_MISMATCH: "critical",
  PHI_WITHOUT_BAA: "critical",
  CONSUMER_TIER: "high",
  UNKNOWN_LOCATION: "high",
  UNLIMITED_RETENTION: "high",
  NO_INDEPENDENT_AUDIT: "high",
  NO_SUBPROCESSOR_LIST: "high",
  SLOW_BREACH_NOTICE: "medium",
  EXPIRED_EVIDENCE: "medium",
};

const EFFECT: Record<Severity, string> = { critical: "sets the tier to Critical", high: "sets the tier to at least High", medium: "sets the tier to at least Medium" };
const ORDER: Severity[] = ["critical", "high", "medium"];

const PART_WHAT = {
  "DPA checklist": "Each DPA clause present scores 1, partial 0.5, missing 0; clauses not applicable are left out.",
  Questionnaire: "Each scored answer earns its question's weight in full, in part (number bands) or not at all; questions not asked are left out.",
  Certifications: "A valid SOC 2 Type II or ISO 27001 scores in full; another valid certification scores half.",
} as Record<string, string>;

export function methodology(parts: Array<{ label: string; weight: number }>): Methodology {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return {
    parts: parts.map((p) => ({ label: p.label, weight: total === 0 ? 0 : Math.round((p.weight / total) * 100), what: PART_WHAT[p.label] ?? "" })),
    flags: Object.keys(RED_FLAG_LABELS)
      .map((id) => ({ label: RED_FLAG_LABELS[id]!, severity: RED_FLAG_SEVERITY[id] ?? ("medium" as Severity) }))
      .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.label.localeCompare(b.label))
      .map((f) => ({ ...f, effect: EFFECT[f.severity] })),
    tiers: [
      "Low: a score of 80 or more and no red flag.",
      "Medium: a score from 60 to 79, or a medium red flag.",
      "High: a score under 60, or a high red flag.",
      "Critical: any critical red flag, whatever the score. A Critical use case can only be approved under a documented risk exception (justification, risk accepted, client consent, expiry).",
    ],
    cadence: (["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const).map(
      (t) => `${t.charAt(0)}${t.slice(1).toLowerCase()}: reviewed every ${REVIEW_CADENCE_MONTHS[t]} months; an approval also lapses when the evidence or exception it relied on expires.`,
    ),
  };
}
