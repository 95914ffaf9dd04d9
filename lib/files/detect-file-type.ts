/**
 * SECURITY-CRITICAL. Decides an evidence file's type from its content (magic bytes; for Office
 * files, the parts inside the ZIP), never from its name or the browser's MIME type. A file whose
 * name claims another type than its content is refused: a disguised file is not evidence.
 * Pure: no Node or Next imports. Messages are shown to the user as written.
 */
import { plainTextProblem } from "./plain-text";
import { zipEntryNames } from "./zip-entries";

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export type EvidenceType = "PDF" | "DOCX" | "XLSX" | "PNG" | "JPEG" | "TXT";
export type FileTypeDetection = { ok: true; type: EvidenceType; mimeType: string; extension: string } | { ok: false; message: string };

const TYPES: Record<EvidenceType, { mimeType: string; extensions: readonly string[]; label: string }> = {
  PDF: { mimeType: "application/pdf", extensions: ["pdf"], label: "a PDF" },
  DOCX: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "a Word document (DOCX)" },
  XLSX: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "an Excel workbook (XLSX)" },
  PNG: { mimeType: "image/png", extensions: ["png"], label: "a PNG image" },
  JPEG: { mimeType: "image/jpeg", extensions: ["jpg", "jpeg"], label: "a JPEG image" },
  TXT: { mimeType: "text/plain; charset=utf-8", extensions: ["txt"], label: "plain text" },
};
const EVIDENCE_TYPES = Object.keys(TYPES) as EvidenceType[];
const ALLOWED = "a PDF, DOCX, XLSX, PNG, JPEG or plain-text file";
const MEGABYTE = 1024 * 1024;

/** Either the evidence type the content is, or what it looks like instead (null: no idea). */
type ContentVerdict = { type: EvidenceType } | { looksLike: string | null };

function hasBytes(bytes: Uint8Array, signature: readonly number[] | string, at = 0): boolean {
  const expected = typeof signature === "string" ? Array.from(signature, (c) => c.charCodeAt(0)) : signature;
  return expected.every((byte, i) => bytes[at + i] === byte);
}

