/**
 * Plain text and Markdown to text blocks. A blank line ends a block; in Markdown a "#" line is a
 * heading and list markers/emphasis are dropped (numbers kept: "1." may be a section number).
 * Hard-wrapped lines of one paragraph are joined. Pure.
 */
import type { TextBlock } from "@/lib/domain/dpa-analysis/document";

/** A line that starts a new block even without a blank line before it: a numbered clause or a heading. */
const STARTS_BLOCK = /^\s*(#{1,6}\s|(section|clause|article|annex|appendix|schedule|exhibit)\b|\d+(\.\d+)*\.?\s+\S|\(?[a-z]\)\s|[-*•]\s)/i;

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*[-*+]\s+/, "• ")
    .replace(/\*\*|__|`/g, "")
    .replace(/(^|\s)[*_]([^*_]+)[*_](?=\s|[.,;:]|$)/g, "$1$2")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
}

export function textToBlocks(text: string, markdown: boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let heading = false;
  const flush = () => {
    const joined = lines.join(" ").replace(/\s+/g, " ").trim();
    if (joined) blocks.push({ text: joined, page: null, heading });
    lines = [];
    heading = false;
  };
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    if (!raw.trim() || /^\s*([-*_=]\s*){3,}$/.test(raw)) {
      flush();
      continue;
    }
    if (lines.length > 0 && STARTS_BLOCK.test(raw)) flush();
    if (markdown && /^\s*#{1,6}\s/.test(raw)) {
      flush();
      blocks.push({ text: stripMarkdown(raw.replace(/^\s*#{1,6}\s+/, "")).trim(), page: null, heading: true });
      continue;
    }
    lines.push(markdown ? stripMarkdown(raw) : raw);
  }
  flush();
  return blocks;
}
