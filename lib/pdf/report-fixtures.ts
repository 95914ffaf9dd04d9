/**
 * Report data for tests and the benchmark: a realistic product report (scoped to a client's use
 * case), a large one, and a client portfolio. Plain data, no database.
 */
import { auditActionSentence, auditEntityWords } from "@/lib/domain/audit-action-words";
import { methodology } from "@/lib/domain/reports/methodology";
import type { PortfolioReportData, ProductReportData, ReportMeta } from "./report-data";

const META: ReportMeta = {
  reportId: "r3f9a1c0b7d2e4f6a8b0c1d2e",
  contentSha256: "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f",
  verifyUrl: "https://vetta.example.com/verify",
  organizationName: "Harbour Managed IT Ltd",
  generatedAt: "2026-03-14T09:30:00.000Z",
  generatedBy: "Priya Shah",
};

const CLAUSES: Array<[string, string, string | null]> = [
  ["Purpose", "Present", "§2.1 limits processing to providing the services."],
  ["Data categories", "Present", "Annex I lists prompts, outputs and account data."],
  ["Retention", "Partial", "30 days for abuse monitoring; zero retention only on request."],
  ["Subprocessors", "Present", "§6 with 30 days' notice of changes and a right to object."],
  ["Security measures", "Present", "Annex II (technical and organisational measures)."],
  ["Location", "Present", "§7: US by default, EU data residency available."],
  ["Audit rights", "Partial", "Audit limited to third-party reports once a year."],
  ["No training", "Present", "§3.4: customer content is not used to train models."],
  ["Breach notification", "Partial", "Notice 'without undue delay'; no hour limit."],
  ["Deletion return", "Present", "§9: deletion within 30 days of termination."],
  ["Data ownership", "Present", null],
  ["Portability exit", "Missing", null],
];

/** Audit rows as snapshot versions 1–2 stored them (action codes, truncated ids). */
const RAW_AUDIT: ProductReportData["audit"] = [
    { at: "2026-03-10 16:22", actor: "Priya Shah", action: "exception.grant", summary: "Exception …a91c02fe" },
    { at: "2026-02-15 10:03", actor: "Tom Okafor", action: "condition.met", summary: "DecisionCondition …7c1e3b40" },
    { at: "2026-01-12 14:05", actor: "Priya Shah", action: "decision.record", summary: "Decision …5d20aa17" },
    { at: "2026-01-08 09:41", actor: "Tom Okafor", action: "usecase.create", summary: "UseCase …e4b19c33" },
    { at: "2025-12-01 11:17", actor: "vendor portal", action: "assessment.submit", summary: "Assessment …0f6d2b88" },
    { at: "2025-11-20 15:30", actor: "Tom Okafor", action: "certification.add", summary: "Certification …b83e1f09" },
    { at: "2025-11-03 13:12", actor: "Priya Shah", action: "dpa.upload", summary: "Dpa …61ac4d7e" },
    { at: "2025-10-28 08:55", actor: "Priya Shah", action: "product.create", summary: "Product …2a9e5c14" },
  ];

