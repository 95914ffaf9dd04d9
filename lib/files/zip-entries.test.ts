import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOCX, PDF, zip } from "./test-fixtures";
import { zipEntryNames } from "./zip-entries";

describe("zipEntryNames", () => {
  it("lists every entry of a well-formed archive, in order", () => {
    expect(zipEntryNames(zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>", "docProps/app.xml": "<a/>" }))).toEqual([
      "[Content_Types].xml",
      "word/document.xml",
      "docProps/app.xml",
    ]);
  });

  it("reads an archive with a comment after the directory, and an empty one", () => {
    expect(zipEntryNames(zip({ "a.txt": "x" }, { comment: "made by a tool PK\x05\x06 that quotes signatures" }))).toEqual(["a.txt"]);
    expect(zipEntryNames(zip({}))).toEqual([]);
  });

  it("reads the archive when it sits inside a larger buffer", () => {
    const padded = Buffer.concat([Buffer.alloc(7, 1), DOCX, Buffer.alloc(5, 2)]);
    expect(zipEntryNames(padded.subarray(7, 7 + DOCX.length))).toContain("word/document.xml");
  });

  it("gives null for content that is not a ZIP", () => {
    expect(zipEntryNames(PDF)).toBeNull();
    expect(zipEntryNames(new Uint8Array(0))).toBeNull();
    expect(zipEntryNames(Buffer.from("PK\x03\x04"))).toBeNull();
  });

  it("gives null when the directory points outside the file or is cut short", () => {
    const outside = Buffer.from(DOCX);
    outside.writeUInt32LE(0xfffffff0, outside.length - 22 + 16);
    expect(zipEntryNames(outside)).toBeNull();

    const tooMany = Buffer.from(DOCX);
    tooMany.writeUInt16LE(500, tooMany.length - 22 + 10);
    expect(zipEntryNames(tooMany)).toBeNull();

    // The last entry claims a name running past the directory, into the EOCD record.
    const longName = Buffer.from(DOCX);
    const lastCentral = longName.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    longName.writeUInt16LE(200, lastCentral + 28);
    expect(zipEntryNames(longName)).toBeNull();
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const names = zipEntryNames(bytes);
        expect(names === null || Array.isArray(names)).toBe(true);
      }),
    );
  });

  it("never throws on a real archive with bytes corrupted or cut", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(DOCX.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(DOCX.length), (edits, cut) => {
        const damaged = Buffer.from(DOCX);
        for (const [at, value] of edits) damaged[at] = value;
        const names = zipEntryNames(damaged.subarray(0, cut));
        expect(names === null || Array.isArray(names)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
