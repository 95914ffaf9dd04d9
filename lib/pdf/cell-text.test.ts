import { describe, expect, it } from "vitest";
import { drawCell, heightAt, textAt, wrapCell, wrappedText } from "./cell-text";
import { createDocument, style, TABLE_LINE_GAP, TABLE_SIZE, toBuffer, type Doc } from "./pdf-layout";

/**
 * drawCell must write exactly what doc.text() writes for a table cell (issued reports re-render
 * from snapshots and must come out byte for byte as issued): each case is drawn both ways into
 * its own document and the PDFs compared.
 */
const CELLS = [
  "Yes",
  " ",
  "Customer prompts and outputs are retained for 30 days for abuse monitoring, then deleted; zero retention is available on request for enterprise workspaces.",
  "First line\nsecond line after a newline\n\nand one after a blank line",
  "Averyveryveryverylongwordwithoutanyspacesthatmustbebrokenacrosslinesbecauseitdoesnotfitthecolumnatall",
  "Soft\u00adhyphen\u00adated words that wrap: in\u00adter\u00adna\u00adtion\u00adal\u00adi\u00adsa\u00adtion of the data pro\u00adcess\u00ading",
  "Accents and marks: café, naïve, e\u0301 (a combining mark), Ångström, Łódź, ß — “quotes” … 12 %",
  "Trailing spaces   \nand  double  spaces  inside",
  "2026-03-14 09:30",
  "Points: 12.5",
  "Emoji 🙂 and CJK 中文 fall back to missing glyphs",
];

function both(draw: (doc: Doc, text: string, width: number, y: number, align: "left" | "right", bold: boolean) => void) {
  const doc = createDocument({ Title: "cells", CreationDate: new Date(0), ModDate: new Date(0) });
  let y = 70;
  for (const width of [40, 90.5, 233.25]) {
    for (const align of ["left", "right"] as const) {
      for (const [i, text] of CELLS.entries()) {
        const bold = i % 3 === 0;
        style(doc, { size: TABLE_SIZE, bold, color: i % 2 ? "#111827" : "#b91c1c" });
        draw(doc, text, width, y, align, bold);
        y = doc.y + 4;
        if (y > 700) {
          doc.addPage();
          y = 70;
        }
      }
    }
  }
  return toBuffer(doc);
}

describe("drawCell", () => {
  it("writes the same bytes as doc.text() for table cells, wrapped once", async () => {
    const byText = await both((doc, text, width, y, align) => {
      doc.text(text, 50, y, { width, height: 10_000, lineGap: TABLE_LINE_GAP, align });
    });
    let wrapped = 0;
    const byCell = await both((doc, text, width, y, align) => {
      const cell = wrapCell(doc, text, width, TABLE_LINE_GAP);
      wrapped += cell.lines.length;
      drawCell(doc, cell, 50, y, align);
    });
    expect(wrapped).toBeGreaterThan(CELLS.length * 6);
    expect(byCell.length).toBeGreaterThan(2000);
    expect(byCell.equals(byText)).toBe(true);
  });

  it("measures the height heightOfString() gives, and leaves doc.y under the last line", () => {
    const doc = createDocument({ Title: "cells" });
    style(doc, { size: TABLE_SIZE });
    for (const text of CELLS) {
      doc.y = 123.4;
      const cell = wrapCell(doc, text, 90.5, TABLE_LINE_GAP);
      expect(doc.y).toBe(123.4);
      expect(cell.height).toBe(doc.heightOfString(text, { width: 90.5, lineGap: TABLE_LINE_GAP }));
      drawCell(doc, cell, 60, 123.4, "left");
      expect(doc.y).toBeCloseTo(123.4 + cell.height, 6);
      expect(doc.x).toBe(60);
    }
  });

  it("textAt() writes what doc.text() writes, pdfkit's page breaks near the bottom included", async () => {
    const texts = [...CELLS, "Ends with a newline\n", "Two\nlines\n\n"];
    const render = async (draw: (doc: Doc, text: string, y: number, width: number, align: "left" | "center") => void) => {
      const doc = createDocument({ Title: "text", CreationDate: new Date(0), ModDate: new Date(0) });
      for (const y of [80, 400, 740, 765, 772, 779, 786]) {
        for (const [i, text] of texts.entries()) {
          style(doc, { size: 9.5, bold: i % 2 === 0 });
          draw(doc, text, y, i % 3 === 0 ? 120 : 300, i % 4 === 0 ? "center" : "left");
          if (doc.bufferedPageRange().count > 300) return null;
        }
      }
      return { pages: doc.bufferedPageRange().count, pdf: await toBuffer(doc) };
    };
    const byText = await render((doc, text, y, width, align) => doc.text(text, 50, y, { width, lineGap: 1.5, align }));
    const byTextAt = await render((doc, text, y, width, align) => textAt(doc, text, 50, y, { width, lineGap: 1.5, align }));
    // Some texts near the bottom made pdfkit continue on a new page: those took pdfkit's own path.
    expect(byText!.pages).toBeGreaterThan(5);
    expect(byTextAt!.pages).toBe(byText!.pages);
    expect(byTextAt!.pdf.equals(byText!.pdf)).toBe(true);
  });

  it("heightAt() is heightOfString() at the current position", () => {
    const doc = createDocument({ Title: "cells" });
    style(doc, { size: 9.5 });
    for (const y of [66, 123.456, 700.1]) {
      doc.y = y;
      for (const text of CELLS) expect(heightAt(doc, wrappedText(doc, text, 217, 1))).toBe(doc.heightOfString(text, { width: 217, lineGap: 1 }));
    }
  });
});
