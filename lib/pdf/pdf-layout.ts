/**
 * Drawing primitives for the risk reports: fonts, text blocks, tables that repeat their header
 * row across pages, the score gauge and bars, the running header and footer. Deterministic: no
 * clock, no randomness. Pure: they draw on the document they are given and read nothing else.
 */
import path from "node:path";
import PDFDocument from "pdfkit";
import { drawCell, heightAt, textAt, wrappedText } from "./cell-text";
import type { Tier } from "./report-data";
export type Doc = PDFKit.PDFDocument;

// Resolved from the working directory (the repo root), not from this module: Next bundles server
// code, so the module's own location says nothing about where node_modules is.
export const FONT_DIR = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
export const REGULAR_PATH = path.join(FONT_DIR, "DejaVuSans.ttf");
export const BOLD_PATH = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");
/** Font names, registered on every document with the faces parsed once per process. */
export const FONT = { regular: "Vetta-Regular", bold: "Vetta-Bold" } as const;

/**
 * The two DejaVu faces, parsed once per process (issue 17: parsing a 700 KB TrueType font for every
 * report was most of a small report's time). pdfkit accepts a parsed font wherever it takes a file;
 * we get the parsed font from pdfkit itself (a probe document), so the font library stays pdfkit's.
 * Each document still embeds its own subset of the glyphs it used.
 */
let faces: { regular: unknown; bold: unknown } | null = null;
function parsedFaces() {
  if (!faces) {
    const probe = (path: string) => (new PDFDocument({ autoFirstPage: false, font: path }) as unknown as { _font: { font: unknown } })._font.font;
    faces = { regular: probe(REGULAR_PATH), bold: probe(BOLD_PATH) };
  }
  return faces;
}

/**
 * Text measurements shared across documents, per face: pdfkit lays out each word once per
 * document and keeps the result in the font's layoutCache (already scaled to 1000 units; the
 * subset is filled when text is drawn, not when measured), so documents with the same face can
 * share it. Replaced after a while so a long-running server's cache stays bounded.
 */
const LAYOUT_CACHE_DOCS = 500;
let layoutCaches = { regular: Object.create(null) as object, bold: Object.create(null) as object, docs: 0 };

export const COLOR = {
  text: "#111827",
  muted: "#4b5563",
  faint: "#6b7280",
  rule: "#d1d5db",
  rowRule: "#e5e7eb",
  headerFill: "#f3f4f6",
  track: "#e5e7eb",
  white: "#ffffff",
} as const;

export const TIER_COLOR: Record<Tier, string> = { LOW: "#15803d", MEDIUM: "#b45309", HIGH: "#c2410c", CRITICAL: "#b91c1c" };

/** The colour of a 0–100 part score, on the same thresholds as the tiers (80 and 60). */
export const scoreColor = (score: number) => (score >= 80 ? TIER_COLOR.LOW : score >= 60 ? TIER_COLOR.MEDIUM : TIER_COLOR.HIGH);

export const MARGINS = { top: 66, bottom: 56, left: 50, right: 50 };

/** Control characters other than newlines would render as missing glyphs (or break the layout). */
export const clean = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ");

/** A placeholder for values that are not recorded. */
export const orDash = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === "" ? "—" : value);

