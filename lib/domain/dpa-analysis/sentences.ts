/**
 * Sentences with their place in the document: the section they belong to (the innermost clause
 * number and the nearest heading), the page, and whether the block is a heading. Clause numbers
 * are read from the start of each block ("9.2", "Section 1.01", "Clause 8", "Part D", "Annex II").
 */
import type { DocumentText, TextBlock } from "./document";

export type Sentence = {
  text: string;
  /** "7. Personal Data Breaches › 7.1", or just the heading or the number; null before any. */
  section: string | null;
  /** The nearest heading's text, lower-cased: rules use it as context ("sub-processors"). */
  headingContext: string;
  page: number | null;
  isHeading: boolean;
  /** Position in the document, for ordering evidence. */
  index: number;
};

const NUMBER_AT_START = /^(?:(section|clause|article|part|annex|appendix|schedule|exhibit)\s+)?((?:\d+(?:\.\d+)*)|[IVXLC]+\b|[A-Z]\b)[.)]?(?=\s|$)/i;
// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|inc|ltd|llc|no|nos|art|arts|sec|cf|vs|co|corp|u\.s|u\.k|approx|para|pp|dr|mr|ms|st)\.$/i;

function looksLikeHeading(block: TextBlock): boolean {
  if (block.heading) return true;
  const text = block.text.trim();
  if (text.length > 90) return false;
  const words = text.replace(NUMBER_AT_START, "").replace(/^[\s—–:-]+/, "").trim();
  if (!words) return false;
  // "4. SUB-PROCESSORS", "ARTICLE II. USE OF CUSTOMER MATERIALS", "Part A – Processing".
  const letters = words.replace(/[^A-Za-z]/g, "");
  if (letters.length > 3 && letters === letters.toUpperCase()) return true;
  return !/[.;:,]$/.test(words) && words.split(/\s+/).length <= 8 && /^[A-Z]/.test(words) && !/\b(shall|will|may|must|is|are)\b/.test(words);
}

/** "5. Sub-processors." or "Section 4.01 Security." — a few capitalised words, no verb. */
function isInlineTitle(sentence: string): boolean {
  const words = sentence.replace(NUMBER_AT_START, "").trim().replace(/\.$/, "").split(/\s+/);
  return words.length <= 5 && words.every((w) => /^[A-Z(&]/.test(w) || /^(and|of|the|to|for|on|in|with|or)$/.test(w));
}

/** Splits a block into sentences at . ! ? followed by a capital, not after abbreviations or clause numbers. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /[.!?]["”’)]?\s+(?=["“(]?[A-Z0-9])/g;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text))) {
    const candidate = text.slice(start, match.index + 1);
    const lastWord = /(\S+)$/.exec(candidate)?.[1] ?? "";
    // "1." "2.3." "(a)." "Section 4." — a number, not the end of a sentence.
    if (ABBREVIATIONS.test(lastWord) || /^(\(?[\dA-Za-z]{1,3}\)?\.)+$/.test(lastWord) || /^(section|clause|article|part)$/i.test(candidate.trim().split(/\s+/).slice(-2, -1)[0] ?? "")) continue;
    if (candidate.trim().length < 4) continue;
    out.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export function documentSentences(doc: DocumentText): Sentence[] {
  const sentences: Sentence[] = [];
  let heading: string | null = null;
  let headingNumber: string | null = null;
  for (const block of doc.blocks) {
    const number = NUMBER_AT_START.exec(block.text.trim());
    const label = number ? `${number[1] ? `${number[1][0]!.toUpperCase()}${number[1].slice(1).toLowerCase()} ` : ""}${number[2]}` : null;
    const isHeading = looksLikeHeading(block);
    if (isHeading) {
      heading = block.text.trim();
      headingNumber = label;
    }
    const section = isHeading ? heading : label && label !== headingNumber ? (heading ? `${heading} › ${label}` : label) : heading;
    const parts = isHeading ? [block.text.trim()] : splitSentences(block.text);
    // "5. Sub-processors. Our current …": a short first sentence is the clause's own title.
    const inlineTitle = !isHeading && parts.length > 1 && isInlineTitle(parts[0]!) ? parts[0]! : "";
    const context = `${heading ?? ""} | ${inlineTitle}`.toLowerCase();
    parts.forEach((text, i) => {
      const isTitle = i === 0 && inlineTitle !== "";
      sentences.push({ text, section, headingContext: context, page: block.page, isHeading: isHeading || isTitle, index: sentences.length });
    });
  }
  return sentences;
}
