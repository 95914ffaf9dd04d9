/** SUBPROCESSORS, SECURITY_MEASURES, AUDIT_RIGHTS and BREACH_NOTIFICATION. */
import { findDurations } from "../durations";
import { findSentences } from "../find-sentences";
import type { Sentence } from "../sentences";
import type { ClauseProposal } from "../types";
import { missing, partial, present } from "./proposal";

// "Harbor is a service provider" (CCPA status) is a role, not a sub-processor.
export const SUBPROCESSOR = /\bsub-?processors?\b|\bsub-?contractors?\b|(?<!\b(?:is|as|acts as) an? )\b(?:third[- ]party )?service providers?\b|\bsub-?processing\b/i;
const LISTED = /\blist\w*\b|\b(annex|schedule|appendix|exhibit)\b|\btrust cent(?:er|re)\b|\bavailable (?:at|on|upon request)\b|\b\w+\.\w+\/\S*|\bset out in\b/i;
const NOTICE = /\b(notif\w*|notice|inform\w*|update\w*|advance|before)\b/i;

export function subprocessorRule(sentences: Sentence[]): ClauseProposal {
  const mentioned = findSentences(sentences, SUBPROCESSOR, { context: SUBPROCESSOR, polarity: "either" });
  const inSection = findSentences(sentences, /./, { context: SUBPROCESSOR, polarity: "either" });
  const listed = inSection.filter((s) => LISTED.test(s.text));
  const notice = inSection.filter((s) => NOTICE.test(s.text) && (/\bnew\b|\bchange|\baddition|\breplace|\badd\b/i.test(s.text)) && findDurations(s.text).length + (/\bin advance|\bprior\b|\bbefore\b/i.test(s.text) ? 1 : 0) > 0);
  // "Customer may object" counts, "Customer shall have no right to object" does not; prior consent
  // is usually written as a negation ("shall not engage … without prior written consent").
  const consent = findSentences(sentences, /\bprior (?:specific )?(?:written )?(?:consent|approval|authori[sz]ation)\b/i, { context: SUBPROCESSOR, polarity: "either" });
  const objection = [...findSentences(sentences, /\bobject(?:s|ion|ing)?\b/i, { context: SUBPROCESSOR }), ...consent];
  const has = { list: listed.length > 0, notice: notice.length > 0 || consent.length > 0, objection: objection.length > 0 };
  if (has.list && has.notice && has.objection) return present([listed, notice, objection]);
  if (mentioned.length || has.list || has.notice || has.objection) {
    const lacking = [!has.list && "no list", !has.notice && "no notice of changes", !has.objection && "no right to object"].filter(Boolean).join(", ");
    return partial([listed, notice, objection, mentioned], `Sub-processors are covered only in part: ${lacking}.`);
  }
  return missing("No sub-processor list, change notice or right to object.");
}

const IN_TRANSIT = /\bTLS\b|\bSSL\b|\bin transit\b|\bHTTPS\b/i;
const AT_REST = /\bat rest\b|\bAES[- ]?\d*\b|\bencrypt\w*\b[^.]{0,30}\b(databases?|storage|backups|disks?)\b/i;
const ACCESS = /\baccess control\w*|\brole-based access|\bleast[- ]privilege|\bmulti-factor|\bMFA\b|\baccess management|\brestricted (?:staff |personnel )?access|\baccess\b[^.]{0,60}\b(limited|restricted|logged)\b|\bsingle sign-on|\bunique user accounts/i;
const GENERAL = /\b(technical and organi[sz]ational measures|security measures|safeguards|security (?:program|programme|procedures|practices))\b/i;

export function securityRule(sentences: Sentence[]): ClauseProposal {
  const transit = findSentences(sentences, IN_TRANSIT);
  const rest = findSentences(sentences, AT_REST);
  const access = findSentences(sentences, ACCESS);
  const general = findSentences(sentences, GENERAL);
  if (transit.length && rest.length && access.length) return present([transit, rest, access]);
  if (transit.length || rest.length || access.length || general.length) {
    const lacking = [!transit.length && "encryption in transit", !rest.length && "encryption at rest", !access.length && "access control"].filter(Boolean).join(", ");
    return partial([transit, rest, access, general], `Security is described only in general terms or in part; not stated: ${lacking}.`);
  }
  return missing("No technical and organisational security measures.");
}

const AUDIT = /\b(audit|audits|inspect|inspection|inspections)\b/i;
const REPORT = /\bSOC ?[12]\b|\bISO(?:\/IEC)? ?27001\b|\bISAE ?3402\b|\bSSAE ?18\b|\baudit reports?\b|\bthird[- ]party (?:audit|certification)/i;
const SHARED = /\b(provide|make available|furnish|share|copy|upon request|on request|deliver)\w*\b/i;
const WEAK = /\bquestionnaires?\b|\binformation (?:reasonably )?(?:necessary|requested|required)\b/i;

export function auditRule(sentences: Sentence[]): ClauseProposal {
  const audits = findSentences(sentences, AUDIT).filter((s) => /\b(customer|controller|client|auditor|you)\b/i.test(s.text) && /\b(may|permit|allow|right|entitled|contribute)\w*\b/i.test(s.text));
  const reports = findSentences(sentences, REPORT).filter((s) => SHARED.test(s.text));
  const weak = findSentences(sentences, WEAK).filter((s) => /\b(compliance|security|demonstrate|audit)\b/i.test(s.text));
  if (audits.length && reports.length) return present([audits, reports], "Audit right and independent audit reports.");
  if (audits.length) return present([audits], "Audit or inspection right.");
  if (reports.length) return present([reports], "Independent audit reports on request (no audit right of its own).");
  if (weak.length) return partial([weak], "Only questionnaires or information on request; no audit right and no independent audit report.");
  return missing("No right to audit or to receive audit reports.");
}

export const BREACH = /\b(breach|breaches|security incidents?|incidents?)\b/i;
const NOTIFY = /\b(notif\w*|inform\w*|tell|notice|report)\b/i;
const DEADLINE = /\b(within|no later than|not later than|in any (?:event|case) within)\b/i;
const VAGUE = /\bwithout undue delay\b|\bpromptly\b|\bas soon as (?:reasonably )?practicable\b|\bimmediately\b|\bas required by (?:applicable )?law\b|\bin accordance with applicable law\b|\bexpeditiously\b/i;

/** Hours of the earliest notice deadline stated in breach sentences, or null. */
export function breachDeadlines(sentences: Sentence[]): { sentences: Sentence[]; hours: number | null } {
  const notices = findSentences(sentences, NOTIFY, { context: BREACH }).filter((s) => BREACH.test(s.text));
  const hours: number[] = [];
  const withDeadline = notices.filter((s) => {
    const deadline = DEADLINE.exec(s.text);
    if (!deadline) return false;
    const after = findDurations(s.text).filter((d) => d.at > deadline.index && d.at - deadline.index < 60);
    hours.push(...after.map((d) => d.hours));
    return after.length > 0;
  });
  return { sentences: withDeadline, hours: hours.length ? Math.min(...hours) : null };
}

export function breachRule(sentences: Sentence[]): ClauseProposal {
  const { sentences: deadline, hours } = breachDeadlines(sentences);
  const vague = findSentences(sentences, VAGUE, { context: BREACH, polarity: "either" }).filter((s) => BREACH.test(s.text) && NOTIFY.test(s.text));
  if (deadline.length) return present([deadline], `Notice within ${hours} hours.`);
  if (vague.length) return partial([vague], "Breach notice 'without undue delay' (or similar) with no deadline in hours or days.");
  return missing("No breach notification duty.");
}
