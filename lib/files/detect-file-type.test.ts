import ExcelJS from "exceljs";
import fc from "fast-check";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { detectFileType, MAX_EVIDENCE_BYTES } from "./detect-file-type";
import {
  BINARY_WITHOUT_NUL,
  DOCM,
  DOCX,
  HIGH_BYTES,
  JPEG,
  LINUX_ELF,
  PDF,
  PLAIN_ZIP,
  PNG,
  PPTX,
  TEXT,
  TEXT_WITH_BOM,
  TEXT_WITH_NUL,
  WINDOWS_1252_TEXT,
  WINDOWS_EXE,
  XLSX,
  zip,
} from "./test-fixtures";

const NOT_ALLOWED = "This file is not a PDF, DOCX, XLSX, PNG, JPEG or plain-text file";

describe("detectFileType accepts evidence by its content", () => {
  it.each([
    [PDF, "dpa.pdf", "PDF", "application/pdf"],
    [DOCX, "dpa.docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [XLSX, "answers.xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [PNG, "screenshot.PNG", "PNG", "image/png"],
    [JPEG, "photo.jpg", "JPEG", "image/jpeg"],
    [JPEG, "photo.jpeg", "JPEG", "image/jpeg"],
    [TEXT, "notes.txt", "TXT", "text/plain; charset=utf-8"],
    [TEXT_WITH_BOM, "notes-from-notepad.txt", "TXT", "text/plain; charset=utf-8"],
  ] as const)("%#: %s is %s", (bytes, name, type, mimeType) => {
    expect(detectFileType(bytes, name)).toEqual({ ok: true, type, mimeType, extension: name.split(".").pop()!.toLowerCase() });
  });

  it("accepts files written by real tools (deflated ZIP entries, a generated PDF)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Answers").addRow(["Retention", "30 days"]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(detectFileType(xlsx, "answers.xlsx")).toMatchObject({ ok: true, type: "XLSX" });

    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => pdf.on("end", resolve));
    pdf.text("Data processing agreement");
    pdf.end();
    await ended;
    expect(detectFileType(Buffer.concat(chunks), "dpa.pdf")).toMatchObject({ ok: true, type: "PDF" });
  });

  it("reads Office part names case-insensitively, as Office does", () => {
    const shouting = zip({ "[CONTENT_TYPES].XML": "<Types/>", "Word/Document.xml": "<w:document/>" });
    expect(detectFileType(shouting, "dpa.docx")).toMatchObject({ ok: true, type: "DOCX" });
  });

  it("accepts a text note that happens to start like an executable", () => {
    expect(detectFileType(Buffer.from("MZ Holdings: vendor notes\n"), "mz.txt")).toMatchObject({ ok: true, type: "TXT" });
  });
});

describe("detectFileType refuses disguised files, naming content and name", () => {
  it("refuses a PDF named .png", () => {
    expect(detectFileType(PDF, "report.png")).toEqual({
      ok: false,
      message: "This file's content is a PDF but its name says a PNG image (.png). Rename it to end in .pdf, or upload the right file.",
    });
  });

  it("refuses a workbook named .docx and a text file with no or another extension", () => {
    expect(detectFileType(XLSX, "dpa.docx")).toMatchObject({ ok: false, message: expect.stringContaining("content is an Excel workbook (XLSX) but its name says a Word document (DOCX)") });
    expect(detectFileType(TEXT, "README")).toMatchObject({ ok: false, message: expect.stringContaining("content is plain text but its name has no extension") });
    expect(detectFileType(TEXT, "notes.txt.html")).toMatchObject({ ok: false, message: expect.stringContaining("its name ends in .html") });
  });
});

describe("detectFileType refuses other content, saying what it looks like", () => {
  it.each([
    [WINDOWS_EXE, "soc2.pdf", "a Windows executable"],
    [LINUX_ELF, "soc2.txt", "a Linux executable"],
    [PLAIN_ZIP, "evidence.docx", "a ZIP archive"],
    [PPTX, "deck.pptx", "a PowerPoint presentation (PPTX)"],
    [DOCM, "macros.docx", "a macro-enabled Office file (DOCM or XLSM)"],
    [WINDOWS_1252_TEXT, "menu.txt", "text that is not UTF-8 (save it as UTF-8)"],
    [Buffer.from([0xff, 0xfe, 0x41, 0x00]), "utf16.txt", "UTF-16 text (save it as UTF-8)"],
    [Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIDAT", "latin1"), "cut.png", "a damaged PNG image"],
  ] as const)("%#: %s → %s", (bytes, name, looksLike) => {
    expect(detectFileType(bytes, name)).toEqual({ ok: false, message: `${NOT_ALLOWED} (its content looks like ${looksLike}).` });
  });

  it("says so when it cannot tell what the content is", () => {
    for (const bytes of [TEXT_WITH_NUL, BINARY_WITHOUT_NUL, HIGH_BYTES]) {
      expect(detectFileType(bytes, "a.txt")).toEqual({ ok: false, message: `${NOT_ALLOWED} (its content was not recognised).` });
    }
  });

  it("refuses a damaged Word file rather than failing", () => {
    expect(detectFileType(DOCX.subarray(0, DOCX.length - 10), "a.docx")).toEqual({
      ok: false,
      message: `${NOT_ALLOWED} (its content looks like a damaged or unreadable ZIP archive).`,
    });
  });

  it("never throws, whatever the bytes and name", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.string(), (bytes, name) => {
        expect(typeof detectFileType(bytes, name).ok).toBe("boolean");
      }),
    );
  });
});

describe("detectFileType refuses empty and oversized files", () => {
  it("refuses an empty file", () => {
    expect(detectFileType(Buffer.alloc(0), "a.pdf")).toEqual({ ok: false, message: "This file is empty." });
  });

  it("accepts exactly 25 MB and refuses one byte more, never rounding down to the limit", () => {
    const atLimit = Buffer.alloc(MAX_EVIDENCE_BYTES, 0x20);
    atLimit.write("%PDF-1.7\n");
    expect(detectFileType(atLimit, "big.pdf")).toMatchObject({ ok: true, type: "PDF" });
    const overLimit = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x20);
    overLimit.write("%PDF-1.7\n");
    expect(detectFileType(overLimit, "big.pdf")).toEqual({ ok: false, message: "This file is 25.1 MB; the limit is 25 MB." });
  });

  it("states the size of a larger file", () => {
    const size = Math.round(31.2 * 1024 * 1024);
    expect(detectFileType(Buffer.alloc(size, 0x20), "big.txt")).toEqual({ ok: false, message: "This file is 31.2 MB; the limit is 25 MB." });
  });
});