/** Well-known content we refuse, so the message can say what the file seems to be. */
const LOOKALIKES: ReadonlyArray<{ test: (bytes: Uint8Array) => boolean; looksLike: string }> = [
  { test: (b) => hasBytes(b, "MZ"), looksLike: "a Windows executable" },
  { test: (b) => hasBytes(b, "\x7fELF"), looksLike: "a Linux executable" },
  { test: (b) => [[0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => hasBytes(b, s)), looksLike: "a macOS executable" },
  { test: (b) => hasBytes(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), looksLike: "an old-format or password-protected Office file (DOC, XLS)" },
  { test: (b) => hasBytes(b, "GIF8"), looksLike: "a GIF image" },
  { test: (b) => hasBytes(b, "RIFF") && hasBytes(b, "WEBP", 8), looksLike: "a WebP image" },
  { test: (b) => hasBytes(b, "ftyp", 4) && ["heic", "heix", "mif1"].some((brand) => hasBytes(b, brand, 8)), looksLike: "a HEIC image" },
  { test: (b) => hasBytes(b, "II*\0") || hasBytes(b, "MM\0*"), looksLike: "a TIFF image" },
  { test: (b) => hasBytes(b, [0x1f, 0x8b]), looksLike: "a gzip archive" },
  { test: (b) => hasBytes(b, "Rar!\x1a\x07"), looksLike: "a RAR archive" },
  { test: (b) => hasBytes(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), looksLike: "a 7-Zip archive" },
  { test: (b) => hasBytes(b, [0xff, 0xfe]) || hasBytes(b, [0xfe, 0xff]), looksLike: "UTF-16 text (save it as UTF-8)" },
];

/**
 * DOCX and XLSX are ZIPs; which one is told by their main part. Exactly one of word/document.xml and
 * xl/workbook.xml must be present (OPC part names are case-insensitive), with [Content_Types].xml.
 * Macro-enabled files (DOCM/XLSM renamed) and presentations are refused.
 */
function classifyZip(bytes: Uint8Array): ContentVerdict {
  const names = zipEntryNames(bytes);
  if (!names) return { looksLike: "a damaged or unreadable ZIP archive" };
  const parts = new Set(names.map((name) => name.toLowerCase()));
  if (!parts.has("[content_types].xml")) return { looksLike: "a ZIP archive" };
  if (parts.has("word/vbaproject.bin") || parts.has("xl/vbaproject.bin")) return { looksLike: "a macro-enabled Office file (DOCM or XLSM)" };
  const isWord = parts.has("word/document.xml");
  const isExcel = parts.has("xl/workbook.xml");
  const isPresentation = [...parts].some((name) => name.startsWith("ppt/"));
  if (isWord && !isExcel && !isPresentation) return { type: "DOCX" };
  if (isExcel && !isWord && !isPresentation) return { type: "XLSX" };
  if (isPresentation) return { looksLike: "a PowerPoint presentation (PPTX)" };
  return { looksLike: "an Office file that is neither a Word document nor an Excel workbook" };
}

function classifyContent(bytes: Uint8Array): ContentVerdict {
  if (hasBytes(bytes, "%PDF-")) return { type: "PDF" };
  if (hasBytes(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    // The IHDR chunk must come first in every PNG; checking it as well as the signature costs nothing.
    return hasBytes(bytes, "IHDR", 12) ? { type: "PNG" } : { looksLike: "a damaged PNG image" };
  }
  if (hasBytes(bytes, [0xff, 0xd8, 0xff])) return { type: "JPEG" };
  if (hasBytes(bytes, "PK\x03\x04")) return classifyZip(bytes);
  // Text first: a note that happens to start with "MZ" is still text (a real executable has NULs).
  const problem = plainTextProblem(bytes);
  if (!problem) return { type: "TXT" };
  const lookalike = LOOKALIKES.find((candidate) => candidate.test(bytes));
  if (lookalike) return { looksLike: lookalike.looksLike };
  return { looksLike: problem === "legacy-encoding" ? "text that is not UTF-8 (save it as UTF-8)" : null };
}

/** The lower-cased extension after the last dot of the name's last path segment ("" when none). */
function extensionOf(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? "").trim();
  const dot = base.lastIndexOf(".");
  return dot >= 0 ? base.slice(dot + 1).toLowerCase() : "";
}

function describeName(extension: string): string {
  const claimed = EVIDENCE_TYPES.find((type) => TYPES[type].extensions.includes(extension));
  if (claimed) return `its name says ${TYPES[claimed].label} (.${extension})`;
  return extension ? `its name ends in .${extension}` : "its name has no extension";
}

/** Rounded up, so a file just over the limit never reads as "25.0 MB". */
function megabytes(byteCount: number): string {
  return (Math.ceil((byteCount / MEGABYTE) * 10) / 10).toFixed(1);
}

export function detectFileType(bytes: Uint8Array, fileName: string): FileTypeDetection {
  if (bytes.byteLength === 0) return { ok: false, message: "This file is empty." };
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) {
    return { ok: false, message: `This file is ${megabytes(bytes.byteLength)} MB; the limit is ${MAX_EVIDENCE_BYTES / MEGABYTE} MB.` };
  }
  const verdict = classifyContent(bytes);
  if (!("type" in verdict)) {
    const found = verdict.looksLike ? `looks like ${verdict.looksLike}` : "was not recognised";
    return { ok: false, message: `This file is not ${ALLOWED} (its content ${found}).` };
  }
  const { type } = verdict;
  const extension = extensionOf(fileName);
  if (!TYPES[type].extensions.includes(extension)) {
    return {
      ok: false,
      message: `This file's content is ${TYPES[type].label} but ${describeName(extension)}. Rename it to end in .${TYPES[type].extensions[0]}, or upload the right file.`,
    };
  }
  return { ok: true, type, mimeType: TYPES[type].mimeType, extension };
}
