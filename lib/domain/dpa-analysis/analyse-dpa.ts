/**
 * The DPA analyser: a document's text in, one proposal per checklist clause and the key facts out.
 * Deterministic and explainable by construction: every proposal quotes the sentences it rests on,
 * and the rule version that produced it travels with it. Pure: no I/O, no model, no network; the
 * text is extracted by lib/files/document-text and the proposals stored by lib/db.
 */
import type { DpaClause } from "@/lib/domain/vocabulary";
import type { DocumentText } from "./document";
import { extractFacts } from "./facts";
import { DPA_RULE_VERSION } from "./rule-version";
import { dataCategoriesRule, deletionRule, portabilityRule, retentionRule } from "./rules/data-lifecycle";
import { locationRule } from "./rules/location";
import { auditRule, breachRule, securityRule, subprocessorRule } from "./rules/safeguards";
import { noTrainingRule, ownershipRule, purposeRule } from "./rules/use-of-data";
import { documentSentences, type Sentence } from "./sentences";
import type { ClauseProposal, DpaAnalysis } from "./types";

export const CLAUSE_RULES: Record<DpaClause, (sentences: Sentence[]) => ClauseProposal> = {
  PURPOSE: purposeRule,
  DATA_CATEGORIES: dataCategoriesRule,
  RETENTION: retentionRule,
  SUBPROCESSORS: subprocessorRule,
  SECURITY_MEASURES: securityRule,
  LOCATION: locationRule,
  AUDIT_RIGHTS: auditRule,
  NO_TRAINING: noTrainingRule,
  BREACH_NOTIFICATION: breachRule,
  DELETION_RETURN: deletionRule,
  DATA_OWNERSHIP: ownershipRule,
  PORTABILITY_EXIT: portabilityRule,
};

export function analyseSentences(sentences: Sentence[]): DpaAnalysis {
  const clauses = Object.fromEntries(Object.entries(CLAUSE_RULES).map(([clause, rule]) => [clause, rule(sentences)])) as Record<DpaClause, ClauseProposal>;
  return { clauses, facts: extractFacts(sentences), ruleVersion: DPA_RULE_VERSION };
}

export function analyseDpa(doc: DocumentText): DpaAnalysis {
  return analyseSentences(documentSentences(doc));
}
