/**
 * A document's text as the DPA analyser reads it: blocks (paragraphs, headings, list items) in
 * reading order, each with the page it starts on (null when the format has no pages: DOCX, TXT,
 * Markdown, HTML). Section numbers stay in the text ("12.3 Sub-processors"), so the rule pack can
 * tell which section a sentence belongs to. Produced by lib/files/document-text; pure data.
 */
export type DocumentFormat = "PDF" | "DOCX" | "TXT" | "MARKDOWN" | "HTML";

export type TextBlock = {
  text: string;
  page: number | null;
  /** The source marked it as a heading (h1–h6, Markdown #, a Word heading style). */
  heading: boolean;
};

export type DocumentText = {
  format: DocumentFormat;
  /** Pages in the source (PDF only), for "time per page" and page references. */
  pageCount: number | null;
  blocks: TextBlock[];
};