export function sampleProductReport(): { data: ProductReportData; meta: ReportMeta } {
  const data: ProductReportData = {
    kind: "PRODUCT",
    vendor: { name: "OpenAI", website: "https://openai.com" },
    product: {
      name: "ChatGPT Enterprise",
      tier: "Enterprise",
      processingRegions: ["United States", "European Union"],
      retention: "30 days",
      trainingOnCustomerData: "Never",
      encryption: "AES-256 at rest, TLS 1.2+ in transit",
    },
    useCase: {
      clientName: "Northwind Legal LLP",
      purpose: "First-pass summaries of commercial contracts for fee earners",
      dataClasses: ["Client confidential", "Personal data"],
      residency: "EU",
      status: "Approved with conditions",
      validUntil: "2026-09-30",
      validUntilWhy: "The SOC 2 Type II report expires on 2026-09-30.",
    },
    score: {
      score: 72,
      tier: "HIGH",
      tierReason: "High red flag: NO_INDEPENDENT_AUDIT",
      modelVersion: 1,
      parts: [
        { label: "DPA checklist", score: 79, weight: 40 },
        { label: "Questionnaire", score: 74, weight: 40 },
        { label: "Certifications", score: 55, weight: 20 },
      ],
      contributions: [
        { part: "DPA checklist", item: "NO_TRAINING", points: 1, of: 1, note: "present" },
        { part: "DPA checklist", item: "RETENTION", points: 0.5, of: 1, note: "partial" },
        { part: "DPA checklist", item: "PORTABILITY_EXIT", points: 0, of: 1, note: "missing" },
        { part: "Questionnaire", item: "trains_on_customer_data", points: 10, of: 10, note: "100% of its weight" },
        { part: "Questionnaire", item: "processing_regions", points: 3.75, of: 5, note: "75% of its weight" },
        { part: "Certifications", item: "ISO_27701", points: 0.5, of: 1, note: "valid, but not SOC 2 Type II or ISO 27001" },
      ],
    },
    decision: {
      outcome: "Approved with conditions",
      decidedBy: "Priya Shah",
      decidedAt: "2026-01-12 14:05 UTC",
      justification: "Enterprise tier with a signed DPA and a no-training commitment; acceptable for contract summaries once EU residency is switched on.",
      conditions: [
        { text: "Enable EU data residency for the Northwind workspace", dueOn: "2026-02-15", met: true },
        { text: "Obtain the renewed SOC 2 Type II report", dueOn: "2026-06-30", met: false },
      ],
    },
    flags: [
      { id: "NO_INDEPENDENT_AUDIT", label: "No independent audit", severity: "high", evidence: "No valid SOC 2 Type II report or ISO 27001 certificate is recorded." },
      { id: "SLOW_BREACH_NOTICE", label: "Slow breach notice", severity: "medium", evidence: "The breach-notice deadline is unstated." },
    ],
    contradictions: [
      { title: "SOC 2 Type II claimed, none recorded", left: "Answer — Does the vendor hold a current SOC 2 Type II report covering this service?: Yes", right: "Evidence — Certifications: No valid SOC 2 Type II recorded", status: "Open: not yet resolved" },
    ],
    dpa: {
      title: "OpenAI Data Processing Addendum (Enterprise)",
      signedOn: "2025-11-03",
      expiresOn: "2027-11-02",
      breachNoticeHours: null,
      transferMechanism: "SCCs",
      clauses: CLAUSES.map(([label, status, evidence]) => ({ label, status, evidence })),
    },
    certifications: [
      { name: "ISO/IEC 27701", issuer: "Schellman", issuedOn: "2025-04-01", expiresOn: "2028-03-31", validity: "Valid" },
      { name: "CSA STAR Level 1", issuer: "Cloud Security Alliance", issuedOn: "2025-01-20", expiresOn: "2026-04-20", validity: "Valid, expiring within 60 days" },
    ],
    subProcessors: [
      { name: "Microsoft Azure", purpose: "Cloud infrastructure and model hosting", regions: ["US", "EU"] },
      { name: "Snowflake", purpose: "Analytics data warehouse", regions: ["US"] },
      { name: "Zendesk", purpose: "Customer support ticketing", regions: ["US", "EU"] },
    ],
    questionnaire: {
      title: "AI vendor questionnaire v3",
      submittedOn: "2025-12-01",
      sections: [
        {
          title: "Data use",
          answers: [
            { prompt: "Does the product train models on customer data?", answer: "No: business data is excluded from training by default." },
            { prompt: "How long are prompts and outputs retained?", answer: "30 days for abuse monitoring, then deleted." },
          ],
        },
        {
          title: "Hosting and residency",
          answers: [
            { prompt: "Where is customer data processed?", answer: "European Union; United States" },
            { prompt: "Can data be kept in the EU?", answer: "Yes, with EU data residency enabled per workspace." },
          ],
        },
        {
          title: "Security",
          answers: [
            { prompt: "Is single sign-on supported?", answer: "Yes (SAML 2.0 and SCIM provisioning)." },
            { prompt: "Is data encrypted at rest?", answer: "Yes, AES-256." },
          ],
        },
      ],
    },
    exceptions: [
      {
        justification: "Northwind Legal LLP: awaiting the vendor's SOC 2 Type II bridge letter; ISO 27701 covers the interim.",
        riskAccepted: "No current independent security audit for up to six months.",
        clientConsent: "Yes, by Dana Whitfield on 2026-01-10",
        expiresOn: "2026-07-10",
        grantedBy: "Priya Shah",
        status: "Active",
      },
    ],
    dates: [
      { label: "Certification expiry: CSA STAR Level 1", dueOn: "2026-04-20" },
      { label: "Condition due: Obtain the renewed SOC 2 Type II report", dueOn: "2026-06-30" },
      { label: "Use case review: Northwind contract summaries", dueOn: "2026-09-30" },
      { label: "DPA expiry: OpenAI Data Processing Addendum (Enterprise)", dueOn: "2027-11-02" },
    ],
    audit: RAW_AUDIT,
  };
  return { data: withVersion3(data), meta: { ...META } };
}

