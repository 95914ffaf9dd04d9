/**
 * Every contradiction between questionnaire answers, the product record, the current DPA and the
 * certifications (issue 15 item 9): one rule list, each rule naming both sides so a person can see
 * which to change. Pure. Only questions that were asked (visible) and answered are read, and only
 * certifications that count (counting-evidence.ts).
 *
 * A contradiction resolves itself when either side changes; otherwise someone records why both
 * stand (lib/db/contradictions.ts keeps that, per product and key).
 */
import { displayAnswer } from "@/lib/domain/questionnaire/display-answer";
import { answerFromProduct, sameAnswer } from "@/lib/domain/questionnaire/product-facts";
import { isAnswered, isVisible, type AnswerValue, type RuleQuestion } from "@/lib/domain/questionnaire/rules";
import { countingCertifications, isValidOn } from "@/lib/domain/scoring/counting-evidence";
import { enumLabel, type CertificationType, type DpaClause } from "@/lib/domain/vocabulary";
import type { Contradiction, ContradictionInput, ContradictionQuestion, ContradictionSide } from "./types";

/** The answers that count: asked (visible) and answered, with their question. */
function askedAnswers(input: ContradictionInput) {
  const byKey = new Map<string, RuleQuestion>(input.questions.map((q) => [q.key, q]));
  const asked = new Map<string, { question: ContradictionQuestion; value: AnswerValue }>();
  for (const q of input.questions) {
    const value = input.answers[q.key];
    if (isAnswered(value) && isVisible(q, input.answers, byKey)) asked.set(q.key, { question: q, value: value! });
  }
  return asked;
}
type Asked = ReturnType<typeof askedAnswers>;

const answerSide = (a: { question: ContradictionQuestion; value: AnswerValue }): ContradictionSide => ({ source: "answer", label: a.question.prompt, value: displayAnswer(a.question, { value: a.value }) });

const FACT_LABELS: Record<string, string> = {
  trainingPolicy: "Training on customer data",
  retentionDays: "Retention",
  processingRegions: "Processing regions",
  zeroRetentionAvailable: "Zero retention available",
  encryptionInTransit: "Encryption in transit",
  encryptionAtRest: "Encryption at rest",
  breachNoticeHours: "Breach-notice deadline (current DPA)",
};

/** What the product record says about a fact, in words ("Unknown" when it does not say). */
function factInWords(fact: string, p: ContradictionInput["product"]): string {
  const tri = (v: boolean | null) => (v === null ? "Unknown" : v ? "Yes" : "No");
  switch (fact) {
    case "trainingPolicy":
      return enumLabel(p.trainingPolicy);
    case "retentionDays":
      return p.retentionKind === "DAYS" ? `${p.retentionDays} days` : p.retentionKind === "UNLIMITED" ? "Unlimited" : "Unknown";
    case "processingRegions":
      return p.processingRegions.length ? p.processingRegions.join(", ") : "Unknown";
    case "zeroRetentionAvailable":
      return p.zeroRetentionAvailable ? "Yes" : "No";
    case "encryptionInTransit":
      return tri(p.encryptionInTransit);
    case "encryptionAtRest":
      return tri(p.encryptionAtRest);
    case "breachNoticeHours":
      return p.breachNoticeHours === null ? "Not stated" : `${p.breachNoticeHours} hours`;
    default:
      return "Unknown";
  }
}

const yes = (asked: Asked, key: string) => asked.get(key)?.value === "yes";
const no = (asked: Asked, key: string) => asked.get(key)?.value === "no";
const clauseStatus = (input: ContradictionInput, clause: DpaClause) => input.dpa?.clauses[clause]?.status ?? "MISSING";

type Rule = (input: ContradictionInput, asked: Asked) => Contradiction[];

/** Fact-linked answers (the template's productFact links) against the product record or DPA. */
const factLinkedAnswers: Rule = (input, asked) =>
  [...asked.values()].flatMap(({ question, value }) => {
    if (!question.productFact) return [];
    const implied = answerFromProduct(question.productFact, input.product);
    if (implied !== null && sameAnswer(implied, value)) return [];
    const fromDpa = question.productFact === "breachNoticeHours";
    return [
      {
        key: `fact:${question.key}`,
        title: implied === null ? `The answer states what the ${fromDpa ? "DPA" : "product record"} does not know` : `The answer and the ${fromDpa ? "DPA" : "product record"} disagree`,
        left: answerSide({ question, value }),
        right: { source: fromDpa ? "dpa" : "product", label: FACT_LABELS[question.productFact] ?? question.productFact, value: factInWords(question.productFact, input.product) },
        fix: fromDpa ? "Correct the answer, or record the deadline on the current DPA." : "Correct the answer, or update the product's facts (the questionnaire can apply the answer to the product).",
      },
    ];
  });

