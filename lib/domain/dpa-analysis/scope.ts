/**
 * Negation and definition scope. A pattern that matches inside "will not use Customer Data to
 * train" must not count as the vendor training on it, and one that matches inside a definition
 * ("'Sub-processor' means …") says nothing about what the parties agreed. Scope is the clause of
 * the sentence the match is in: a semicolon, colon, "but", "however", "except", "provided that",
 * "notwithstanding" or a fresh ", and [subject] may/will/shall" starts a new one.
 */
const CLAUSE_BREAK = /;|:|\bbut\b|\bhowever\b|\bexcept\b|\bprovided that\b|\bnotwithstanding\b|\bunless\b|,?\s+and\s+(?=(?:[\w'’-]+\s+){0,3}(?:may|will|shall|can|must|is|are)\b(?!\s+not\b))|,\s+(?=(?:[A-Z][\w'’-]*\s+){1,3}(?:may|will|shall|can|must)\b(?!\s+not\b))/gi;
const NEGATOR = /\b(not|never|no|nor|neither|cannot|without|none|refrain|prohibited|forbidden)\b|n['’]t\b/i;

/** The text from the start of the match's clause up to the match. */
export function clauseBefore(text: string, at: number): string {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CLAUSE_BREAK.exec(text)) && match.index < at) {
    start = match.index + match[0].length;
    if (match[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  return text.slice(start, at);
}

/** Whether the words before the match, in its clause, negate it. */
export function isNegatedAt(text: string, at: number): boolean {
  return NEGATOR.test(clauseBefore(text, at));
}

/** A definition: '"X" means …', 'X shall mean …', 'X has the meaning …', '"X": …'. */
export function isDefinition(text: string): boolean {
  return /^\s*(?:\S+\s+){0,2}["“][^"”]{1,60}["”]\s*(?:\([^)]*\)\s*)?(means|shall mean|has the meaning|have the meanings?|refers to|includes|is defined)\b/i.test(text) ||
    /^\s*(?:[\d.]+\s+)?(?:the )?(?:term )?["“]?[A-Z][\w -]{0,40}["”]?\s+(shall mean|means|has the meaning)\b/.test(text) ||
    /\bhave the meanings? given\b/i.test(text);
}
