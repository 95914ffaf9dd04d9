/**
 * The plain data a risk report is rendered from. It is stored as the report's snapshot (JSON), so
 * a report can be re-rendered to the same content years later, whatever changed in the register.
 * Dates are "YYYY-MM-DD" strings, instants ISO strings; every text is already in display words.
 */

export type Tier = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
export type Severity = "critical" | "high" | "medium";

/** What identifies the report: printed on the cover, in the footer and in the verify block. */
export interface ReportMeta {
  /** Version 3 on: the MSP's logo (Settings → Organisation), frozen into the report. */
  logo?: { mime: "image/png" | "image/jpeg"; base64: string } | null;
  /** The report's id (Report.id). */
  reportId: string;
  /** SHA-256 (hex) of the canonical JSON of the report's data: printed in the verify block. */
  contentSha256: string;
  /** Where anyone holding the report can check it: `${publicUrl}/verify`. */
  verifyUrl: string;
  organizationName: string;
  /** When the report was generated (ISO instant): the PDF's creation date too. */
  generatedAt: string;
  generatedBy: string;
}

/**
 * Whose data the report holds (snapshot version 2 on): one client's (`clientName`), or no client's
 * (null). `note` is the sentence printed on the report. Absent in version 1 snapshots.
 */
export interface ReportAudience {
  clientName: string | null;
  note: string;
}

export interface ProductReportData {
  kind: "PRODUCT";
  audience?: ReportAudience;
  vendor: { name: string; website: string | null };
  product: { name: string; tier: string; processingRegions: string[]; retention: string; trainingOnCustomerData: string; encryption: string };
  /** Present when the report is scoped to one client's use case. */
  useCase: { clientName: string; purpose: string; dataClasses: string[]; residency: string; status: string; validUntil: string | null; validUntilWhy: string | null } | null;
  /** The score as of the report date (of the use case when scoped), with what moved it. */
  score: {
    score: number;
    tier: Tier;
    /** Why the tier is what it is (from version 3: a sentence in words, naming a capping flag). */
    tierReason: string;
    /** "capped by a critical flag" when a red flag, not the score, set the tier (version 3 on). */
    cappedBy?: string | null;
    modelVersion: number;
    parts: Array<{ label: string; score: number; weight: number }>;
    contributions: Array<{ part: string; item: string; points: number; of: number; note: string }>;
  };
  /** The decision that stands (of the use case when scoped, else the product's latest), if any. */
  decision: { outcome: string; decidedBy: string; decidedAt: string; justification: string; conditions: Array<{ text: string; dueOn: string | null; met: boolean }> } | null;
  flags: Array<{ id: string; label: string; severity: Severity; evidence: string }>;
  dpa: { title: string; signedOn: string | null; expiresOn: string | null; breachNoticeHours: number | null; transferMechanism: string; clauses: Array<{ label: string; status: string; evidence: string | null }> } | null;
  certifications: Array<{ name: string; issuer: string | null; issuedOn: string | null; expiresOn: string | null; validity: string }>;
  subProcessors: Array<{ name: string; purpose: string | null; regions: string[] }>;
  /** The latest submitted questionnaire, by section, or null when none was submitted. */
  questionnaire: { title: string; submittedOn: string | null; sections: Array<{ title: string; answers: Array<{ prompt: string; answer: string }> }> } | null;
  exceptions: Array<{ justification: string; riskAccepted: string; clientConsent: string; expiresOn: string; grantedBy: string; status: string }>;
  /** Next review and every expiry date that matters, soonest first. */
  dates: Array<{ label: string; dueOn: string }>;
  /** The latest audit events about the product (and use case), newest first. */
  audit: Array<{ at: string; actor: string; action: string; summary: string }>;
  /** Version 3 on: the decision as it stands, in words, and each condition with its state. */
  summary?: { decision: string; conditions: string[] };
  /** Version 3 on: how the score and tier are made. */
  methodology?: Methodology;
  /** Version 3 on: who decided and when (the report's hash is printed beside it). */
  signature?: { decidedBy: string | null; decidedAt: string | null; statement: string };
  /** Version 3 on: printed on every page. */
  confidentiality?: string;
  /**
   * Where answers, product facts, DPA and evidence disagree (lib/domain/contradictions), each with
   * both sides and whether it is open or why it stands. Absent in reports made before.
   */
  contradictions?: Array<{ title: string; left: string; right: string; status: string }>;
}

/** The methodology page: parts and weights (%), every red flag and its effect, the tiers, the review cadence. */
export interface Methodology {
  parts: Array<{ label: string; weight: number; what: string }>;
  flags: Array<{ label: string; severity: Severity; effect: string }>;
  tiers: string[];
  cadence: string[];
}

export interface PortfolioReportData {
  kind: "PORTFOLIO";
  audience?: ReportAudience;
  client: { name: string; residency: string; dataClasses: string[]; frameworks: string[] };
  useCases: Array<{ product: string; purpose: string; status: string; tier: Tier | null; score: number | null; validUntil: string | null; openFlags: string[] }>;
  /** Counts for the summary: by status and by tier. */
  summary: { total: number; approved: number; lapsed: number; rejected: number; pending: number; critical: number; high: number };
  /** Version 3 on: use cases by tier (rows) and status (stacked), for the chart. */
  chart?: Array<{ tier: Tier | null; label: string; counts: Array<{ status: string; count: number }> }>;
  methodology?: Methodology;
  confidentiality?: string;
}

export type ReportData = ProductReportData | PortfolioReportData;

/** The snapshot stored with a report: identity plus data. */
export interface ReportSnapshot {
  /** 2 from client scoping on (lib/domain/reports/audience.ts); absent (1) before. */
  version?: number;
  meta: Omit<ReportMeta, "contentSha256">;
  data: ReportData;
}
