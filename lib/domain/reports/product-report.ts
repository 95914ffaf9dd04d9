/**
 * A product risk report's content, from the facts lib/db loads: every sentence and label the report
 * prints (PRODUCT.md "What a risk report contains"; issue 14: report wording lives here, lib/db
 * only loads). Pure, so the wording is unit-tested without a database. Snapshot version 3.
 */
import { validityOf } from "@/lib/domain/evidence-validity";
import { auditActionSentence, auditEntityWords } from "@/lib/domain/audit-action-words";
import { RENEWAL_KIND_LABELS, type RenewalKind } from "@/lib/domain/renewals/renewal-schedule";
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { clauseLabel, enumLabel } from "@/lib/domain/vocabulary";
import type { ProductReportData } from "@/lib/pdf/report-data";
import { audienceNote } from "./audience";
import { tierStatement } from "@/lib/domain/tier-statement";
import { conditionLine, decisionStatement, type ExceptionFacts } from "./executive-summary";
import { methodology } from "./methodology";
import type { ContradictionSide } from "@/lib/domain/contradictions/types";

export const PART_LABELS = { dpa: "DPA checklist", questionnaire: "Questionnaire", certifications: "Certifications" } as const;
const VALIDITY_WORDS = { VALID: "Valid", EXPIRING: "Valid, expiring within 60 days", EXPIRED: "Expired", NO_EXPIRY: "No expiry date" } as const;
const yesNo = (v: boolean | null) => (v === null ? "Unknown" : v ? "Yes" : "No");
const minuteUtc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export interface ProductReportFacts {
  /** The organisation's calendar date when the report is issued. */
  today: string;
  organizationName: string;
  vendor: { name: string; website: string | null };
  product: {
    name: string;
    tier: string;
    processingRegions: string[];
    retentionKind: string;
    retentionDays: number | null;
    trainingPolicy: string;
    encryptionInTransit: boolean | null;
    encryptionAtRest: boolean | null;
  };
  /** The client's use case, when the report is scoped to one. */
  useCase: { clientName: string; purpose: string; dataClasses: string[]; residency: string; displayStatus: string; validUntil: string | null; validUntilWhy: string | null } | null;
  score: ScoreResult;
  /** Question key → its text, for the score breakdown (questions by their text, not their keys). */
  questionText: Record<string, string>;
  /** The decision that stands (decidedAt as an ISO instant; decidedOn the calendar date). */
  decision: { outcome: string; decidedBy: string; decidedAt: string; decidedOn: string; justification: string; conditions: Array<{ text: string; dueOn: string | null; met: boolean }> } | null;
  dpa: { title: string; signedOn: string | null; expiresOn: string | null; breachNoticeHours: number | null; transferMechanism: string; clauses: Array<{ clause: string; status: string; evidence: string | null }> } | null;
  /** standing: whether the record counts (lib/domain/scoring/counting-evidence.ts); absent = counts. */
  certifications: Array<{ name: string | null; type: string; issuer: string | null; issuedOn: string | null; expiresOn: string | null; standing?: "COUNTS" | "SUPERSEDED" | "UNVERIFIED" }>;
  subProcessors: Array<{ name: string; purpose: string | null; country: string | null; region: string | null }>;
  questionnaire: { title: string; submittedOn: string | null; sections: Array<{ title: string; answers: Array<{ prompt: string; answer: string }> }> } | null;
  /** The use case's risk exceptions (none in a product-level report). acceptedFlags: ids the exception accepts. */
  exceptions: Array<{ justification: string; riskAccepted: string; clientConsent: boolean; consentBy: string | null; consentOn: string | null; expiresOn: string; grantedBy: string; revoked: boolean; active: boolean; acceptedFlags: string[] | null }>;
  renewals: Array<{ kind: RenewalKind; title: string; dueOn: string }>;
  audit: Array<{ at: string; actor: string; action: string; entityType: string }>;
  /** Contradictions as they stand (lib/db/contradictions.ts): acknowledgement null while open. */
  contradictions?: Array<{ title: string; left: ContradictionSide; right: ContradictionSide; acknowledgement: { reason: string; by: string; at: string } | null }>;
}

