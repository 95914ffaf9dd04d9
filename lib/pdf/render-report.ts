/**
 * Renders a risk report (product or client portfolio) from its plain data to a PDF Buffer.
 * Deterministic: the same data and meta give the same bytes (the creation date is the report's,
 * fonts are embedded from the repo, nothing reads the clock), so a stored snapshot re-renders to
 * the file that was issued.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { PortfolioReportData, ProductReportData, ReportData, ReportMeta, Tier } from "./report-data";

// ---------------------------------------------------------------------------------------------
// Drawing primitives: fonts, text blocks, tables that repeat their header row across pages, the
// score gauge and bars, the running header and footer. Deterministic: no clock, no randomness.
// ---------------------------------------------------------------------------------------------

type Doc = PDFKit.PDFDocument;

// Resolved from the working directory (the repo root), not from this module: Next bundles server
// code, so the module's own location says nothing about where node_modules is.
const FONT_DIR = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
const REGULAR_PATH = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD_PATH = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");
/**
 * Font names. The regular face is the document's default font (the constructor's `font`), and
 * pdfkit caches it under its source path: selecting it by that path reuses the parsed font. (A
 * second registration of the same face would be re-parsed on every switch, as pdfkit only caches
 * a registered font whose PostScript name it has not seen yet: measured 3 s on a large report.)
 */
const FONT = { regular: REGULAR_PATH, bold: "Vetta-Bold" } as const;

/** The bold face, read once per process. */
let boldFont: Buffer | null = null;

const COLOR = {
  text: "#111827",
  muted: "#4b5563",
  faint: "#6b7280",
  rule: "#d1d5db",
  rowRule: "#e5e7eb",
  headerFill: "#f3f4f6",
  track: "#e5e7eb",
  white: "#ffffff",
} as const;

const TIER_COLOR: Record<Tier, string> = { LOW: "#15803d", MEDIUM: "#b45309", HIGH: "#c2410c", CRITICAL: "#b91c1c" };

/** The colour of a 0–100 part score, on the same thresholds as the tiers (80 and 60). */
const scoreColor = (score: number) => (score >= 80 ? TIER_COLOR.LOW : score >= 60 ? TIER_COLOR.MEDIUM : TIER_COLOR.HIGH);

const MARGINS = { top: 66, bottom: 56, left: 50, right: 50 };

/** Control characters other than newlines would render as missing glyphs (or break the layout). */
const clean = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ");

/** A placeholder for values that are not recorded. */
const orDash = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === "" ? "—" : value);

function createDocument(info: PDFKit.DocumentInfo): Doc {
  // `font` makes DejaVu Sans the default font, so pdfkit never opens its built-in Helvetica.
  const doc = new PDFDocument({ size: "A4", margins: MARGINS, bufferPages: true, compress: true, font: REGULAR_PATH, info, pdfVersion: "1.7" });
  boldFont ??= readFileSync(BOLD_PATH);
  doc.registerFont(FONT.bold, boldFont);
  style(doc, {});
  return doc;
}

function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

interface Style {
  size?: number;
  bold?: boolean;
  color?: string;
}

function style(doc: Doc, { size = 10, bold = false, color = COLOR.text }: Style) {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(color);
}

const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function newPage(doc: Doc) {
  doc.addPage();
  doc.x = left(doc);
  doc.y = doc.page.margins.top;
}

/** Starts a new page unless `height` more points fit above the bottom margin. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) newPage(doc);
}

function gap(doc: Doc, points: number) {
  doc.y = Math.min(doc.y + points, bottom(doc));
}

/** A section heading, kept with at least `keep` points of what follows it. */
function heading(doc: Doc, text: string, keep = 80) {
  ensureSpace(doc, 40 + keep);
  if (doc.y > doc.page.margins.top) gap(doc, 14);
  style(doc, { size: 15, bold: true });
  doc.text(clean(text), left(doc), doc.y, { width: contentWidth(doc) });
  const y = doc.y + 3;
  doc.save().moveTo(left(doc), y).lineTo(left(doc) + contentWidth(doc), y).lineWidth(0.75).strokeColor(COLOR.rule).stroke().restore();
  doc.y = y + 8;
}

