/**
 * Real DPA files made from plain text, for tests, the benchmark and e2e: a text PDF written by
 * pdfkit (wrapped lines, page breaks, footers — what the extractor has to cope with), a scanned-like
 * PDF (a drawn image only, no text layer) and a DOCX with Word heading styles and paragraphs.
 */
import PDFDocument from "pdfkit";
import { zip } from "@/lib/files/test-fixtures";

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
}

/** Blank-line separated paragraphs; a line starting with "# " is set as a bold heading. */
export async function textPdf(text: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: 56, bufferPages: true });
  const done = collect(pdf);
  for (const paragraph of text.split(/\n\s*\n/)) {
    const line = paragraph.replace(/\s*\n\s*/g, " ").trim();
    if (!line) continue;
    if (line.startsWith("# ")) pdf.font("Helvetica-Bold").fontSize(13).text(line.slice(2), { paragraphGap: 6 });
    else pdf.font("Helvetica").fontSize(10.5).text(line, { paragraphGap: 8, align: "justify" });
  }
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf.font("Helvetica").fontSize(8).text(`Page ${i + 1} of ${range.count}`, 56, pdf.page.height - 40, { lineBreak: false });
  }
  pdf.end();
  return done;
}

/** Two pages with only vector drawings: what a scanner's image-only PDF looks like to a text extractor. */
export async function scannedPdf(): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4" });
  const done = collect(pdf);
  pdf.rect(50, 50, 400, 600).fill("#ddd");
  pdf.addPage().rect(50, 50, 400, 600).fill("#ccc");
  pdf.end();
  return done;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal but complete DOCX: "# " paragraphs get the Heading1 style, the rest are plain. */
export function textDocx(text: string): Buffer {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .map((p) =>
      p.startsWith("# ")
        ? `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(p.slice(2))}</w:t></w:r></w:p>`
        : `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`,
    )
    .join("");
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return zip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "word/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`,
  });
}
