/** For the rule pack's tests: paragraphs as a document (page 1; "# " marks a heading). */
import type { DocumentText } from "./document";
import { documentSentences, type Sentence } from "./sentences";

export function testDocument(...paragraphs: string[]): DocumentText {
  return {
    format: "TXT",
    pageCount: 1,
    blocks: paragraphs.map((p) => (p.startsWith("# ") ? { text: p.slice(2), page: 1, heading: true } : { text: p, page: 1, heading: false })),
  };
}

export const sentencesOf = (...paragraphs: string[]): Sentence[] => documentSentences(testDocument(...paragraphs));
