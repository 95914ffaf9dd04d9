/**
 * The rule pack's one matching primitive: sentences where a pattern matches, with the negation
 * and definition checks applied at the match (see scope.ts), optionally only within a context
 * (the sentence or its section heading must mention, say, sub-processors).
 */
import { isDefinition, isNegatedAt } from "./scope";
import type { Sentence } from "./sentences";
import type { Evidence } from "./types";

export type Polarity = "affirmed" | "negated" | "either";
export type FindOptions = { polarity?: Polarity; context?: RegExp; includeDefinitions?: boolean; includeHeadings?: boolean };

export function findSentences(sentences: Sentence[], pattern: RegExp, options: FindOptions = {}): Sentence[] {
  const { polarity = "affirmed", context, includeDefinitions = false, includeHeadings = false } = options;
  const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  return sentences.filter((sentence) => {
    if (sentence.isHeading && !includeHeadings) return false;
    if (!includeDefinitions && isDefinition(sentence.text)) return false;
    if (context && !context.test(sentence.text) && !context.test(sentence.headingContext)) return false;
    global.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = global.exec(sentence.text))) {
      const negated = isNegatedAt(sentence.text, match.index);
      if (polarity === "either" || (polarity === "negated") === negated) return true;
      if (match[0].length === 0) global.lastIndex++;
    }
    return false;
  });
}

const MAX_QUOTE = 320;

export function evidenceOf(...groups: Sentence[][]): Evidence[] {
  const seen = new Set<number>();
  const all = groups.flat().filter((s) => (seen.has(s.index) ? false : (seen.add(s.index), true)));
  all.sort((a, b) => a.index - b.index);
  return all.slice(0, 3).map((s) => ({ section: s.section, page: s.page, quote: s.text.length > MAX_QUOTE ? `${s.text.slice(0, MAX_QUOTE - 1)}…` : s.text }));
}
