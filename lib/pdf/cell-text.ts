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
/** The same document type as pdf-layout.ts names Doc (PDFKit's own), taken here directly: pdf-layout imports this file. */
type Doc = PDFKit.PDFDocument;

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
  name: string;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  layout(text: string): { glyphs: Glyph[]; positions: Position[] };
  ref(): unknown;
}
/** The parts of pdfkit's document this file uses that its typings do not declare. */
interface Internals {
  x: number;
  y: number;
  _font: EmbeddedFont;
  _fontSize: number;
  _wrapper: unknown;
  _lineGap: number;
  page: { height: number; fonts: Record<string, unknown>; maxY(): number };
  _text(text: string, x: number, y: number, options: object, line: (text: string, options: { textWidth: number; wordCount: number; lineWidth: number }) => void): unknown;
  _fragment(text: string, x: number, y: number, options: object): void;
  addContent(data: string | Uint8Array): unknown;
  currentLineHeight(includeGap?: boolean): number;
  widthOfString(text: string): number;
}
const internals = (doc: Doc) => doc as unknown as Internals;

type Align = "left" | "right" | "center";

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

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/**
 * A line's glyphs and the TJ array's segments (where kerning moves a glyph, and by how much),
 * shared across documents: they depend on the face and the text only. null: a glyph has an offset
 * (a combining mark), which only pdfkit's own _fragment positions.
 */
interface Shape {
  glyphs: Glyph[];
  segments: Array<{ end: number; advance: string }>;
}
// Per face, then text: a text's hash is computed once per string, a composed key's on every lookup.
const shapes = new Map<string, Map<string, Shape | null>>();
let shapeCount = 0;

function shapeOf(font: EmbeddedFont, text: string): Shape | null {
  let byText = shapes.get(font.name);
  if (!byText) shapes.set(font.name, (byText = new Map()));
  const known = byText.get(text);
  if (known !== undefined) return known;
  const { glyphs, positions } = font.layout(text);
  let shape: Shape | null = null;
  if (!positions.some((p) => p.xOffset || p.yOffset)) {
    const segments: Shape["segments"] = [];
    let last = 0;
    // _fragment's addSegment: a segment ends after each glyph whose advance kerning changed, and at the end.
    const addSegment = (cur: number) => {
      if (last < cur) segments.push({ end: cur, advance: String(num(-(positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth))) });
      last = cur;
    };
    for (let i = 0; i < positions.length; i++) if (positions[i]!.xAdvance - positions[i]!.advanceWidth !== 0) addSegment(i + 1);
    addSegment(positions.length);
    shape = { glyphs, segments };
  }
  if (++shapeCount > 50_000) {
    shapes.clear();
    shapeCount = 1;
    shapes.set(font.name, (byText = new Map()));
  }
  byText.set(text, shape);
  return shape;
}

/** Per document font (each document embeds its own subset): glyph id → its 4-digit hex code in the subset, and line → TJ operator. */
const subsets = new WeakMap<EmbeddedFont, { hex: Map<number, string>; operators: Map<string, string | null> }>();

/**
 * The TJ operator _fragment writes for `text`, or null where pdfkit must draw the line. Glyphs
 * enter the document's subset in the order pdfkit's encode() would add them, with the same
 * widths and code points, so the embedded subset is unchanged too.
 */
function textOperator(font: EmbeddedFont, text: string): string | null {
  let subset = subsets.get(font);
  if (!subset) subsets.set(font, (subset = { hex: new Map(), operators: new Map() }));
  const cached = subset.operators.get(text);
  if (cached !== undefined) return cached;
  const shape = shapeOf(font, text);
  let operator: string | null = null;
  if (shape) {
    const codes = shape.glyphs.map((glyph) => {
      let code = subset.hex.get(glyph.id);
      if (code === undefined) {
        const gid = font.subset.includeGlyph(glyph.id);
        code = `0000${gid.toString(16)}`.slice(-4);
        if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
        if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
        subset.hex.set(glyph.id, code);
      }
      return code;
    });
    let start = 0;
    const commands = shape.segments.map(({ end, advance }) => {
      const command = `<${codes.slice(start, end).join("")}> ${advance}`;
      start = end;
      return command;
    });
    operator = commands.length > 0 ? `[${commands.join(" ")}] TJ\n` : "";
  }
  subset.operators.set(text, operator);
  return operator;
}

