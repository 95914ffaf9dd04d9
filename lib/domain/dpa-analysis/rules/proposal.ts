/** Building a clause proposal; the confidence levels are part of the rule version. */
import { evidenceOf } from "../find-sentences";
import type { Sentence } from "../sentences";
import type { ClauseProposal } from "../types";

export const present = (evidence: Sentence[][], reason: string | null = null): ClauseProposal => ({ status: "PRESENT", evidence: evidenceOf(...evidence), reason, confidence: 0.9 });
export const partial = (evidence: Sentence[][], reason: string): ClauseProposal => ({ status: "PARTIAL", evidence: evidenceOf(...evidence), reason, confidence: 0.7 });
/** Missing because nothing matched: less certain than a match, since wording varies. */
export const missing = (reason: string): ClauseProposal => ({ status: "MISSING", evidence: [], reason, confidence: 0.75 });
/** Missing because the text says the opposite (the vendor may train on the data): quoted. */
export const contradicted = (evidence: Sentence[][], reason: string): ClauseProposal => ({ status: "MISSING", evidence: evidenceOf(...evidence), reason, confidence: 0.9 });

