/** Real, minimal files of each kind, built byte by byte for the evidence-file tests. */
import { crc32 } from "node:zlib";

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
/** Signature, then the IHDR chunk (length 13) of a 1×1 RGB image. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90\x77\x53\xde", "latin1")]);
/** SOI, a JFIF APP0 segment, EOI. */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
/** A DOS header ("MZ", e_lfanew at 0x3c) pointing at a "PE\0\0" signature, as every Windows executable has. */
export const WINDOWS_EXE = (() => {
  const bytes = Buffer.alloc(128);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x40, 0x3c);
  bytes.write("PE\0\0", 0x40, "latin1");
  return bytes;
})();
export const LINUX_ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]);
export const TEXT = Buffer.from("Vendor answered our questionnaire on 2026-11-01.\r\nRetention:\t30 days.\nNotes: données conservées 30 jours ✓\n");
export const TEXT_WITH_BOM = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), TEXT]);
/** "Caf\xe9" is Windows-1252 for "Café": not UTF-8. */
export const WINDOWS_1252_TEXT = Buffer.from("Caf\xe9 menu and retention notes", "latin1");
export const TEXT_WITH_NUL = Buffer.from("retention\0policy");
/** Binary with no NUL byte, which a NUL-only check would take for text: control characters throughout. */
export const BINARY_WITHOUT_NUL = Buffer.from(Array.from({ length: 512 }, (_, i) => 1 + ((i * 151) % 255)));
/** Binary with no NUL and no control character at all, but mostly bytes ≥ 0x80 and not UTF-8. */
export const HIGH_BYTES = Buffer.from(Array.from({ length: 512 }, (_, i) => 0xa0 + ((i * 37) % 0x60)));

interface ZipOptions {
  /** Bytes after the end-of-central-directory record's fixed part. */
  comment?: string;
}

/** A stored (uncompressed) ZIP with a correct central directory, as any unzip tool would read it. */
export function zip(entries: Record<string, string>, options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? "");
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(centralDirectory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, centralDirectory, eocd, comment]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

export const DOCX = zip({
  "[Content_Types].xml": CONTENT_TYPES,
  "_rels/.rels": RELS,
  "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
});
export const XLSX = zip({
  "[Content_Types].xml": CONTENT_TYPES,
  "_rels/.rels": RELS,
  "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
  "xl/worksheets/sheet1.xml": "<worksheet/>",
});
export const PPTX = zip({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "ppt/presentation.xml": "<p:presentation/>" });
/** A macro-enabled Word file (DOCM) that someone renamed .docx. */
export const DOCM = zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>", "word/vbaProject.bin": "macro" });
export const PLAIN_ZIP = zip({ "notes.txt": "hello", "word/document.xml": "<w:document/>" });