/** The opt-out answer against the product's training policy. */
const trainingOptOut: Rule = (input, asked) => {
  const a = asked.get("training_opt_out");
  if (!a) return [];
  const policy = input.product.trainingPolicy;
  const clash = (a.value === "yes" && policy === "YES_NO_OPT_OUT") || (a.value === "no" && policy === "OPT_OUT_AVAILABLE");
  return clash
    ? [{ key: "training_opt_out", title: "The opt-out answer and the product's training policy disagree", left: answerSide(a), right: { source: "product", label: FACT_LABELS.trainingPolicy!, value: enumLabel(policy) }, fix: "Correct the answer or the product's training policy." }]
    : [];
};

const CERTIFICATE_CLAIMS: Array<{ question: string; type: CertificationType }> = [
  { question: "baa_available", type: "HIPAA_BAA" },
  { question: "iso27001", type: "ISO_27001" },
  { question: "soc2_type2", type: "SOC2_TYPE_II" },
];

/** "Yes, they hold it" with no valid record that counts, or "no" beside one. */
const certificateClaims: Rule = (input, asked) => {
  const valid = countingCertifications(input.certifications).filter((c) => isValidOn(c.expiresAt, input.asOf));
  return CERTIFICATE_CLAIMS.flatMap(({ question, type }) => {
    const a = asked.get(question);
    if (!a) return [];
    const held = valid.some((c) => c.type === type);
    if (a.value === "yes" && !held) {
      return [{ key: `certificate:${question}`, title: `${enumLabel(type)} claimed, none recorded`, left: answerSide(a), right: { source: "evidence" as const, label: "Certifications", value: `No valid ${enumLabel(type)} recorded` }, fix: `Record the ${enumLabel(type)} (with its document), or correct the answer.` }];
    }
    if (a.value === "no" && held) {
      return [{ key: `certificate:${question}`, title: `${enumLabel(type)} denied, but one is recorded`, left: answerSide(a), right: { source: "evidence" as const, label: "Certifications", value: `A valid ${enumLabel(type)} is recorded` }, fix: "Correct the answer, or archive the record if it does not cover this service." }];
    }
    return [];
  });
};

/** A stated retention period without a finite-retention clause in the current DPA. */
const retentionWithoutClause: Rule = (input, asked) => {
  const a = asked.get("retention_days");
  if (!a || clauseStatus(input, "RETENTION") !== "MISSING") return [];
  return [{ key: "dpa:retention", title: "Retention is stated in the answers but not in the DPA", left: answerSide(a), right: { source: "dpa", label: "DPA clause: Retention", value: input.dpa ? "Missing" : "No current DPA" }, fix: "Find the retention clause in the DPA and mark it, or correct the answer." }];
};

const TRANSFER_WORDS = /\b(SCCs?|standard contractual clauses|DPF|data privacy framework|privacy shield)\b/i;

/** LOCATION clause evidence naming SCCs / DPF while the DPA's transfer-mechanism field says none. */
const locationEvidenceVsTransfer: Rule = (input) => {
  const evidence = input.dpa?.clauses.LOCATION?.evidence ?? "";
  if (!input.dpa || input.dpa.transferMechanism !== "NONE" || !TRANSFER_WORDS.test(evidence)) return [];
  return [{ key: "dpa:location_transfer", title: "The LOCATION evidence names a transfer mechanism the DPA record says is absent", left: { source: "dpa", label: "DPA clause evidence: Location", value: evidence }, right: { source: "dpa", label: "Transfer mechanism", value: "None" }, fix: "Set the DPA's transfer mechanism (SCCs or DPF), or correct the clause evidence." }];
};