/** The fields snapshot version 3 adds (executive summary, methodology, signature, confidentiality). */
function withVersion3(data: ProductReportData): ProductReportData {
  return {
    ...data,
    audience: { clientName: data.useCase?.clientName ?? null, note: data.useCase ? `Prepared for ${data.useCase.clientName}: only ${data.useCase.clientName}'s use case, risk exceptions and dates are included.` : "Product-level report." },
    score: { ...data.score, tierReason: "High risk, capped by a high red flag (No independent audit): the score of 72 alone would rate Medium.", cappedBy: "capped by a high flag" },
    summary: {
      decision: "Approved with conditions. Decided by Dana Whitfield on 2026-02-02. 2 conditions: 1 met. Status today: Approved with conditions; valid until 2026-09-30.",
      conditions: ["Enable zero data retention for the workspace (due 2026-03-31): met", "Obtain the vendor's 2026 SOC 2 Type II bridge letter (due 2026-06-30): open"],
    },
    methodology: methodology(data.score.parts),
    signature: { decidedBy: "Dana Whitfield", decidedAt: "2026-02-02 16:05 UTC", statement: "Dana Whitfield, compliance officer, recorded the decision above on 2026-02-02 16:05 UTC." },
    audit: data.audit.map((a) => ({ ...a, action: auditActionSentence(a.action), summary: `About ${auditEntityWords(a.summary.split(" ")[0]!)}` })),
    confidentiality: `Confidential: prepared by ${META.organizationName}${data.useCase ? ` for ${data.useCase.clientName}` : ""}. Not for onward distribution.`,
  };
}

/** The sample as a version 1/2 snapshot held it (for the frozen renderer). */
export function sampleProductReportV2(): { data: ProductReportData; meta: ReportMeta } {
  const { data, meta } = sampleProductReport();
  const { summary: _s, methodology: _m, signature: _g, confidentiality: _c, ...v2 } = data;
  return { data: { ...v2, audit: RAW_AUDIT, score: { ...v2.score, tierReason: "High red flag: NO_INDEPENDENT_AUDIT", cappedBy: undefined } }, meta };
}

const PROMPTS = [
  "Describe how customer prompts and completions are isolated between tenants, including any shared caches or embeddings stores.",
  "Is customer data used for model training or evaluation?",
  "List every region where inference and storage take place, and how a customer chooses one.",
  "How quickly are customers told of a personal data breach, and through which channel?",
  "Which independent audits cover the service, and when do the current reports expire?",
];
const ANSWERS = [
  "No.",
  "Yes, in the EU and the US; the customer picks the region per workspace at set-up and it cannot be changed afterwards without a migration.",
  "Tenant isolation is enforced at the application layer with per-tenant encryption keys held in a managed HSM; caches are keyed by tenant and flushed on key rotation. Embeddings are stored per tenant and deleted with the workspace.",
  "Within 48 hours by email to the named security contact.",
];

