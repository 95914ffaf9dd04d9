/**
 * Table cells wrapped once and drawn from their wrapped lines (issue 17). pdfkit's doc.text()
 * wraps a cell again every time it is drawn, after heightOfString() already wrapped it to measure
 * the row, and it writes every line as eight separate content-stream chunks; in a large report
 * that was most of the time. Here pdfkit's own LineWrapper breaks the cell once (so the breaks
 * are pdfkit's, exactly), and the lines are written the way pdfkit's _fragment writes them, as one
 * chunk per cell. The content stream is byte for byte what doc.text() wrote, so issued reports
 * (v2 and v3 snapshots share these primitives) re-render to the same bytes; render-report.test.ts
 * pins their hashes.
 *
 * Covers what tables use: left or right alignment, one column, no word or character spacing, no
 * link, no features, and a cell that fits its height (the row is at least as tall as the cell). A
 * glyph with an offset (a combining mark) falls back to pdfkit's own _fragment for that line.
 */
import type { Doc } from "./pdf-layout";

interface WrappedLine {
  text: string;
  textWidth: number;
  wordCount: number;
  lineWidth: number;
}

/** A cell's lines as pdfkit breaks them, and the height heightOfString() gives for it. */
export interface WrappedCell {
  lines: WrappedLine[];
  height: number;
  lineGap: number;
}

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface EmbeddedFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], Position[]];
  ref(): unknown;
}
/** The parts of pdfkit's document this file uses that its typings do not declare. */
interface Internals {
  x: number;
  y: number;
  _font: EmbeddedFont;
  _fontSize: number;
  _lineGap: number;
  page: { height: number; fonts: Record<string, unknown> };
  _text(text: string, x: number, y: number, options: object, line: (text: string, options: { textWidth: number; wordCount: number; lineWidth: number }) => void): unknown;
  _fragment(text: string, x: number, y: number, options: object): void;
  addContent(data: string): unknown;
  currentLineHeight(includeGap?: boolean): number;
  widthOfString(text: string): number;
}
const internals = (doc: Doc) => doc as unknown as Internals;

/** pdfkit's number formatting in content streams (PDFObject.number). */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * `text` wrapped to `width` in the current font and size: what heightOfString(text, { width,
 * lineGap }) computes (the same call into pdfkit, the same arithmetic), keeping the lines.
 */
export function wrapCell(doc: Doc, text: string, width: number, lineGap: number): WrappedCell {
  const d = internals(doc);
  const { x, y } = d;
  const gapUsed = lineGap || d._lineGap || 0;
  const lines: WrappedLine[] = [];
  d._text(text, x, y, { width, lineGap, height: Infinity }, (line, o) => {
    lines.push({ text: line, textWidth: o.textWidth, wordCount: o.wordCount, lineWidth: o.lineWidth });
    d.y += d.currentLineHeight(true) + gapUsed;
  });
  const height = d.y - y;
  d.x = x;
  d.y = y;
  return { lines, height, lineGap: gapUsed };
}

/** Per document font (each document has its own subset), each line's TJ operator; null: needs pdfkit's path. */
const operators = new WeakMap<EmbeddedFont, Map<string, string | null>>();

/** The TJ operator _fragment writes for `text` (same glyphs, in the same order into the subset). */
function textOperator(font: EmbeddedFont, text: string): string | null {
  let known = operators.get(font);
  if (!known) operators.set(font, (known = new Map()));
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  const [encoded, positions] = font.encode(text);
  let operator: string | null = null;
  if (!positions.some((p) => p.xOffset || p.yOffset)) {
    const commands: string[] = [];
    let last = 0;
    const addSegment = (cur: number) => {
      if (last < cur) {
        const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
        commands.push(`<${encoded.slice(last, cur).join("")}> ${num(-advance)}`);
      }
      last = cur;
    };
    for (let i = 0; i < positions.length; i++) if (positions[i]!.xAdvance - positions[i]!.advanceWidth !== 0) addSegment(i + 1);
    addSegment(positions.length);
    operator = commands.length > 0 ? `[${commands.join(" ")}] TJ\n` : "";
  }
  known.set(text, operator);
  return operator;
}

/**
 * Draws a wrapped cell at (x, y) in the current font, size and colour, as doc.text(text, x, y,
 * { width, height, lineGap, align }) would for a cell no taller than `height`. Leaves doc.x at x
 * and doc.y under the last line, as doc.text() does.
 */
export function drawCell(doc: Doc, cell: WrappedCell, x: number, y: number, align: "left" | "right") {
  const d = internals(doc);
  const font = d._font;
  const size = d._fontSize;
  const step = d.currentLineHeight(true) + cell.lineGap;
  const pageHeight = d.page.height;
  const dy = (font.ascender / 1000) * size;
  const head = `q\n1 0 0 -1 0 ${num(pageHeight)} cm\nBT\n`;
  const tail = `/${font.id} ${num(size)} Tf\n`;
  let out = "";
  let lineY = y;
  d.x = x;
  for (const line of cell.lines) {
    const text = line.text.replace(/\n/g, "");
    if (text.length > 0) {
      if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
      let lineX = x;
      if (align === "right") lineX += line.lineWidth - d.widthOfString(text.replace(/\s+$/, ""));
      const operator = textOperator(font, text);
      if (operator === null) {
        if (out) d.addContent(out.slice(0, -1));
        out = "";
        d._fragment(text, x, lineY, { width: line.lineWidth, align, lineWidth: line.lineWidth, textWidth: line.textWidth, wordCount: line.wordCount });
      } else {
        out += `${head}1 0 0 1 ${num(lineX)} ${num(pageHeight - lineY - dy)} Tm\n${tail}${operator}ET\nQ\n`;
      }
    }
    lineY += step;
  }
  // One chunk: pdfkit ends every chunk with "\n", so this is the same bytes as one per operator.
  if (out) d.addContent(out.slice(0, -1));
  d.x = x;
  d.y = lineY;
}
