import { describe, expect, it } from "vitest";
import { scannedPdf, textDocx, textPdf } from "@/lib/testing/dpa-documents";
import { extractDocumentText } from "./extract-document-text";
import { SCANNED_PDF_MESSAGE } from "./pdf-blocks";

const SAMPLE = `# Data Processing Addendum

1. Definitions. "Customer Data" means personal data processed on behalf of Customer.

9.2 Breach notification. Processor shall notify Customer of a Personal Data Breach without undue delay and in any event within 48 hours of becoming aware of it.`;

describe("extractDocumentText", () => {
  it("keeps section numbers, headings and page numbers from a PDF", async () => {
    const long = `${SAMPLE}\n\n${Array.from({ length: 60 }, (_, i) => `${i + 10}. Filler clause number ${i + 10} about ordinary commercial matters that wrap over more than one line of the page.`).join("\n\n")}\n\n14.1 Deletion. On termination the Processor deletes Customer Data within 30 days.`;
    const doc = await extractDocumentText(await textPdf(long), "dpa.pdf");
    expect(doc.format).toBe("PDF");
    expect(doc.pageCount).toBeGreaterThan(1);
    const breach = doc.blocks.find((b) => b.text.startsWith("9.2 Breach notification"));
    expect(breach).toMatchObject({ page: 1 });
    expect(breach!.text).toContain("within 48 hours of becoming aware of it.");
    const last = doc.blocks.find((b) => b.text.startsWith("14.1 Deletion"));
    expect(last!.page).toBe(doc.pageCount);
    // The running footer is not part of the text.
    expect(doc.blocks.some((b) => /^Page \d+ of \d+$/.test(b.text))).toBe(false);
  });

  it("says a scanned PDF has no text instead of analysing nothing", async () => {
    await expect(extractDocumentText(await scannedPdf(), "scan.pdf")).rejects.toThrow(SCANNED_PDF_MESSAGE);
  });

  it("reads a DOCX with its headings", async () => {
    const doc = await extractDocumentText(textDocx(SAMPLE), "dpa.docx");
    expect(doc.format).toBe("DOCX");
    expect(doc.blocks[0]).toEqual({ text: "Data Processing Addendum", page: null, heading: true });
    expect(doc.blocks[2]!.text).toMatch(/^9\.2 Breach notification/);
  });

  it("numbers Word's automatic lists from the HTML mammoth writes", async () => {
    const doc = await extractDocumentText(Buffer.from("<h2>Terms</h2><ol><li>Scope<ol><li>First</li><li>Second</li></ol></li><li>Term</li></ol><script>alert(1)</script>"), "dpa.html");
    expect(doc.blocks.map((b) => b.text)).toEqual(["Terms", "1. Scope", "1.1 First", "1.2 Second", "2. Term"]);
  });

  it("reads Markdown headings and joins hard-wrapped lines", async () => {
    const doc = await extractDocumentText(Buffer.from("## 4. Security\nProcessor encrypts data\nwith **AES-256** at rest.\n5. Audits\nCustomer may audit."), "dpa.md");
    expect(doc.blocks).toEqual([
      { text: "4. Security", page: null, heading: true },
      { text: "Processor encrypts data with AES-256 at rest.", page: null, heading: false },
      { text: "5. Audits Customer may audit.", page: null, heading: false },
    ]);
  });

  it("refuses bytes that are not text", async () => {
    await expect(extractDocumentText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]), "x.txt")).rejects.toThrow(/neither a PDF/);
  });
});