export function createDocument(info: PDFKit.DocumentInfo): Doc {
  // No default font (null, not undefined: pdfkit would open its built-in Helvetica); DejaVu Sans is
  // selected below, so the regular face is F1 and the bold F2, as they always were (same bytes).
  const doc = new PDFDocument({ size: "A4", margins: MARGINS, bufferPages: true, compress: true, font: null as unknown as string, info, pdfVersion: "1.7" });
  const { regular, bold } = parsedFaces();
  doc.registerFont(FONT.regular, regular as Buffer);
  doc.registerFont(FONT.bold, bold as Buffer);
  if (++layoutCaches.docs > LAYOUT_CACHE_DOCS) layoutCaches = { regular: Object.create(null) as object, bold: Object.create(null) as object, docs: 1 };
  style(doc, {});
  return doc;
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

export interface Style {
  size?: number;
  bold?: boolean;
  color?: string;
}

/**
 * What doc.fillColor("#rrggbb") writes into the page's content stream, per colour: pdfkit parses
 * the colour and formats it again on every call, and a table sets a colour for every cell.
 */
const colorOperators = { fill: new Map<string, string>(), stroke: new Map<string, string>() };
/** pdfkit's _setColorCore for "#rrggbb", to the character: the colour space, then the 0–1 components. */
function colorOperator(color: string, stroke: boolean) {
  const known = (stroke ? colorOperators.stroke : colorOperators.fill).get(color);
  if (known !== undefined) return known;
  const hex = parseInt(color.slice(1), 16);
  const components = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255);
  const operator = stroke ? `/DeviceRGB CS\n${components.join(" ")} SCN\n` : `/DeviceRGB cs\n${components.join(" ")} scn\n`;
  (stroke ? colorOperators.stroke : colorOperators.fill).set(color, operator);
  return operator;
}
const isHex = (color: string) => /^#[0-9a-f]{6}$/i.test(color);
const fillBytes = new Map<string, Uint8Array>();
function setFill(doc: Doc, color: string) {
  let operator = fillBytes.get(color);
  if (!operator) {
    if (!isHex(color)) return void doc.fillColor(color);
    operator = Buffer.from(colorOperator(color, false), "latin1");
    fillBytes.set(color, operator);
  }
  doc.addContent(operator);
  // What fillColor(color) leaves behind (no opacity given: no graphics state written).
  (doc as unknown as { _fillColor: unknown })._fillColor = [color, undefined];
}

/**
 * A horizontal rule, as doc.save().moveTo().lineTo().lineWidth().strokeColor().stroke().restore()
 * writes it, in one chunk: a table draws one under every row.
 */
function ruleLine(doc: Doc, x0: number, x1: number, y: number, width: number, color: string) {
  if (!isHex(color)) return void doc.save().moveTo(x0, y).lineTo(x1, y).lineWidth(width).strokeColor(color).stroke().restore();
  const n = (v: number) => Math.round(v * 1e6) / 1e6; // pdfkit's PDFObject.number
  doc.addContent(Buffer.from(`q\n${n(x0)} ${n(y)} m\n${n(x1)} ${n(y)} l\n${n(width)} w\n${colorOperator(color, true)}S\nQ\n`, "latin1"));
}

export function style(doc: Doc, { size = 10, bold = false, color = COLOR.text }: Style) {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
  setFill(doc, color);
  const font = (doc as unknown as { _font: EmbeddedFont })._font;
  const shared = bold ? layoutCaches.bold : layoutCaches.regular;
  if (font.layoutCache !== shared) {
    font.layoutCache = shared;
    shareSubsetFiles(font);
  }
}

interface EmbeddedFont {
  name: string;
  layoutCache?: object;
  subset: { glyphs: number[]; encode(): Uint8Array; shared?: true };
}
/**
 * The embedded font file of a subset, per face and glyph list (issue 17): fontkit rebuilds the
 * TrueType tables glyph by glyph for every document, and the file depends on nothing but the face
 * and the glyphs in their order, so a report rendered again (every download re-renders its
 * snapshot) reuses it. Bounded: the files are tens of kilobytes.
 */
