/** The facts a reviewer can apply to the product or the DPA record, each from the sentences that state it. */
import { findDurations } from "./durations";
import { findSentences } from "./find-sentences";
import { breachDeadlines, SUBPROCESSOR } from "./rules/safeguards";
import { locationFacts } from "./rules/location";
import type { Sentence } from "./sentences";
import type { DpaFacts } from "./types";

const END = /\b(termination|terminat\w+|expiry|expiration|end of (?:the )?(?:services?|agreement|term|subscription)|at the end|account is closed|closure)\b/i;
const DISPOSE = /\b(delete\w*|deletion|destroy\w*|destruction|erase\w*|purge\w*|retain\w*|kept|keep)\b/i;

function subprocessorNoticeDays(sentences: Sentence[]): number | null {
  const notices = findSentences(sentences, /\b(notif\w*|notice|inform\w*|update\w*)\b/i, { context: SUBPROCESSOR }).filter((s) => /\bnew\b|\bchange|\baddition|\breplace|\badd\b/i.test(s.text));
  for (const s of notices) {
    const duration = findDurations(s.text).find((d) => /\b(in advance|before|prior|notice)\b/i.test(s.text.slice(d.end, d.end + 40)) || /\b(at least|no less than|not less than)\s*$/i.test(s.text.slice(Math.max(0, d.at - 20), d.at)));
    if (duration) return duration.days;
  }
  return null;
}

function retentionDaysAfterTermination(sentences: Sentence[]): number | null {
  for (const s of findSentences(sentences, DISPOSE).filter((s) => END.test(s.text))) {
    const duration = findDurations(s.text).find((d) => d.hours >= 24 && !/^\s*after (?:upload|creation|collection)/i.test(s.text.slice(d.end, d.end + 20)));
    if (duration) return duration.days;
  }
  return null;
}

export function extractFacts(sentences: Sentence[]): DpaFacts {
  const location = locationFacts(sentences);
  return {
    breachNoticeHours: breachDeadlines(sentences).hours,
    transferMechanisms: location.mechanisms,
    subprocessorNoticeDays: subprocessorNoticeDays(sentences),
    retentionDaysAfterTermination: retentionDaysAfterTermination(sentences),
    processingRegions: location.regions,
  };
}