function subheading(doc: Doc, text: string, keep = 50) {
  ensureSpace(doc, 20 + keep);
  gap(doc, 6);
  style(doc, { size: 11, bold: true });
  doc.text(clean(text), left(doc), doc.y, { width: contentWidth(doc) });
  gap(doc, 4);
}

/** Running text: flows onto the next page when it must. */
function paragraph(doc: Doc, text: string, s: Style = {}) {
  style(doc, { size: 9.5, ...s });
  ensureSpace(doc, doc.currentLineHeight(true) + 2);
  doc.text(clean(text), left(doc), doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  gap(doc, 4);
}

/**
 * One line of text, shrunk (down to `minSize`) until it fits the width so that it stays a single
 * text run: a hash or URL that wraps would come out in two pieces for anyone extracting the text.
 */
function fittedLine(doc: Doc, text: string, s: Style & { minSize?: number; link?: string } = {}) {
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
function fields(doc: Doc, rows: Array<[string, string]>, labelWidth = 150) {
  const x = left(doc);
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const [label, value] of rows) {
    style(doc, { size: 9.5 });
    const h = Math.max(doc.heightOfString(clean(value) || " ", { width: valueWidth, lineGap: 1 }), doc.currentLineHeight(true));
    ensureSpace(doc, Math.min(h, bottom(doc) - doc.page.margins.top - 10) + 3);
    const y = doc.y;
    style(doc, { size: 9.5, bold: true, color: COLOR.muted });
    doc.text(clean(label), x, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    style(doc, { size: 9.5 });
    doc.text(clean(value) || " ", x + labelWidth, y, { width: valueWidth, lineGap: 1 });
    // A value that flowed onto a new page leaves doc.y there; otherwise take the taller column.
    if (doc.y >= y) doc.y = Math.max(doc.y, afterLabel);
    gap(doc, 3);
  }
}

/** `text` on one line, cut with "…" to fit `width`. */
function truncateToWidth(doc: Doc, text: string, width: number) {
  let t = clean(text).replace(/\n/g, " ");
  if (doc.widthOfString(t) <= width) return t;
  while (t.length > 0 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

type Cell = string | { text: string; color?: string; bold?: boolean };
interface Column {
  header: string;
  /** Relative width: the columns share the content width in proportion. */
  width: number;
  align?: "left" | "right";
}

const CELL_PAD_X = 4;
const CELL_PAD_Y = 3.5;
const TABLE_SIZE = 8.5;
const TABLE_LINE_GAP = 1;

/**
 * Column widths: in proportion to the columns' relative widths, except that a column is widened
 * (taking from the others) so that its longest word fits unbroken, e.g. a date or "CRITICAL".
 */
function columnWidths(doc: Doc, columns: Column[], cellsByColumn: Array<Array<{ text: string; bold?: boolean }>>) {
  const total = contentWidth(doc);
  const longestWord = (cells: Array<{ text: string; bold?: boolean }>) => {
    let widest = 0;
    const seen = new Set<string>();
    for (const cell of cells) {
      style(doc, { size: TABLE_SIZE, bold: cell.bold });
      for (const word of clean(cell.text).split(/\s+/)) {
        const key = `${cell.bold ? "b" : "r"}${word}`;
        if (word.length < 4 || seen.has(key)) continue;
        seen.add(key);
        widest = Math.max(widest, doc.widthOfString(word));
      }
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
function cutToHeight(doc: Doc, text: string, width: number, maxHeight: number, lineGap = TABLE_LINE_GAP) {
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
function cutToLines(doc: Doc, text: string, width: number, lines: number, lineGap = 2) {
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
function table(doc: Doc, columns: Column[], rows: Cell[][], options: { title?: string } = {}) {
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
  const heightOf = (cell: { text: string; bold?: boolean }, i: number) => {
    style(doc, { size: TABLE_SIZE, bold: cell.bold });
    return doc.heightOfString(cell.text, { width: textWidth(i), lineGap: TABLE_LINE_GAP });
  };

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
      // A fixed height keeps pdfkit from ever continuing a cell on a new page.
      doc.text(cell.text, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, { width: textWidth(i), height: height - 2 * CELL_PAD_Y + 0.5, lineGap: TABLE_LINE_GAP, align: columns[i]!.align ?? "left" });
    });
    doc
      .save()
      .moveTo(x0, y + height)
      .lineTo(x0 + w, y + height)
      .lineWidth(isHeader ? 0.75 : 0.4)
      .strokeColor(isHeader ? COLOR.rule : COLOR.rowRule)
      .stroke()
      .restore();
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
const r2 = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/**
 * The score gauge: a semicircular track, the arc filled in proportion to the score in the tier's
 * colour, a needle at the score, the number in the middle and the tier word under it.
 */
function gauge(doc: Doc, cx: number, cy: number, radius: number, score: number, tier: Tier) {
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
function bar(doc: Doc, x: number, y: number, width: number, height: number, score: number, color: string) {
  const filled = (Math.max(0, Math.min(100, score)) / 100) * width;
  doc.save();
  doc.roundedRect(x, y, width, height, height / 2).fill(COLOR.track);
  if (filled > 0) doc.roundedRect(x, y, Math.max(filled, height), height, height / 2).fill(color);
  doc.restore();
}

/** A coloured label with white text (the tier word). */
function badge(doc: Doc, text: string, x: number, y: number, color: string, size = 10) {
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
function stampPages(doc: Doc, header: { left: string; right: string }, footerLeft: string) {
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
      doc.text(truncateToWidth(doc, header.left, leftWidth), x, 30, { width: leftWidth, lineBreak: false });
      doc.text(rightText, x + w - rightWidth - 1, 30, { width: rightWidth + 1, lineBreak: false });
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
    doc.text(truncateToWidth(doc, footerLeft, footerWidth), x, fy, { width: footerWidth, lineBreak: false });
    doc.text(pageText, x + w - pageWidth - 1, fy, { width: pageWidth + 1, lineBreak: false });
    doc.page.margins.bottom = margins.bottom;
    doc.page.margins.top = margins.top;
  }
}

// ---------------------------------------------------------------------------------------------
// The reports.
// ---------------------------------------------------------------------------------------------

/** "2026-03-14T09:30:00.000Z" → "2026-03-14 09:30 UTC", whatever the server's time zone. */
function instantWords(iso: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`renderReport: generatedAt is not a valid instant: ${iso}`);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const list = (items: string[]) => (items.length ? items.join(", ") : "—");
const num = (n: number) => String(Math.round(n * 100) / 100);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function renderReport(data: ReportData, meta: ReportMeta): Promise<Buffer> {
  instantWords(meta.generatedAt); // throws unless it is an instant
  const created = new Date(meta.generatedAt);
  const subject = data.kind === "PRODUCT" ? `${data.vendor.name} — ${data.product.name}` : data.client.name;
  const doc = createDocument({
    Title: data.kind === "PRODUCT" ? `AI vendor risk report: ${subject}${data.useCase ? ` for ${data.useCase.clientName}` : ""}` : `Client AI portfolio report: ${subject}`,
    Author: meta.organizationName,
    Subject: data.kind === "PRODUCT" ? "AI vendor risk report" : "Client AI portfolio report",
    Creator: "Vetta",
    Producer: "Vetta",
    CreationDate: created,
    ModDate: created,
    Keywords: `vetta-report:${meta.reportId}`,
  });
  if (data.kind === "PRODUCT") renderProduct(doc, data, meta);
  else renderPortfolio(doc, data, meta);
  verifyBlock(doc, meta);
  stampPages(doc, { left: `Vetta risk report — ${subject}`, right: meta.organizationName }, `Report ${meta.reportId}`);
  return toBuffer(doc);
}

function cover(doc: Doc, title: string, lines: Array<{ text: string; size: number; bold?: boolean; color?: string }>) {
  const x = left(doc);
  const width = contentWidth(doc);
  style(doc, { size: 9, bold: true, color: COLOR.faint });
  doc.text("VETTA", x, 90, { width });
  style(doc, { size: 26, bold: true });
  doc.text(title, x, 110, { width });
  gap(doc, 10);
  for (const line of lines) {
    style(doc, { size: line.size, bold: line.bold, color: line.color });
    // At most three lines each, so the gauge and the footer block keep their places.
    doc.text(cutToLines(doc, line.text, width, 3), x, doc.y, { width, lineGap: 2 });
    gap(doc, 4);
  }
}

function coverFooter(doc: Doc, meta: ReportMeta) {
  const x = left(doc);
  const width = contentWidth(doc);
  doc.y = 660;
  doc.save().moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
  gap(doc, 10);
  style(doc, { size: 10, bold: true });
  doc.text(truncateToWidth(doc, meta.organizationName, width), x, doc.y, { width });
  gap(doc, 3);
  style(doc, { size: 9.5, color: COLOR.muted });
  doc.text(truncateToWidth(doc, `Generated ${instantWords(meta.generatedAt)} by ${meta.generatedBy}`, width), x, doc.y, { width });
  gap(doc, 2);
  doc.text(`Report ID ${meta.reportId}`, x, doc.y, { width });
}

function renderProduct(doc: Doc, data: ProductReportData, meta: ReportMeta) {
  const { score } = data;
  cover(doc, "AI vendor risk report", [
    { text: data.vendor.name, size: 18, bold: true },
    { text: data.product.name, size: 15 },
    ...(data.vendor.website ? [{ text: data.vendor.website, size: 9.5, color: COLOR.faint }] : []),
    ...(data.useCase
      ? [
          { text: `For ${data.useCase.clientName}`, size: 12, bold: true },
          { text: `Use case: ${data.useCase.purpose}`, size: 10.5, color: COLOR.muted },
        ]
      : []),
  ]);
  const cx = doc.page.width / 2;
  const gaugeY = Math.min(Math.max(doc.y + 130, 420), 560);
  gauge(doc, cx, gaugeY, 95, score.score, score.tier);
  style(doc, { size: 10, color: COLOR.muted });
  doc.text(cutToLines(doc, score.tierReason, contentWidth(doc), 3), left(doc), gaugeY + 34, { width: contentWidth(doc), align: "center", lineGap: 2 });
  coverFooter(doc, meta);

  newPage(doc);
  heading(doc, "Executive summary");
  style(doc, { size: 22, bold: true, color: TIER_COLOR[score.tier] });
  const y = doc.y;
  const scoreText = `${score.score} / 100`;
  doc.text(scoreText, left(doc), y, { lineBreak: false });
  const scoreWidth = doc.widthOfString(scoreText);
  const lineHeight = doc.currentLineHeight();
  badge(doc, score.tier, left(doc) + scoreWidth + 14, y + (lineHeight - 20) / 2 + 1, TIER_COLOR[score.tier]);
  doc.y = y + lineHeight + 6;
  paragraph(doc, score.tierReason, { size: 10.5 });
  paragraph(doc, `Scoring model version ${score.modelVersion}. A red flag sets the tier whatever the score.`, { size: 8.5, color: COLOR.faint });

  subheading(doc, "Score parts");
  const totalWeight = score.parts.reduce((sum, p) => sum + p.weight, 0);
  for (const part of score.parts) {
    const x = left(doc);
    const py = doc.y;
    style(doc, { size: 9.5, bold: true });
    doc.text(truncateToWidth(doc, part.label, 128), x, py, { width: 130, lineBreak: false });
    bar(doc, x + 135, py + 2, 220, 9, part.score, scoreColor(part.score));
    style(doc, { size: 9.5, color: COLOR.muted });
    const weight = totalWeight === 0 ? 0 : Math.round((part.weight / totalWeight) * 100);
    doc.text(`${part.score}/100, weight ${weight}%`, x + 365, py, { width: contentWidth(doc) - 365, lineBreak: false });
    doc.y = py + 18;
  }

  subheading(doc, "Product");
  fields(doc, [
    ["Plan or tier", orDash(data.product.tier)],
    ["Retention", orDash(data.product.retention)],
    ["Trains on customer data", orDash(data.product.trainingOnCustomerData)],
    ["Encryption", orDash(data.product.encryption)],
  ]);

  subheading(doc, "Decision");
  if (data.decision) {
    const d = data.decision;
    fields(doc, [
      ["Outcome", d.outcome],
      ["Decided by", d.decidedBy],
      ["Decided at", d.decidedAt],
      ["Justification", orDash(d.justification)],
    ]);
    if (d.conditions.length) {
      table(
        doc,
        [
          { header: "Condition", width: 6 },
          { header: "Due", width: 1.6 },
          { header: "State", width: 1.2 },
        ],
        d.conditions.map((c) => [c.text, c.dueOn ?? "No due date", c.met ? { text: "Met", color: TIER_COLOR.LOW } : { text: "Open", bold: true }]),
      );
    }
  } else paragraph(doc, "No decision recorded.", { color: COLOR.muted });

  if (data.useCase) {
    const u = data.useCase;
    subheading(doc, "Use case");
    fields(doc, [
      ["Client", u.clientName],
      ["Purpose", u.purpose],
      ["Data classes", list(u.dataClasses)],
      ["Residency", u.residency],
      ["Status", u.status],
      ["Valid until", u.validUntil ?? "No end date"],
      ["Why", orDash(u.validUntilWhy)],
    ]);
  }

  heading(doc, "Red flags");
  if (data.flags.length) {
    const severityColor = { critical: TIER_COLOR.CRITICAL, high: TIER_COLOR.HIGH, medium: TIER_COLOR.MEDIUM } as const;
    table(
      doc,
      [
        { header: "Severity", width: 1.3 },
        { header: "Flag", width: 2.6 },
        { header: "Evidence", width: 6 },
      ],
      data.flags.map((f) => [{ text: capitalised(f.severity), color: severityColor[f.severity], bold: true }, f.label, f.evidence]),
    );
  } else paragraph(doc, "No red flags.");

  heading(doc, "DPA checklist");
  if (data.dpa) {
    const dpa = data.dpa;
    fields(doc, [
      ["DPA", dpa.title],
      ["Signed", dpa.signedOn ?? "Not signed"],
      ["Expires", dpa.expiresOn ?? "No expiry date"],
      ["Breach notice", dpa.breachNoticeHours === null ? "Not stated" : `Within ${dpa.breachNoticeHours} hours`],
      ["Transfer mechanism", orDash(dpa.transferMechanism)],
    ]);
    gap(doc, 4);
    table(
      doc,
      [
        { header: "Clause", width: 2.5 },
        { header: "Status", width: 1.5 },
        { header: "Evidence", width: 6 },
      ],
      dpa.clauses.map((c) => [c.label, c.status, orDash(c.evidence)]),
    );
  } else paragraph(doc, "No DPA recorded.");

  heading(doc, "Certifications");
  if (data.certifications.length) {
    table(
      doc,
      [
        { header: "Name", width: 2.6 },
        { header: "Issuer", width: 2.2 },
        { header: "Issued", width: 1.3 },
        { header: "Expires", width: 1.3 },
        { header: "Validity", width: 2.2 },
      ],
      data.certifications.map((c) => [c.name, orDash(c.issuer), orDash(c.issuedOn), orDash(c.expiresOn), c.validity]),
    );
  } else paragraph(doc, "None recorded.");

  heading(doc, "Sub-processors and regions");
  paragraph(doc, `Processing regions: ${data.product.processingRegions.length ? data.product.processingRegions.join(", ") : "Not known"}`);
  if (data.subProcessors.length) {
    table(
      doc,
      [
        { header: "Name", width: 2.5 },
        { header: "Purpose", width: 4.5 },
        { header: "Regions", width: 2.5 },
      ],
      data.subProcessors.map((s) => [s.name, orDash(s.purpose), list(s.regions)]),
    );
  } else paragraph(doc, "None recorded.");

  heading(doc, "Questionnaire answers");
  if (data.questionnaire) {
    const q = data.questionnaire;
    paragraph(doc, `${q.title}${q.submittedOn ? `, submitted ${q.submittedOn}` : ""}`, { color: COLOR.muted });
    for (const section of q.sections) {
      if (section.answers.length) {
        table(
          doc,
          [
            { header: "Question", width: 5 },
            { header: "Answer", width: 4 },
          ],
          section.answers.map((a) => [a.prompt, a.answer]),
          { title: section.title },
        );
      } else {
        subheading(doc, section.title);
        paragraph(doc, "No questions in this section.", { color: COLOR.muted });
      }
    }
  } else paragraph(doc, "No questionnaire submitted.");

  heading(doc, "Score breakdown");
  if (score.contributions.length) {
    table(
      doc,
      [
        { header: "Part", width: 1.8 },
        { header: "Item", width: 2.8 },
        { header: "Points", width: 0.9, align: "right" },
        { header: "Of", width: 0.7, align: "right" },
        { header: "Note", width: 3.6 },
      ],
      score.contributions.map((c) => [c.part, c.item, num(c.points), num(c.of), orDash(c.note)]),
    );
  } else paragraph(doc, "Nothing contributed to the score.");

  heading(doc, "Exceptions");
  if (data.exceptions.length) {
    table(
      doc,
      [
        { header: "Justification", width: 3.5 },
        { header: "Risk accepted", width: 2.6 },
        { header: "Client consent", width: 1.8 },
        { header: "Expires", width: 1.3 },
        { header: "Granted by", width: 1.5 },
        { header: "Status", width: 1.1 },
      ],
      data.exceptions.map((e) => [e.justification, e.riskAccepted, e.clientConsent, e.expiresOn, e.grantedBy, e.status]),
    );
  } else paragraph(doc, "No exceptions.");

  heading(doc, "Review and expiry dates");
  if (data.dates.length) {
    table(
      doc,
      [
        { header: "What", width: 6 },
        { header: "Date", width: 1.5 },
      ],
      data.dates.map((d) => [d.label, d.dueOn]),
    );
  } else paragraph(doc, "None.");

  heading(doc, "Audit trail (excerpt)");
  if (data.audit.length) {
    table(
      doc,
      [
        { header: "When", width: 1.7 },
        { header: "Who", width: 1.8 },
        { header: "Action", width: 2.2 },
        { header: "Summary", width: 3.5 },
      ],
      data.audit.map((a) => [a.at, a.actor, a.action, a.summary]),
    );
  } else paragraph(doc, "No audit events.");
}

function renderPortfolio(doc: Doc, data: PortfolioReportData, meta: ReportMeta) {
  cover(doc, "Client AI portfolio report", [
    { text: data.client.name, size: 18, bold: true },
    { text: `${data.summary.total} AI use case${data.summary.total === 1 ? "" : "s"}`, size: 12, color: COLOR.muted },
  ]);
  coverFooter(doc, meta);

  newPage(doc);
  heading(doc, "Summary");
  const s = data.summary;
  fields(doc, [
    ["Use cases", String(s.total)],
    ["Approved", String(s.approved)],
    ["Pending", String(s.pending)],
    ["Lapsed", String(s.lapsed)],
    ["Rejected", String(s.rejected)],
    ["Critical tier", String(s.critical)],
    ["High tier", String(s.high)],
  ]);
  gap(doc, 6);
  fields(doc, [
    ["Residency", orDash(data.client.residency)],
    ["Data classes", list(data.client.dataClasses)],
    ["Frameworks", list(data.client.frameworks)],
  ]);

  heading(doc, "Use cases");
  if (data.useCases.length) {
    table(
      doc,
      [
        { header: "Product", width: 2.4 },
        { header: "Purpose", width: 2.8 },
        { header: "Status", width: 1.5 },
        { header: "Tier", width: 1.2 },
        { header: "Score", width: 0.8, align: "right" },
        { header: "Valid until", width: 1.4 },
        { header: "Open flags", width: 2.4 },
      ],
      data.useCases.map((u) => [
        u.product,
        u.purpose,
        u.status,
        u.tier ? { text: u.tier, color: TIER_COLOR[u.tier], bold: true } : "Not scored",
        u.score === null ? "—" : String(u.score),
        orDash(u.validUntil),
        u.openFlags.length ? u.openFlags.join(", ") : "None",
      ]),
    );
  } else paragraph(doc, "No use cases recorded for this client.");
}

function verifyBlock(doc: Doc, meta: ReportMeta) {
  heading(doc, "Verify this report", 110);
  fittedLine(doc, `Report ID ${meta.reportId}`, { size: 10.5, bold: true });
  fittedLine(doc, `Content SHA-256: ${meta.contentSha256}`, { size: 9.5, minSize: 5 });
  fittedLine(doc, `Check it at ${meta.verifyUrl}`, { size: 10.5, minSize: 6, link: meta.verifyUrl });
  gap(doc, 2);
  paragraph(
    doc,
    "The verify page accepts this PDF file or its report ID. Given the file, it tells you whether it is exactly the report as issued; given the ID, it shows the content SHA-256 above, so you can compare it with this printed copy.",
    { color: COLOR.muted },
  );
}