const subsetFiles = new Map<string, Uint8Array>();
function shareSubsetFiles(font: EmbeddedFont) {
  const subset = font.subset;
  if (subset.shared) return;
  subset.shared = true;
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${font.name}|${subset.glyphs.join(",")}`;
    let file = subsetFiles.get(key);
    if (!file) {
      file = encode();
      if (subsetFiles.size >= 64) subsetFiles.clear();
      subsetFiles.set(key, file);
    }
    return file;
  };
}

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

export function newPage(doc: Doc) {
  doc.addPage();
  doc.x = left(doc);
  doc.y = doc.page.margins.top;
}

/** Starts a new page unless `height` more points fit above the bottom margin. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) newPage(doc);
}

export function gap(doc: Doc, points: number) {
  doc.y = Math.min(doc.y + points, bottom(doc));
}

/** A section heading, kept with at least `keep` points of what follows it. */
export function heading(doc: Doc, text: string, keep = 80) {
  ensureSpace(doc, 40 + keep);
  if (doc.y > doc.page.margins.top) gap(doc, 14);
  style(doc, { size: 15, bold: true });
  textAt(doc, clean(text), left(doc), doc.y, { width: contentWidth(doc) });
  const y = doc.y + 3;
  doc.save().moveTo(left(doc), y).lineTo(left(doc) + contentWidth(doc), y).lineWidth(0.75).strokeColor(COLOR.rule).stroke().restore();
  doc.y = y + 8;
}

export function subheading(doc: Doc, text: string, keep = 50) {
  ensureSpace(doc, 20 + keep);
  gap(doc, 6);
  style(doc, { size: 11, bold: true });
  textAt(doc, clean(text), left(doc), doc.y, { width: contentWidth(doc) });
  gap(doc, 4);
}

/** Running text: flows onto the next page when it must. */
export function paragraph(doc: Doc, text: string, s: Style = {}) {
  style(doc, { size: 9.5, ...s });
  ensureSpace(doc, doc.currentLineHeight(true) + 2);
  textAt(doc, clean(text), left(doc), doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  gap(doc, 4);
}

/**
 * One line of text, shrunk (down to `minSize`) until it fits the width so that it stays a single
 * text run: a hash or URL that wraps would come out in two pieces for anyone extracting the text.
 */
export function fittedLine(doc: Doc, text: string, s: Style & { minSize?: number; link?: string } = {}) {
  const t = clean(text);
  const width = contentWidth(doc);
  let size = s.size ?? 10;
  style(doc, { ...s, size });
  while (size > (s.minSize ?? 6) && doc.widthOfString(t) > width) {
    size -= 0.25;
    doc.fontSize(size);
  }
  ensureSpace(doc, doc.heightOfString(t, { width }) + 2);
  doc.text(t, left(doc), doc.y, { width, ...(s.link ? { link: s.link } : {}) });
  gap(doc, 3);
}

/** Label/value pairs in two columns; values wrap (and flow onto the next page if they must). */
export function fields(doc: Doc, rows: Array<[string, string]>, labelWidth = 150) {
  const x = left(doc);
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const [label, value] of rows) {
    style(doc, { size: 9.5 });
    const h = Math.max(heightAt(doc, wrappedText(doc, clean(value) || " ", valueWidth, 1)), doc.currentLineHeight(true));
    ensureSpace(doc, Math.min(h, bottom(doc) - doc.page.margins.top - 10) + 3);
    const y = doc.y;
    style(doc, { size: 9.5, bold: true, color: COLOR.muted });
    textAt(doc, clean(label), x, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    style(doc, { size: 9.5 });
    textAt(doc, clean(value) || " ", x + labelWidth, y, { width: valueWidth, lineGap: 1 });
    // A value that flowed onto a new page leaves doc.y there; otherwise take the taller column.
    if (doc.y >= y) doc.y = Math.max(doc.y, afterLabel);
    gap(doc, 3);
  }
}

/** `text` on one line, cut with "…" to fit `width`. */
export function truncateToWidth(doc: Doc, text: string, width: number) {
  let t = clean(text).replace(/\n/g, " ");
  if (doc.widthOfString(t) <= width) return t;
  while (t.length > 0 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

export type Cell = string | { text: string; color?: string; bold?: boolean };
export interface Column {
  header: string;
  /** Relative width: the columns share the content width in proportion. */
  width: number;
  align?: "left" | "right";
}

export const CELL_PAD_X = 4;
export const CELL_PAD_Y = 3.5;
export const TABLE_SIZE = 8.5;
export const TABLE_LINE_GAP = 1;

/**
 * The width of a cell's widest word of 4 characters or more (0 if none), in the current font at
 * TABLE_SIZE; remembered across documents like the wrapped cells below. Bounded.
 */
const widestWords = { r: new Map<string, number>(), b: new Map<string, number>() };
function widestWord(doc: Doc, text: string, bold: boolean) {
  const byText = bold ? widestWords.b : widestWords.r;
  const known = byText.get(text);
  if (known !== undefined) return known;
  let widest = 0;
  for (const word of clean(text).split(/\s+/)) if (word.length >= 4) widest = Math.max(widest, doc.widthOfString(word));
  if (byText.size >= 20_000) byText.clear();
  byText.set(text, widest);
  return widest;
}

/**
 * Column widths: in proportion to the columns' relative widths, except that a column is widened
 * (taking from the others) so that its longest word fits unbroken, e.g. a date or "CRITICAL".
 */
export function columnWidths(doc: Doc, columns: Column[], cellsByColumn: Array<Array<{ text: string; bold?: boolean }>>) {
  const total = contentWidth(doc);
  const longestWord = (cells: Array<{ text: string; bold?: boolean }>) => {
    let widest = 0;
    for (const cell of cells) {
      style(doc, { size: TABLE_SIZE, bold: cell.bold });
      widest = Math.max(widest, widestWord(doc, cell.text, cell.bold === true));
    }
    return widest;
  };
  // A word longer than a third of the page wraps anyway; it must not squeeze the other columns.
  const minimum = cellsByColumn.map((cells) => Math.min(longestWord(cells) + 2 * CELL_PAD_X + 1, total / 3));
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (let round = 0; round <= columns.length; round++) {
    const fixedWidth = [...fixed].reduce((sum, i) => sum + minimum[i]!, 0);
    const share = columns.reduce((sum, c, i) => (fixed.has(i) ? sum : sum + c.width), 0);
    widths = columns.map((c, i) => (fixed.has(i) ? minimum[i]! : ((total - fixedWidth) * c.width) / share));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < minimum[i]!);
    if (short === -1) break;
    fixed.add(short);
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  return sum > total ? widths.map((w) => (w * total) / sum) : widths;
}

/** `text` cut (at a word where it can) and ended with "…" so that it is at most `maxHeight` tall. */
export function cutToHeight(doc: Doc, text: string, width: number, maxHeight: number, lineGap = TABLE_LINE_GAP) {
  const fits = (t: string) => doc.heightOfString(`${t}…`, { width, lineGap }) <= maxHeight;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid).trimEnd())) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  const space = cut.lastIndexOf(" ");
  if (lo < text.length && space > lo * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** `text` in the current font, cut with "…" to at most `lines` lines. */
export function cutToLines(doc: Doc, text: string, width: number, lines: number, lineGap = 2) {
  const t = clean(text);
  const maxHeight = lines * (doc.currentLineHeight(true) + lineGap) + 0.5;
  return doc.heightOfString(t, { width, lineGap }) <= maxHeight ? t : cutToHeight(doc, t, width, maxHeight, lineGap);
}

/**
 * A table: an optional title (kept with the table's start), a shaded header row, wrapped cells, a
 * rule under each row. A row that does not fit on the page moves to the next one, where the
 * header row is drawn again; rows are never split, and a row taller than a whole page is cut short
 * with "…".
 */
export function table(doc: Doc, columns: Column[], rows: Cell[][], options: { title?: string } = {}) {
  const x0 = left(doc);
  const cells = rows.map((row) => columns.map((_, i) => {
    const cell = row[i] ?? "";
    const c = typeof cell === "string" ? { text: cell } : cell;
    return { ...c, text: clean(c.text) || " " };
  }));
  const header = columns.map((c) => ({ text: clean(c.header), bold: true }));
  const widths = columnWidths(doc, columns, columns.map((_, i) => [header[i]!, ...cells.map((r) => r[i]!)]));
  const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const textWidth = (i: number) => widths[i]! - 2 * CELL_PAD_X;
  const wrapped = (cell: { text: string; bold?: boolean }, i: number) => {
    style(doc, { size: TABLE_SIZE, bold: cell.bold });
    return wrappedText(doc, cell.text, textWidth(i), TABLE_LINE_GAP);
  };
  const heightOf = (cell: { text: string; bold?: boolean }, i: number) => wrapped(cell, i).height;

  const headerHeight = Math.max(...header.map(heightOf)) + 2 * CELL_PAD_Y;
  style(doc, { size: 11, bold: true });
  const titleHeight = options.title ? doc.heightOfString(clean(options.title), { width: contentWidth(doc) }) + 10 : 0;
  // The most a row may take: what a fresh page holds under the title and header row.
  const room = bottom(doc) - doc.page.margins.top - titleHeight - headerHeight;
  const heights = cells.map((row) => {
    const natural = Math.max(...row.map(heightOf)) + 2 * CELL_PAD_Y;
    if (natural <= room) return natural;
    row.forEach((cell, i) => {
      if (heightOf(cell, i) > room - 2 * CELL_PAD_Y) cell.text = cutToHeight(doc, cell.text, textWidth(i), room - 2 * CELL_PAD_Y);
    });
    return room;
  });

  const drawRow = (row: Array<{ text: string; bold?: boolean; color?: string }>, height: number, isHeader: boolean) => {
    const y = doc.y;
    const w = contentWidth(doc);
    if (isHeader) doc.save().rect(x0, y, w, height).fill(COLOR.headerFill).restore();
    row.forEach((cell, i) => {
      style(doc, { size: TABLE_SIZE, bold: cell.bold, color: isHeader ? COLOR.muted : (cell.color ?? COLOR.text) });
      const lines = wrappedText(doc, cell.text, textWidth(i), TABLE_LINE_GAP);
      const boxHeight = height - 2 * CELL_PAD_Y + 0.5;
      // The row is at least as tall as each of its cells (cut ones included), so the lines measured
      // are the lines doc.text() would draw; drawCell writes them without wrapping again.
      if (lines.height + 0.5 <= boxHeight) drawCell(doc, lines, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, columns[i]!.align ?? "left");
      // A fixed height keeps pdfkit from ever continuing a cell on a new page.
      else doc.text(cell.text, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, { width: textWidth(i), height: boxHeight, lineGap: TABLE_LINE_GAP, align: columns[i]!.align ?? "left" });
    });
    ruleLine(doc, x0, x0 + w, y + height, isHeader ? 0.75 : 0.4, isHeader ? COLOR.rule : COLOR.rowRule);
    doc.x = x0;
    doc.y = y + height;
  };

  // The title, header row and first row go on the same page.
  ensureSpace(doc, titleHeight + headerHeight + (heights[0] ?? 0));
  if (options.title) subheading(doc, options.title, 0);
  drawRow(header, headerHeight, true);
  cells.forEach((row, i) => {
    const h = heights[i]!;
    if (doc.y + h > bottom(doc)) {
      newPage(doc);
      drawRow(header, headerHeight, true);
    }
    drawRow(row, h, false);
  });
  gap(doc, 8);
}

/** At most 2 decimals, for coordinates written into an SVG path. */
export const r2 = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/**
 * The score gauge: a semicircular track, the arc filled in proportion to the score in the tier's
 * colour, a needle at the score, the number in the middle and the tier word under it.
 */
export function gauge(doc: Doc, cx: number, cy: number, radius: number, score: number, tier: Tier) {
  const fraction = Math.max(0, Math.min(100, score)) / 100;
  const thickness = radius * 0.2;
  const color = TIER_COLOR[tier];
  const at = (r: number, f: number) => {
    const angle = Math.PI * (1 - f);
    return { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
  };
  const arc = (f: number) => {
    const end = at(radius, f);
    return `M ${r2(cx - radius)} ${r2(cy)} A ${r2(radius)} ${r2(radius)} 0 0 1 ${r2(end.x)} ${r2(end.y)}`;
  };
  doc.save();
  doc.lineCap("butt").lineWidth(thickness);
  doc.path(arc(1)).strokeColor(COLOR.track).stroke();
  if (fraction > 0) doc.path(arc(fraction)).strokeColor(color).stroke();
  const tip = at(radius + thickness / 2 + 5, fraction);
  const base = at(radius - thickness / 2 - 5, fraction);
  doc.lineCap("round").lineWidth(2.5).moveTo(base.x, base.y).lineTo(tip.x, tip.y).strokeColor(COLOR.text).stroke();
  doc.restore();

  style(doc, { size: radius * 0.42, bold: true, color });
  doc.text(String(score), cx - radius, cy - doc.currentLineHeight() - 2, { width: radius * 2, align: "center", lineBreak: false });
  style(doc, { size: 8.5, color: COLOR.faint });
  doc.text("0", cx - radius - thickness / 2, cy + thickness / 2 + 3, { width: thickness, align: "center", lineBreak: false });
  doc.text("100", cx + radius - thickness, cy + thickness / 2 + 3, { width: thickness * 2, align: "center", lineBreak: false });
  style(doc, { size: 13, bold: true, color });
  doc.text(tier, cx - radius, cy + 6, { width: radius * 2, align: "center", lineBreak: false });
}

/** A horizontal bar: a grey track filled in proportion to `score` (0–100). */
export function bar(doc: Doc, x: number, y: number, width: number, height: number, score: number, color: string) {
  const filled = (Math.max(0, Math.min(100, score)) / 100) * width;
  doc.save();
  doc.roundedRect(x, y, width, height, height / 2).fill(COLOR.track);
  if (filled > 0) doc.roundedRect(x, y, Math.max(filled, height), height, height / 2).fill(color);
  doc.restore();
}

/** A coloured label with white text (the tier word). */
export function badge(doc: Doc, text: string, x: number, y: number, color: string, size = 10) {
  style(doc, { size, bold: true, color: COLOR.white });
  const w = doc.widthOfString(text) + 12;
  const h = doc.currentLineHeight() + 6;
  doc.save().roundedRect(x, y, w, h, 3).fill(color).restore();
  style(doc, { size, bold: true, color: COLOR.white });
  doc.text(text, x + 6, y + 3, { lineBreak: false });
}

/**
 * The running header (every page but the cover) and footer (every page), drawn once all pages
 * exist so that the footer can say "of M".
 */
export function stampPages(doc: Doc, header: { left: string; right: string }, footerLeft: string, confidentiality?: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margins = { ...doc.page.margins };
    // Writing inside the margins: without this pdfkit would think the page full and add one.
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;
    const x = margins.left;
    const w = contentWidth(doc);
    if (i > start) {
      style(doc, { size: 8.5, color: COLOR.muted });
      const rightText = truncateToWidth(doc, header.right, w * 0.35);
      const rightWidth = doc.widthOfString(rightText);
      const leftWidth = w - rightWidth - 16;
      textAt(doc, truncateToWidth(doc, header.left, leftWidth), x, 30, { width: leftWidth });
      textAt(doc, rightText, x + w - rightWidth - 1, 30, { width: rightWidth + 1 });
      doc.save().moveTo(x, 44).lineTo(x + w, 44).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
    }
    const fy = doc.page.height - 36;
    doc
      .save()
      .moveTo(x, fy - 6)
      .lineTo(x + w, fy - 6)
      .lineWidth(0.5)
      .strokeColor(COLOR.rowRule)
      .stroke()
      .restore();
    style(doc, { size: 8, color: COLOR.faint });
    const pageText = `Page ${i - start + 1} of ${count}`;
    const pageWidth = doc.widthOfString(pageText);
    const footerWidth = w - pageWidth - 16;
    textAt(doc, truncateToWidth(doc, footerLeft, footerWidth), x, fy, { width: footerWidth });
    textAt(doc, pageText, x + w - pageWidth - 1, fy, { width: pageWidth + 1 });
    if (confidentiality) {
      style(doc, { size: 7, color: COLOR.faint });
      textAt(doc, truncateToWidth(doc, confidentiality, w), x, fy + 11, { width: w });
    }
    doc.page.margins.bottom = margins.bottom;
    doc.page.margins.top = margins.top;
  }
}

// ---------------------------------------------------------------------------------------------
// The reports.
// ---------------------------------------------------------------------------------------------

/** "2026-03-14T09:30:00.000Z" → "2026-03-14 09:30 UTC", whatever the server's time zone. */
export function instantWords(iso: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`renderReport: generatedAt is not a valid instant: ${iso}`);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export const list = (items: string[]) => (items.length ? items.join(", ") : "—");
export const num = (n: number) => String(Math.round(n * 100) / 100);
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
