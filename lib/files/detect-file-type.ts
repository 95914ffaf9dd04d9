/**
 * SECURITY-CRITICAL. Decides an evidence file's type from its content (magic bytes and, for
 * Office files, the ZIP's parts), never from its name or the browser's MIME type. A file whose
 * name claims another type than its content is refused: a disguised file is not evidence.
 */
import { zipEntryNames } from "./zip-entries";

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export type EvidenceType = "PDF" | "DOCX" | "XLSX" | "PNG" | "JPEG" | "TXT";

const TYPES: Record<EvidenceType, { mimeType: string; extensions: string[]; label: string }> = {
  PDF: { mimeType: "application/pdf", extensions: ["pdf"], label: "a PDF" },
  DOCX: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "a Word document (DOCX)" },
  XLSX: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "an Excel workbook (XLSX)" },
  PNG: { mimeType: "image/png", extensions: ["png"], label: "a PNG image" },
  JPEG: { mimeType: "image/jpeg", extensions: ["jpg", "jpeg"], label: "a JPEG image" },
  TXT: { mimeType: "text/plain; charset=utf-8", extensions: ["txt"], label: "plain text" },
};

const ALLOWED = "a PDF, DOCX, XLSX, PNG, JPEG or plain-text file";

export type Detection = { ok: true; type: EvidenceType; mimeType: string; extension: string } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** What other well-known content looks like, to say what a refused file seems to be. */
function describeUnknown(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x4d, 0x5a])) return "a Windows executable";
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "a Linux executable";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive that is not a Word or Excel file";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "a GIF image";
  if (startsWith(bytes, [0x1f, 0x8b])) return "a gzip archive";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "a legacy Office file (DOC/XLS)";
  return "not recognised";
}

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (text.includes("\u0000")) return false;
  let control = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && ch !== "\n" && ch !== "\r" && ch !== "\t" && ch !== "\f") || code === 0x7f) control++;
  }
  return control <= Math.max(2, text.length / 1000);
}

function contentType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "PDF"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "PNG";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "JPEG";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names || !names.includes("[Content_Types].xml")) return null;
    if (names.some((n) => n === "word/document.xml")) return "DOCX";
    if (names.some((n) => n === "xl/workbook.xml")) return "XLSX";
    return null;
  }
  return isPlainText(bytes) ? "TXT" : null;
}

export function detectFileType(bytes: Uint8Array, fileName: string): Detection {
  if (bytes.length === 0) return { ok: false, message: "This file is empty." };
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    return { ok: false, message: `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 25 MB.` };
  }
  const type = contentType(bytes);
  if (!type) return { ok: false, message: `This file is not ${ALLOWED} (its content is ${describeUnknown(bytes)}).` };
  const extension = (fileName.split(".").pop() ?? "").toLowerCase();
  const claimed = (Object.keys(TYPES) as EvidenceType[]).find((t) => TYPES[t].extensions.includes(extension));
  if (claimed !== type) {
    const said = claimed ? TYPES[claimed].label : extension ? `a “.${extension}” file` : "a file with no extension";
    return { ok: false, message: `This file's content is ${TYPES[type].label} but its name says ${said}. Rename it or upload the right file.` };
  }
  return { ok: true, type, mimeType: TYPES[type].mimeType, extension };
}
