/**
 * The executive summary of a risk report in the words an auditor reads: the decision as it stands
 * (outcome, the risk exception it relies on with the flags it accepts, its expiry and the client's
 * consent, each condition and its state), and why the tier is what it is (a red flag that capped
 * the tier is named, beside what the score alone would have given). Pure.
 */
import { redFlagLabel } from "@/lib/domain/scoring/red-flags";

export interface DecisionFacts {
  outcome: "APPROVED" | "APPROVED_WITH_CONDITIONS" | "REJECTED" | string;
  decidedBy: string;
  /** Calendar date of the decision, in the organisation's time zone. */
  decidedOn: string;
  conditions: Array<{ text: string; dueOn: string | null; met: boolean }>;
}

export interface ExceptionFacts {
  /** Ids of the red flags the exception accepts. */
  acceptedFlags: string[];
  expiresOn: string;
  clientConsent: boolean;
  consentBy: string | null;
  consentOn: string | null;
}

/** One condition and its state as of `today`: "Encrypt exports (due 2027-01-01): open, overdue". */
export function conditionLine(c: { text: string; dueOn: string | null; met: boolean }, today: string): string {
  const state = c.met ? "met" : c.dueOn && c.dueOn < today ? "open, overdue" : "open";
  return `${c.text} (${c.dueOn ? `due ${c.dueOn}` : "no due date"}): ${state}`;
}

const flagList = (ids: string[]) => {
  const names = ids.map(redFlagLabel);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
};

/**
 * The decision as it stands, e.g. "Approved under a risk exception accepting PHI without BAA,
 * expires 2027-03-01, client consent by Dr Lee on 2026-11-02. Decided by Ana Ruiz on 2026-11-23."
 */
export function decisionStatement(input: { decision: DecisionFacts | null; exception: ExceptionFacts | null; status: string | null; validUntil: string | null; scope: "USE_CASE" | "PRODUCT" }): string {
  const { decision, exception } = input;
  if (!decision) {
    return input.scope === "PRODUCT"
      ? "No product-level decision is recorded. Each client's use of the product is decided separately and is not part of this product-level report."
      : "No decision is recorded yet: the use case awaits a compliance officer's decision.";
  }
  const outcome = decision.outcome === "REJECTED" ? "Rejected" : decision.outcome === "APPROVED_WITH_CONDITIONS" ? "Approved with conditions" : "Approved";
  const parts = [outcome];
  if (exception && decision.outcome !== "REJECTED") {
    const accepting = exception.acceptedFlags.length ? ` accepting ${flagList(exception.acceptedFlags)}` : "";
    const consent = exception.clientConsent ? `client consent by ${exception.consentBy ?? "the client"}${exception.consentOn ? ` on ${exception.consentOn}` : ""}` : "without the client's consent";
    parts[0] = `${outcome} under a risk exception${accepting}, expires ${exception.expiresOn}, ${consent}`;
  }
  let text = `${parts.join("")}. Decided by ${decision.decidedBy} on ${decision.decidedOn}.`;
  if (decision.conditions.length) text += ` ${decision.conditions.length} condition${decision.conditions.length === 1 ? "" : "s"}: ${decision.conditions.filter((c) => c.met).length} met.`;
  if (input.status && input.validUntil && decision.outcome !== "REJECTED") text += ` Status today: ${input.status}; valid until ${input.validUntil}.`;
  else if (input.status) text += ` Status today: ${input.status}.`;
  return text;
}
