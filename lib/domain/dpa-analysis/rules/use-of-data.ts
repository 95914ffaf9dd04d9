/** PURPOSE, NO_TRAINING and DATA_OWNERSHIP: what the vendor may do with the data, and whose it is. */
import { findSentences } from "../find-sentences";
import type { Sentence } from "../sentences";
import type { ClauseProposal } from "../types";
import { contradicted, missing, partial, present } from "./proposal";

const DATA = /\b(data|information|content|materials?|prompts?|inputs?|outputs?|files?|recordings?|transcripts?)\b/i;
const RESTRICTED_USE = /\b(only|solely|exclusively)\b[^.]{0,100}\b(instructions?|provide|provision|perform|purposes? of|as necessary)|\b(for|to) (any|its own|other) purposes?\b|\bpurpose other than\b|\bfor (?:its|their) own (?:purposes|benefit)\b/i;
const OWN_USE = /\b(develop|improve|enhance|build)\w*\b[^.]{0,60}\b(products?|services?|models?|offerings?|quality)\b|\b(analytics|research) purposes\b/i;
const TRAINING = /\b(train|training|retrain|fine[- ]tun\w*|machine learning|(?:AI|artificial intelligence|foundation|language|speech recognition)? ?models?)\b/i;
const TRAIN_VERB = /\b(train|training|retrain\w*|fine[- ]tun\w*)\b/i;
const OPT_OUT = /\bopt(s|ing|ed)?[- ]out\b/i;

export function purposeRule(sentences: Sentence[]): ClauseProposal {
  const restricted = findSentences(sentences, RESTRICTED_USE, { polarity: "either" }).filter((s) => DATA.test(s.text) && /\b(process|use|access|retain|disclose)\w*\b/i.test(s.text));
  const ownUse = findSentences(sentences, OWN_USE).filter((s) => DATA.test(s.text) && /\b(may|will|can|to)\b/i.test(s.text) && !/\bopts? in\b/i.test(s.text));
  const stated = findSentences(sentences, /\b(process|use)\w*\b[^.]{0,80}\bto (provide|perform|deliver|operate)\b/i);
  if (restricted.length && !ownUse.length) return present([restricted]);
  if (restricted.length) return partial([restricted, ownUse], "Processing is tied to the services, but the vendor may also use the data for its own ends (developing or improving its services).");
  if (ownUse.length) return partial([ownUse, stated], "A purpose is stated, but the vendor may also use the data to develop or improve its own services.");
  if (stated.length) return partial([stated], "A purpose is stated, but the DPA does not limit processing to it (no 'only on instructions').");
  return missing("No statement of what the vendor may and may not do with the data.");
}

export function noTrainingRule(sentences: Sentence[]): ClauseProposal {
  const excluded = findSentences(sentences, TRAINING, { polarity: "negated" }).filter((s) => TRAIN_VERB.test(s.text) || /\bimprove\b/i.test(s.text));
  const allowed = findSentences(sentences, TRAIN_VERB).filter((s) => /\b(may|will|can|to)\b/i.test(s.text) && !/\bopts? in\b/i.test(s.text) && !excluded.includes(s));
  const optOut = allowed.filter((s) => OPT_OUT.test(s.text));
  const improve = findSentences(sentences, /\b(improve|develop|enhance)\w*\b[^.]{0,40}\b(models?|algorithms?|machine learning)\b/i).filter((s) => !excluded.includes(s) && !allowed.includes(s) && !/\bopts? in\b/i.test(s.text));
  if (allowed.length > optOut.length) return contradicted([allowed], "The vendor may use customer data to train its models.");
  if (excluded.length && optOut.length) return partial([excluded, optOut], "Training is excluded only in part: for the rest the customer has to opt out.");
  if (excluded.length && improve.length) return partial([excluded, improve], "Training is excluded, but the vendor may still use data to improve its models.");
  if (excluded.length) return present([excluded]);
  if (optOut.length) return partial([optOut], "The vendor trains on customer data unless the customer opts out.");
  return missing("No statement that customer data is not used to train or improve models.");
}

const OWNERSHIP = /\b(owns?|owner|ownership|all rights?,? title,? and interest|right,? title and interest|proprietary rights)\b/i;
const CUSTOMER = /\b(customer|controller|client|you|your)\b/i;

export function ownershipRule(sentences: Sentence[]): ClauseProposal {
  const owned = findSentences(sentences, OWNERSHIP).filter((s) => CUSTOMER.test(s.text) && DATA.test(s.text));
  const roles = findSentences(sentences, /\b(is|acts as|as) (?:a |the |its |customer['’]s )?(processor|service provider|sub-?processor)\b|\b(controller)\b[^.]{0,60}\b(processor)\b/i);
  if (owned.length) return present([owned, roles]);
  if (roles.length) return partial([roles], "Only the controller/processor roles are stated; nothing says the customer owns its data.");
  return missing("No statement that the customer owns its data or that the vendor is only a processor.");
}
