/** LOCATION, with the facts it rests on: where data is processed and which transfer mechanisms apply. */
import { findSentences } from "../find-sentences";
import { regionsIn } from "../regions";
import type { Sentence } from "../sentences";
import type { ClauseProposal, ProposedTransferMechanism } from "../types";
import { missing, partial, present } from "./proposal";

const WHERE = /\b(process\w*|host\w*|stor\w*|located|data cent(?:re|er)s?|residency|transfer\w*|support)\b/i;
const MECHANISMS: Array<[ProposedTransferMechanism, RegExp]> = [
  ["SCCS", /\bstandard contractual clauses\b|\bSCCs?\b|\bmodel clauses\b/i],
  ["DPF", /\bdata privacy framework\b|\bDPF\b/i],
  ["UK_IDTA", /\binternational data transfer (?:agreement|addendum)\b|\bIDTA\b|\bUK Addendum\b/i],
  ["BCRS", /\bbinding corporate rules\b|\bBCRs?\b/i],
];
const ANYWHERE = /\b(any|other) (?:country|countries|jurisdiction|location)s?\b|\bglobally\b|\bworldwide\b/i;
const STAYS = /\b(exclusively|only) (?:in|within)\b|\bdoes not transfer\b|\bwill not transfer\b|\bshall not transfer\b|\bnot be transferred\b/i;

export function locationFacts(sentences: Sentence[]) {
  const regionSentences = findSentences(sentences, WHERE, { polarity: "either" }).filter((s) => regionsIn(s.text).length > 0 && !/\|/.test(s.text));
  const regions = [...new Set(regionSentences.flatMap((s) => regionsIn(s.text)))].sort();
  const mechanismSentences: Sentence[] = [];
  const mechanisms = MECHANISMS.filter(([, pattern]) => {
    const found = findSentences(sentences, pattern);
    mechanismSentences.push(...found);
    return found.length > 0;
  }).map(([name]) => name);
  return { regions, regionSentences, mechanisms: mechanisms.sort(), mechanismSentences };
}

export function locationRule(sentences: Sentence[]): ClauseProposal {
  const { regions, regionSentences, mechanisms, mechanismSentences } = locationFacts(sentences);
  const anywhere = findSentences(sentences, ANYWHERE).filter((s) => WHERE.test(s.text));
  const stays = findSentences(sentences, STAYS, { polarity: "either" }).filter((s) => WHERE.test(s.text));
  if (regions.length && (mechanisms.length || !anywhere.length)) return present([regionSentences, mechanismSentences, stays], mechanisms.length ? `Processed in ${regions.join(", ")}; transfers under ${mechanisms.join(", ")}.` : `Processed in ${regions.join(", ")}.`);
  if (regions.length) return partial([regionSentences, anywhere], `Processed in ${regions.join(", ")}, but data may also go elsewhere with no transfer mechanism named.`);
  if (mechanisms.length) return partial([mechanismSentences], "A transfer mechanism is named, but not where the data is processed or stored.");
  if (anywhere.length) return partial([anywhere], "Data may be processed in any country; no location and no transfer mechanism.");
  return missing("Nothing on where data is processed or stored.");
}
