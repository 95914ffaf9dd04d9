/**
 * Whether an image can go on a report's cover: pdfkit must be able to embed it (some valid PNGs,
 * e.g. 16-bit or unusual colour types, it cannot), tried once on a throwaway page so a bad logo is
 * refused at upload instead of breaking every report later.
 */
import PDFDocument from "pdfkit";

export async function logoEmbeds(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = new PDFDocument({ size: [200, 100], margin: 0, autoFirstPage: true });
    const done = new Promise<void>((resolve, reject) => {
      doc.on("data", () => {});
      doc.on("end", resolve);
      doc.on("error", reject);
    });
    doc.image(Buffer.from(bytes), 0, 0, { fit: [160, 44] });
    doc.end();
    await done;
    return true;
  } catch {
    return false;
  }
}
