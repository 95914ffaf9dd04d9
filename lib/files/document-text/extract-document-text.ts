import "server-only";
/**
 * The text of an uploaded DPA, whatever its format, as blocks for the rule pack
 * (lib/domain/dpa-analysis). The format is taken from the content for PDF and DOCX (magic bytes)
 * and from the name only to tell Markdown and HTML from plain text, which have no signature.
 */
import mammoth from "mammoth";
import type { DocumentFormat, DocumentText } from "@/lib/domain/dpa-analysis/document";
import { AppError } from "@/lib/errors/app-error";
import { plainTextProblem } from "../plain-text";
import { htmlToBlocks } from "./html-blocks";
import { textToBlocks } from "./markdown-blocks";
import { pdfToBlocks } from "./pdf-blocks";

const startsWith = (bytes: Uint8Array, text: string) => Array.from(text).every((c, i) => bytes[i] === c.charCodeAt(0));

function formatOf(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (startsWith(bytes, "%PDF-")) return "PDF";
  if (startsWith(bytes, "PK\x03\x04")) return "DOCX";
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (extension === "md" || extension === "markdown") return "MARKDOWN";
  if (extension === "html" || extension === "htm") return "HTML";
  return "TXT";
}

async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    // Mammoth's default style map turns Word's Heading 1–6 styles into <h1>–<h6>.
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch {
    throw new AppError("VALIDATION", "This Word document cannot be read: it is damaged, or not a DOCX.");
  }
}

export async function extractDocumentText(bytes: Uint8Array, fileName: string): Promise<DocumentText> {
  const format = formatOf(bytes, fileName);
  if (format === "PDF") return { format, ...(await pdfToBlocks(bytes)) };
  if (format === "DOCX") return { format, pageCount: null, blocks: htmlToBlocks(await docxToHtml(bytes)) };
  if (plainTextProblem(bytes)) throw new AppError("VALIDATION", "This file is neither a PDF, a Word document nor UTF-8 text.");
  const text = new TextDecoder("utf-8").decode(bytes);
  const blocks = format === "HTML" ? htmlToBlocks(text) : textToBlocks(text, format === "MARKDOWN");
  return { format, pageCount: null, blocks };
}
