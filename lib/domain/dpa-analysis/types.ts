import type { DpaClause } from "@/lib/domain/vocabulary";

export type ProposedStatus = "PRESENT" | "PARTIAL" | "MISSING";
export type Evidence = { section: string | null; page: number | null; quote: string };
export type ClauseProposal = {
  status: ProposedStatus;
  evidence: Evidence[];
  /** Why PARTIAL or MISSING (what is there and what is not); null for a plain PRESENT. */
  reason: string | null;
  /** 0–1: how sure the rule is; absence of text is less certain than a clear match. */
  confidence: number;
};
export const TRANSFER_MECHANISMS = ["SCCS", "DPF", "UK_IDTA", "BCRS"] as const;
export type ProposedTransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export type DpaFacts = {
  breachNoticeHours: number | null;
  transferMechanisms: ProposedTransferMechanism[];
  subprocessorNoticeDays: number | null;
  retentionDaysAfterTermination: number | null;
  processingRegions: string[];
};

export type DpaAnalysis = {
  clauses: Record<DpaClause, ClauseProposal>;
  facts: DpaFacts;
  ruleVersion: number;
};
