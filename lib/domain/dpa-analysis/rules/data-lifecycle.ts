/** DATA_CATEGORIES, RETENTION, DELETION_RETURN and PORTABILITY_EXIT: which data, for how long, and how it leaves. */
import { findDurations } from "../durations";
import { findSentences } from "../find-sentences";
import type { Sentence } from "../sentences";
import type { ClauseProposal } from "../types";
import { missing, partial, present } from "./proposal";

const SUBJECT_WORDS = /\b(employees|staff|contractors|customers|end users|users|respondents|patients|students|dependants|participants|members|individuals|prospects|agents|clients|personnel)\b/i;
const DATA_TYPES = /\b(names?|e-?mail(?: address(?:es)?)?|addresses|contact (?:details|data|information)|telephone|phone numbers?|dates? of birth|IP address(?:es)?|bank (?:details|account)|salary|job titles?|identification|account (?:information|data|credentials)|credentials|usage (?:data|logs|information)|device information|health|voice|national insurance|social security|location data|pension|employment details)\b/gi;

function dataTypeCount(text: string): number {
  return new Set(Array.from(text.matchAll(DATA_TYPES), (m) => m[0].toLowerCase())).size;
}

export function dataCategoriesRule(sentences: Sentence[]): ClauseProposal {
  const subjects = findSentences(sentences, /\bdata subjects?\b|\b(personal (?:data|information)|data) (?:of|about|relating to) (?:the )?(?:customer['’]s |controller['’]s |your )?(?:current |former )?\w+/i, { includeHeadings: false }).filter(
    (s) => SUBJECT_WORDS.test(s.text),
  );
  const categories = findSentences(sentences, DATA_TYPES).filter((s) => dataTypeCount(s.text) >= 2 || /\bcategories of personal data\b|\btypes of personal data\b/i.test(s.text));
  const generic = findSentences(sentences, /\b(any|what|whatever) personal (?:data|information)\b|\bprocess\w*\b[^.]{0,30}\b(messages|files|content|prompts|documents|recordings)\b/i);
  if (subjects.length && categories.length) return present([categories, subjects]);
  if (categories.length) return partial([categories], "The kinds of personal data are listed, but not whose data it is (categories of data subjects).");
  if (subjects.length) return partial([subjects], "The data subjects are named, but not the categories of personal data.");
  if (generic.length) return partial([generic], "Only says the data is whatever the customer submits; no categories of personal data or data subjects.");
  return missing("No categories of personal data or data subjects.");
}

const KEEP = /\b(retain\w*|retention|kept|keep|stored?|delete[ds]?|deletion|destroy\w*|erase[ds]?|purge[ds]?)\b/i;
const VAGUE_RETENTION = /\bas long as (?:is )?(?:necessary|needed|required)\b|\bno longer than (?:is )?necessary\b|\bretention polic(?:y|ies)\b|\bfor the (?:duration|life) of\b|\buntil (?:the )?customer deletes\b/i;

export function retentionRule(sentences: Sentence[]): ClauseProposal {
  const finite = findSentences(sentences, KEEP).filter((s) => findDurations(s.text).some((d) => d.hours > 0) || /\bzero (?:data )?retention\b/i.test(s.text));
  const vague = findSentences(sentences, VAGUE_RETENTION).filter((s) => KEEP.test(s.text));
  if (finite.length) return present([finite]);
  if (vague.length) return partial([vague], "Retention is 'as long as necessary' or left to the vendor's policy; no period is stated.");
  return missing("No retention period.");
}

const END = /\b(termination|terminat\w+|expiry|expiration|end of (?:the )?(?:services?|agreement|term|subscription)|at the end|account is closed|closure|cessation|following the end)\b/i;
const END_CONTEXT = /\b(termination|exit|end of service|deletion|return|expiry)\b/i;
const DELETE_OR_RETURN = /\b(delete\w*|deletion|destroy\w*|destruction|erase\w*|return\w*|purge\w*)\b/i;
const CONFIRMATION = /\bcertif\w*|\bwritten confirmation\b|\bconfirm\w*\b[^.]{0,30}\b(deletion|destruction)\b|\b(deletion|destruction)\b[^.]{0,30}\bconfirm\w*|\battest\w*/i;

export function deletionRule(sentences: Sentence[]): ClauseProposal {
  const atEnd = findSentences(sentences, DELETE_OR_RETURN).filter((s) => END.test(s.text) || END_CONTEXT.test(s.headingContext));
  const confirmed = findSentences(sentences, CONFIRMATION).filter((s) => DELETE_OR_RETURN.test(s.text) || /\bdeletion|destruction\b/i.test(s.text));
  if (atEnd.length && confirmed.length) return present([atEnd, confirmed]);
  if (atEnd.length) return partial([atEnd], "Data is deleted or returned at the end, but there is no written confirmation or certificate of deletion.");
  return missing("Nothing on deleting or returning the data at the end of the contract.");
}

const FORMAT = /\b(CSV|JSON|XML|XLSX|Excel|DOCX|TXT|SRT|PDF|machine[- ]readable|(?:commonly used|common|structured|standard|industry[- ]standard|original) (?:file )?formats?)\b/i;
const EXPORT = /\b(export\w*|download\w*|return\w*|retriev\w*|extract\w*|copy of)\b/i;

export function portabilityRule(sentences: Sentence[]): ClauseProposal {
  const withFormat = findSentences(sentences, FORMAT).filter((s) => EXPORT.test(s.text));
  const exportOnly = findSentences(sentences, EXPORT).filter((s) => /\b(data|content|materials?|records?|responses?|history)\b/i.test(s.text) && !/\breturn(?:s|ed)? (?:the )?(?:response|result)\b/i.test(s.text));
  if (withFormat.length) return present([withFormat]);
  if (exportOnly.length) return partial([exportOnly], "The data can be returned or exported, but no usable format or means is given.");
  return missing("No exit strategy: nothing on exporting the data in a usable format.");
}
