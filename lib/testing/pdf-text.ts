/** A PDF's text as pdfjs extracts it (what a reader sees), for tests; no React, so e2e specs can use it too. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Every page's text, joined, whitespace removed (table cells wrap at spaces). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const parts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
    return squash(parts.join(" "));
  } finally {
    await doc.destroy();
  }
}

export const squash = (s: string) => s.replace(/\s+/g, "");
