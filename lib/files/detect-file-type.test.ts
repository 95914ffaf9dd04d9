import { describe, expect, it } from "vitest";
import { detectFileType, MAX_EVIDENCE_BYTES } from "./detect-file-type";
import { DOCX, EXE, JPEG, PDF, PLAIN_ZIP, PNG, PPTX, TEXT, XLSX } from "./test-fixtures";

describe("detectFileType", () => {
  it.each([
    [PDF, "dpa.pdf", "PDF"],
    [DOCX, "dpa.docx", "DOCX"],
    [XLSX, "answers.xlsx", "XLSX"],
    [PNG, "screenshot.PNG", "PNG"],
    [JPEG, "photo.jpg", "JPEG"],
    [JPEG, "photo.jpeg", "JPEG"],
    [TEXT, "notes.txt", "TXT"],
  ] as const)("accepts %#: %s as %s", (bytes, name, type) => {
    expect(detectFileType(bytes, name)).toMatchObject({ ok: true, type });
  });

  it("refuses a PDF disguised as a PNG, saying both", () => {
    const result = detectFileType(PDF, "report.png");
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/content is a PDF but its name says a PNG image/) });
  });

  it("refuses an executable renamed .pdf", () => {
    expect(detectFileType(EXE, "soc2.pdf")).toEqual({ ok: false, message: expect.stringContaining("a Windows executable") });
  });

  it("refuses other ZIPs and presentations", () => {
    expect(detectFileType(PLAIN_ZIP, "x.docx")).toMatchObject({ ok: false });
    expect(detectFileType(PPTX, "deck.pptx")).toMatchObject({ ok: false });
  });

  it("refuses binary junk, invalid UTF-8 and text with NUL bytes", () => {
    expect(detectFileType(Buffer.from([0xc3, 0x28, 0x41]), "a.txt")).toMatchObject({ ok: false });
    expect(detectFileType(Buffer.from("abc\0def"), "a.txt")).toMatchObject({ ok: false });
  });

  it("refuses empty and oversized files with their size", () => {
    expect(detectFileType(Buffer.alloc(0), "a.pdf")).toEqual({ ok: false, message: "This file is empty." });
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x20);
    big.write("%PDF-1.4");
    expect(detectFileType(big, "big.pdf")).toEqual({ ok: false, message: "This file is 25.0 MB; the limit is 25 MB." });
  });

  it("never throws on a truncated ZIP", () => {
    expect(detectFileType(DOCX.subarray(0, DOCX.length - 10), "a.docx")).toMatchObject({ ok: false });
  });
});