/** The transfer-mechanism answer against the current DPA. */
const transferAnswer: Rule = (input, asked) => {
  const a = asked.get("transfer_mechanism");
  if (!a) return [];
  const recorded = input.dpa?.transferMechanism ?? "NONE";
  const claimed = a.value === "SCCS" || a.value === "DPF" ? a.value : null;
  const clash = (claimed !== null && claimed !== recorded) || (a.value === "NONE" && recorded !== "NONE");
  return clash
    ? [{ key: "transfer_mechanism", title: "The transfer-mechanism answer and the DPA disagree", left: answerSide(a), right: { source: "dpa", label: "Transfer mechanism", value: input.dpa ? enumLabel(recorded) : "No current DPA" }, fix: "Correct the answer or the DPA's transfer mechanism." }]
    : [];
};

/** Contract claims answered "yes" while the current DPA is missing the clause that would say so. */
const CLAUSE_CLAIMS: Array<{ question: string; clause: DpaClause }> = [
  { question: "purpose_limited", clause: "PURPOSE" },
  { question: "data_ownership", clause: "DATA_OWNERSHIP" },
  { question: "audit_rights", clause: "AUDIT_RIGHTS" },
  { question: "deletion_on_request", clause: "DELETION_RETURN" },
  { question: "export_available", clause: "PORTABILITY_EXIT" },
  { question: "breach_notice_hours", clause: "BREACH_NOTIFICATION" },
];

const clauseClaims: Rule = (input, asked) => {
  if (!input.dpa) return []; // No DPA at all is NO_DPA (and the dpa_signed rule), not one finding per clause.
  return CLAUSE_CLAIMS.flatMap(({ question, clause }) => {
    const a = asked.get(question);
    const claims = question === "breach_notice_hours" ? !!a : yes(asked, question);
    if (!a || !claims || clauseStatus(input, clause) !== "MISSING") return [];
    return [{ key: `clause:${question}`, title: `The answer relies on a ${enumLabel(clause)} clause the DPA lacks`, left: answerSide(a), right: { source: "dpa" as const, label: `DPA clause: ${enumLabel(clause)}`, value: "Missing" }, fix: `Find the ${enumLabel(clause)} clause in the DPA and mark it, or correct the answer.` }];
  });
};

/** "A DPA is signed" against the DPA record. */
const dpaSigned: Rule = (input, asked) => {
  const a = asked.get("dpa_signed");
  if (!a) return [];
  const signed = !!input.dpa?.signed;
  if (yes(asked, "dpa_signed") && !signed) return [{ key: "dpa_signed", title: "A signed DPA is claimed, none is recorded", left: answerSide(a), right: { source: "dpa", label: "Current DPA", value: input.dpa ? "Recorded without a signing date" : "None recorded" }, fix: "Record the signed DPA (with its signing date), or correct the answer." }];
  if (no(asked, "dpa_signed") && signed) return [{ key: "dpa_signed", title: "No DPA is claimed, but a signed one is recorded", left: answerSide(a), right: { source: "dpa", label: "Current DPA", value: "Signed" }, fix: "Correct the answer." }];
  return [];
};

/** "The list is published" with no sub-processors recorded and no clause about them. */
const subProcessorList: Rule = (input, asked) => {
  const a = asked.get("subprocessor_list_published");
  if (!a || !yes(asked, "subprocessor_list_published") || input.product.subProcessorCount > 0 || clauseStatus(input, "SUBPROCESSORS") !== "MISSING") return [];
  return [{ key: "subprocessor_list", title: "A published sub-processor list is claimed, none is recorded", left: answerSide(a), right: { source: "product", label: "Sub-processors", value: "None recorded, and the DPA has no sub-processor clause" }, fix: "Record the vendor's sub-processors, or correct the answer." }];
};

/** The rule list: every contradiction Vetta knows how to find. */
export const CONTRADICTION_RULES: Rule[] = [factLinkedAnswers, trainingOptOut, certificateClaims, retentionWithoutClause, locationEvidenceVsTransfer, transferAnswer, clauseClaims, dpaSigned, subProcessorList];

export function findContradictions(input: ContradictionInput): Contradiction[] {
  const asked = askedAnswers(input);
  return CONTRADICTION_RULES.flatMap((rule) => rule(input, asked));
}

/**
 * The two sides as they stand, as one string: an acknowledgement holds only while both sides
 * read the same, so a later change on either side shows the contradiction again.
 */
export const sidesOf = (c: Contradiction) => JSON.stringify([c.left.value, c.right.value]);