/** The sample product report with `n` questionnaire answers (in 8 sections) and n/2 audit events. */
export function largeProductReport(n = 400): { data: ProductReportData; meta: ReportMeta } {
  const { data, meta } = sampleProductReport();
  const sections = Array.from({ length: 8 }, (_, s) => ({ title: `Section ${s + 1}: ${["Data use", "Hosting", "Security", "Access", "Incidents", "Models", "Sub-processors", "Exit"][s]}`, answers: [] as Array<{ prompt: string; answer: string }> }));
  for (let i = 0; i < n; i++) {
    sections[Math.floor((i * sections.length) / n)]!.answers.push({ prompt: `Q${i + 1}. ${PROMPTS[i % PROMPTS.length]}`, answer: ANSWERS[i % ANSWERS.length]! });
  }
  const actions = ["assessment.update", "certification.add", "decision.record", "usecase.update", "dpa.upload", "report.create"];
  const audit = Array.from({ length: Math.floor(n / 2) }, (_, i) => {
    const minutes = 100_000 - i * 97;
    const at = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString().slice(0, 16).replace("T", " ");
    return { at, actor: i % 3 === 0 ? "Priya Shah" : "Tom Okafor", action: actions[i % actions.length]!, summary: `Entity …${(0x1a2b3c4d + i * 7919).toString(16).slice(-8)}` };
  });
  return { data: { ...data, questionnaire: { ...data.questionnaire!, sections: sections.filter((s) => s.answers.length > 0) }, audit }, meta: { ...meta, reportId: "r0a1b2c3d4e5f60718293a4b5" } };
}

export function samplePortfolioReport(): { data: PortfolioReportData; meta: ReportMeta } {
  const data: PortfolioReportData = {
    kind: "PORTFOLIO",
    client: { name: "Northwind Legal LLP", residency: "EU", dataClasses: ["Client confidential", "Personal data"], frameworks: ["GDPR", "ISO 27001"] },
    useCases: [
      { product: "OpenAI — ChatGPT Enterprise", purpose: "First-pass summaries of commercial contracts", status: "Approved with conditions", tier: "HIGH", score: 72, validUntil: "2026-09-30", openFlags: ["No independent audit", "Slow breach notice"] },
      { product: "Anthropic — Claude for Work", purpose: "Drafting client letters", status: "Approved", tier: "LOW", score: 88, validUntil: "2027-01-31", openFlags: [] },
      { product: "Otter.ai — Otter Business", purpose: "Transcribing internal meetings", status: "Lapsed", tier: "CRITICAL", score: 41, validUntil: "2026-02-28", openFlags: ["No signed DPA"] },
      { product: "Acme AI — Brief Builder", purpose: "Case-law research assistant", status: "Pending", tier: null, score: null, validUntil: null, openFlags: [] },
    ],
    summary: { total: 4, approved: 2, lapsed: 1, rejected: 0, pending: 1, critical: 1, high: 1 },
    audience: { clientName: "Northwind Legal LLP", note: "Prepared for Northwind Legal LLP: only Northwind Legal LLP's use cases are included." },
    chart: [
      { tier: "CRITICAL", label: "Critical", counts: [{ status: "Approved", count: 0 }, { status: "Awaiting a decision", count: 0 }, { status: "Lapsed", count: 1 }, { status: "Rejected", count: 0 }] },
      { tier: "HIGH", label: "High", counts: [{ status: "Approved", count: 1 }, { status: "Awaiting a decision", count: 0 }, { status: "Lapsed", count: 0 }, { status: "Rejected", count: 0 }] },
      { tier: "MEDIUM", label: "Medium", counts: [{ status: "Approved", count: 0 }, { status: "Awaiting a decision", count: 0 }, { status: "Lapsed", count: 0 }, { status: "Rejected", count: 0 }] },
      { tier: "LOW", label: "Low", counts: [{ status: "Approved", count: 1 }, { status: "Awaiting a decision", count: 0 }, { status: "Lapsed", count: 0 }, { status: "Rejected", count: 0 }] },
      { tier: null, label: "Not scored", counts: [{ status: "Approved", count: 0 }, { status: "Awaiting a decision", count: 1 }, { status: "Lapsed", count: 0 }, { status: "Rejected", count: 0 }] },
    ],
    methodology: methodology([
      { label: "DPA checklist", weight: 40 },
      { label: "Questionnaire", weight: 40 },
      { label: "Certifications", weight: 20 },
    ]),
    confidentiality: "Confidential: prepared by Harbour Managed IT Ltd for Northwind Legal LLP. Not for onward distribution.",
  };
  return { data, meta: { ...META, reportId: "r7e6d5c4b3a2918070f1e2d3c" } };
}