/**
 * Draws a wrapped cell at (x, y) in the current font, size and colour, as doc.text(text, x, y,
 * { width, height, lineGap, align }) would for a cell no taller than `height`. Leaves doc.x at x
 * and doc.y under the last line, as doc.text() does.
 */
export function drawCell(doc: Doc, cell: WrappedCell, x: number, y: number, align: Align) {
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
      else if (align === "center") lineX += line.lineWidth / 2 - line.textWidth / 2;
      const operator = textOperator(font, text);
      if (operator === null) {
        if (out) d.addContent(Buffer.from(out, "latin1"));
        out = "";
        d._fragment(text, x, lineY, { width: line.lineWidth, align, lineWidth: line.lineWidth, textWidth: line.textWidth, wordCount: line.wordCount });
      } else {
        out += `${head}1 0 0 1 ${num(lineX)} ${num(pageHeight - lineY - dy)} Tm\n${tail}${operator}ET\nQ\n`;
      }
    }
    lineY += step;
  }
  // One chunk, as bytes (pdfkit would add the "\n" to a string): the same bytes as one chunk per operator.
  if (out) d.addContent(Buffer.from(out, "latin1"));
  d.x = x;
  d.y = lineY;
}

/**
 * `text` wrapped to `width` in the current font and size, remembered across documents (issue 17:
 * the same answers, clauses, audit rows and running headers come back in report after report).
 * The key holds everything the wrapping depends on. `height` is the one measured the first time
 * (tables always used that one); heightAt() gives it for the current position. Bounded.
 */
// Keyed level by level (face, size, width, line gap, then text): numbers and an existing string
// hash cheaply, where one composed string key would be built and hashed on every lookup.
type Level<T> = Map<string | number, T>;
const wrappedTexts: Level<Level<Level<Level<Level<WrappedCell>>>>> = new Map();
let wrappedCount = 0;
const level = <T>(map: Level<Level<T>>, key: string | number) => {
  let next = map.get(key);
  if (!next) map.set(key, (next = new Map()));
  return next;
};
export function wrappedText(doc: Doc, text: string, width: number, lineGap: number): WrappedCell {
  const d = internals(doc);
  const byText = level(level(level(level(wrappedTexts, d._font.name), d._fontSize), width), lineGap);
  const known = byText.get(text);
  if (known !== undefined) return known;
  const cell = wrapCell(doc, text, width, lineGap);
  if (++wrappedCount > 20_000) {
    wrappedTexts.clear();
    wrappedCount = 0;
    return cell;
  }
  byText.set(text, cell);
  return cell;
}

/** What heightOfString() returns for the cell at doc.y: the same additions, in the same order. */
export function heightAt(doc: Doc, cell: WrappedCell) {
  const d = internals(doc);
  const step = d.currentLineHeight(true) + cell.lineGap;
  let y = d.y;
  for (let i = 0; i < cell.lines.length; i++) y += step;
  return y - d.y;
}

/**
 * doc.text(text, x, y, { width, lineGap, align }) for text that is not continued: drawn from the
 * remembered lines when pdfkit could not break the page anywhere in it, by pdfkit itself
 * otherwise (near the bottom of a page, where it may continue the text on the next).
 */
export function textAt(doc: Doc, text: string, x: number, y: number, options: { width: number; lineGap?: number; align?: Align }) {
  const d = internals(doc);
  const lineGap = options.lineGap ?? 0;
  const cell = wrappedText(doc, text, options.width, lineGap);
  const step = d.currentLineHeight(true) + (lineGap || d._lineGap || 0);
  // Room for one line more than the text has: after a line that ends in a newline pdfkit checks
  // whether the next would fit, even when none follows. 0.01 pt keeps clear of its float32 rounding.
  const below = y + cell.lines.length * step + d.currentLineHeight(true);
  if (d._wrapper || cell.lines.length === 0 || below > d.page.maxY() - 0.01) {
    doc.text(text, x, y, options);
    return;
  }
  drawCell(doc, cell, x, y, options.align ?? "left");
}