const SOURCE_WORDS: Record<ContradictionSide["source"], string> = { answer: "Answer", product: "Product record", dpa: "DPA", evidence: "Evidence" };
const sideWords = (s: ContradictionSide) => `${SOURCE_WORDS[s.source]} — ${s.label}: ${s.value || "—"}`;

export function productReportContent(f: ProductReportFacts): ProductReportData {
  const { score: result } = f;
  const tier = tierStatement(result.score, result.tier, result.flags);
  const parts = (["dpa", "questionnaire", "certifications"] as const).map((k) => ({ label: PART_LABELS[k], score: result.parts[k].score, weight: result.parts[k].weight }));
  const criticalFlags = result.flags.filter((fl) => fl.severity === "critical").map((fl) => fl.id);
  const inForce = f.exceptions.find((e) => e.active) ?? null;
  const exceptionFacts: ExceptionFacts | null = inForce
    ? { acceptedFlags: inForce.acceptedFlags ?? criticalFlags, expiresOn: inForce.expiresOn, clientConsent: inForce.clientConsent, consentBy: inForce.consentBy, consentOn: inForce.consentOn }
    : null;
  const audience = { clientName: f.useCase?.clientName ?? null };
  const statement = decisionStatement({
    decision: f.decision,
    exception: exceptionFacts,
    status: f.useCase ? enumLabel(f.useCase.displayStatus) : null,
    validUntil: f.useCase?.validUntil ?? null,
    scope: f.useCase ? "USE_CASE" : "PRODUCT",
  });
  const itemWords = (part: keyof typeof PART_LABELS, item: string) =>
    part === "dpa" ? clauseLabel(item) : part === "questionnaire" ? (f.questionText[item] ?? (item === "questionnaire" ? "Questionnaire" : enumLabel(item))) : item === "none" ? "No certification" : enumLabel(item);

  return {
    kind: "PRODUCT",
    audience: { ...audience, note: audienceNote(audience, "PRODUCT") },
    vendor: f.vendor,
    product: {
      name: f.product.name,
      tier: enumLabel(f.product.tier),
      processingRegions: f.product.processingRegions,
      retention: f.product.retentionKind === "DAYS" ? `${f.product.retentionDays} days` : enumLabel(f.product.retentionKind),
      trainingOnCustomerData: enumLabel(f.product.trainingPolicy),
      encryption: `In transit: ${yesNo(f.product.encryptionInTransit)}; at rest: ${yesNo(f.product.encryptionAtRest)}`,
    },
    useCase: f.useCase
      ? {
          clientName: f.useCase.clientName,
          purpose: f.useCase.purpose,
          dataClasses: f.useCase.dataClasses.map(enumLabel),
          residency: enumLabel(f.useCase.residency),
          status: enumLabel(f.useCase.displayStatus),
          validUntil: f.useCase.validUntil,
          validUntilWhy: f.useCase.validUntilWhy,
        }
      : null,
    score: {
      score: result.score,
      tier: result.tier,
      tierReason: tier.sentence,
      cappedBy: tier.capLabel,
      modelVersion: result.modelVersion,
      parts,
      contributions: result.contributions.map((c) => ({ part: PART_LABELS[c.part], item: itemWords(c.part, c.item), points: c.points, of: c.of, note: c.note })),
    },
    summary: {
      decision: statement,
      conditions: (f.decision?.conditions ?? []).map((c) => conditionLine(c, f.today)),
    },
    decision: f.decision
      ? {
          outcome: enumLabel(f.decision.outcome),
          decidedBy: f.decision.decidedBy,
          decidedAt: minuteUtc(f.decision.decidedAt),
          justification: f.decision.justification,
          conditions: f.decision.conditions,
        }
      : null,
    flags: result.flags.map((fl) => ({ id: fl.id, label: redFlagLabel(fl.id), severity: fl.severity, evidence: fl.evidence })),
    dpa: f.dpa
      ? {
          title: f.dpa.title,
          signedOn: f.dpa.signedOn,
          expiresOn: f.dpa.expiresOn,
          breachNoticeHours: f.dpa.breachNoticeHours,
          transferMechanism: enumLabel(f.dpa.transferMechanism),
          clauses: f.dpa.clauses.map((c) => ({ label: clauseLabel(c.clause), status: enumLabel(c.status), evidence: c.evidence })),
        }
      : null,
    certifications: f.certifications.map((c) => {
      const validity = VALIDITY_WORDS[validityOf(c.expiresOn ? new Date(`${c.expiresOn}T00:00:00Z`) : null, f.today)];
      const words = c.standing === "SUPERSEDED" ? "Superseded by a newer record (not counted)" : c.standing === "UNVERIFIED" ? `${validity}; unverified: no report or certificate attached (half credit)` : validity;
      return { name: c.name ?? enumLabel(c.type), issuer: c.issuer, issuedOn: c.issuedOn, expiresOn: c.expiresOn, validity: words };
    }),
    subProcessors: f.subProcessors.map((s) => ({ name: s.name, purpose: s.purpose, regions: [s.country, s.region].filter((x): x is string => Boolean(x)) })),
    questionnaire: f.questionnaire,
    exceptions: f.exceptions.map((e) => ({
      justification: audience.clientName ? `${audience.clientName}: ${e.justification}` : e.justification,
      riskAccepted: e.acceptedFlags?.length ? `${e.riskAccepted} (accepts: ${e.acceptedFlags.map(redFlagLabel).join(", ")})` : e.riskAccepted,
      clientConsent: e.clientConsent ? `Yes${e.consentBy ? `, by ${e.consentBy}` : ""}${e.consentOn ? ` on ${e.consentOn}` : ""}` : "No",
      expiresOn: e.expiresOn,
      grantedBy: e.grantedBy,
      status: e.revoked ? "Revoked" : e.active ? "Active" : "Expired",
    })),
    dates: f.renewals.map((r) => ({ label: `${RENEWAL_KIND_LABELS[r.kind]}: ${r.title}`, dueOn: r.dueOn })),
    audit: f.audit.map((e) => ({ at: e.at.slice(0, 16).replace("T", " "), actor: e.actor, action: auditActionSentence(e.action), summary: `About ${auditEntityWords(e.entityType)}` })),
    methodology: methodology(parts),
    signature: f.decision
      ? { decidedBy: f.decision.decidedBy, decidedAt: minuteUtc(f.decision.decidedAt), statement: `${f.decision.decidedBy}, compliance officer, recorded the decision above on ${minuteUtc(f.decision.decidedAt)}.` }
      : { decidedBy: null, decidedAt: null, statement: "No decision has been recorded, so no compliance officer has signed this report's decision." },
    confidentiality: confidentialityLine(f.organizationName, audience.clientName),
    contradictions: (f.contradictions ?? []).map((c) => ({
      title: c.title,
      left: sideWords(c.left),
      right: sideWords(c.right),
      status: c.acknowledgement ? `Both stand (${c.acknowledgement.by}, ${minuteUtc(c.acknowledgement.at)}): ${c.acknowledgement.reason}` : "Open: not yet resolved",
    })),
  };
}

/** The confidentiality line printed on every page's footer and on the web view. */
export function confidentialityLine(organizationName: string, clientName: string | null): string {
  return clientName ? `Confidential: prepared by ${organizationName} for ${clientName}. Not for onward distribution.` : `Confidential: prepared by ${organizationName}. Not for onward distribution.`;
}
