import "server-only";
/**
 * A PDF's text layer as blocks with page numbers, through pdfjs-dist (pure JavaScript: no binary,
 * no network; its optional canvas is only for rendering, which we never do). Lines are rebuilt
 * from the text items' positions; a vertical gap clearly wider than the font's line spacing
 * ends a block, so paragraphs and numbered clauses stay apart. Running headers/footers such as
 * "Page 3 of 12" are dropped. A PDF with pages but (almost) no text is a scan: we say so rather
 * than analyse nothing.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextBlock } from "@/lib/domain/dpa-analysis/document";
import { AppError } from "@/lib/errors/app-error";

type Line = { text: string; y: number; height: number };

export const SCANNED_PDF_MESSAGE =
  "This PDF has no text layer: it looks like a scan, and Vetta does not read text from images. Ask the vendor for the DPA as a text PDF or Word file, or fill the checklist by hand.";
const PAGE_FOOTER = /^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i;

type TextItemLike = { str: string; hasEOL: boolean; transform: number[]; height: number };

function pageLines(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let text = "";
  let y = NaN;
  let height = 0;
  const push = () => {
    if (text.trim()) lines.push({ text: text.replace(/\s+/g, " ").trim(), y, height });
    text = "";
    y = NaN;
  };
  for (const item of items) {
    const itemY = item.transform[5] ?? 0;
    // A new baseline well apart from the current one starts a new line even without hasEOL.
    if (text && Math.abs(itemY - y) > Math.max(2, (item.height || height) * 0.5)) push();
    if (Number.isNaN(y)) y = itemY;
    height = Math.max(item.height, 1);
    text += item.str;
    if (item.hasEOL) push();
  }
  push();
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function linesToBlocks(lines: Line[], page: number): TextBlock[] {
  const kept = lines.filter((line) => !PAGE_FOOTER.test(line.text));
  const bodyHeight = median(kept.map((line) => line.height));
  const blocks: TextBlock[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (!current.length) return;
    const text = current.map((line) => line.text).join(" ").replace(/-\s(?=[a-z])/g, "-").replace(/\s+/g, " ").trim();
    // Set larger than the body text and short: a heading (PDFs carry no heading marks).
    const heading = current.every((line) => line.height > bodyHeight * 1.1) && text.length < 120;
    blocks.push({ text, page, heading });
    current = [];
  };
  kept.forEach((line, i) => {
    const gap = i > 0 ? kept[i - 1]!.y - line.y : 0;
    // Body text is set at about 1.2× its font size; a gap of 1.45× or more is a paragraph break.
    if (i > 0 && (gap > Math.max(line.height, kept[i - 1]!.height) * 1.45 || gap < 0)) flush();
    if (i > 0 && (line.height > bodyHeight * 1.1) !== (kept[i - 1]!.height > bodyHeight * 1.1)) flush();
    current.push(line);
  });
  flush();
  return blocks;
}

export async function pdfToBlocks(bytes: Uint8Array): Promise<{ blocks: TextBlock[]; pageCount: number }> {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch {
    throw new AppError("VALIDATION", "This PDF cannot be read: it is damaged or password-protected.");
  }
  try {
    const blocks: TextBlock[] = [];
    for (let page = 1; page <= doc.numPages; page++) {
      const content = await (await doc.getPage(page)).getTextContent();
      const items = content.items.filter((item): item is typeof item & TextItemLike => "str" in item);
      const pageBlocks = linesToBlocks(pageLines(items), page);
      // A paragraph that runs over the page break (no full stop before it, no clause number after): join it to its start.
      const last = blocks[blocks.length - 1];
      const first = pageBlocks[0];
      if (last && first && !last.heading && !first.heading && !/[.:;!?]["”)]?$/.test(last.text) && !/^(\d+(\.\d+)*\.?\s|(section|clause|article|annex|part|schedule|appendix|exhibit)\b)/i.test(first.text)) {
        last.text = `${last.text} ${first.text}`;
        pageBlocks.shift();
      }
      blocks.push(...pageBlocks);
    }
    const characters = blocks.reduce((sum, block) => sum + block.text.length, 0);
    // A real DPA page holds thousands of characters; a scan has none, or a stray stamp or page number.
    if (characters < 40 * doc.numPages) throw new AppError("VALIDATION", SCANNED_PDF_MESSAGE);
    return { blocks, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
