/**
 * HTML (an uploaded .html DPA, or what mammoth makes of a DOCX) to text blocks. Not a browser: a
 * small tokenizer that only needs block boundaries, headings and ordered-list numbers, because
 * Word's automatic numbering ("12.3") exists only as <ol> nesting once mammoth has read it. Script,
 * style and template contents are dropped; entities are decoded. Pure.
 */
import type { TextBlock } from "@/lib/domain/dpa-analysis/document";

const BLOCK_TAGS = new Set(["p", "div", "section", "article", "header", "footer", "li", "tr", "table", "br", "blockquote", "pre", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "main", "aside", "nav", "td", "th", "hr"]);
const DROPPED = /<(script|style|template|noscript|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", sect: "§", hellip: "…", bull: "•" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlToBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  // Ordered-list counters, innermost last; an <li> of a nested <ol> is numbered "2.3".
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let current = "";
  let heading = false;
  let prefix = "";
  const flush = () => {
    const text = (prefix + current).replace(/\s+/g, " ").trim();
    if (current.trim()) blocks.push({ text, page: null, heading });
    current = "";
    prefix = "";
    heading = false;
  };
  const tokens = html.replace(DROPPED, " ").replace(/<!--[\s\S]*?-->/g, " ").split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token.startsWith("<")) {
      current += decodeEntities(token);
      continue;
    }
    const match = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!match) continue;
    const closing = match[1] === "/";
    const tag = match[2]!.toLowerCase();
    if (!BLOCK_TAGS.has(tag)) continue;
    if (tag === "td" || tag === "th") {
      // Table cells of one row stay on one line, separated, so a sub-processor row reads as a row.
      if (closing) current += " | ";
      continue;
    }
    flush();
    if (tag === "ol" || tag === "ul") {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === "ol", count: 0 });
    } else if (tag === "li" && !closing) {
      const list = lists[lists.length - 1];
      if (list?.ordered) {
        list.count++;
        const numbers = lists.filter((l) => l.ordered).map((l) => l.count);
        prefix = `${numbers.join(".")}${numbers.length === 1 ? "." : ""} `;
      } else if (list) prefix = "• ";
    } else if (/^h[1-6]$/.test(tag) && !closing) heading = true;
  }
  flush();
  return blocks;
}
