import { findEvidenceFile, recordEvidenceDownload } from "@/lib/db/evidence-files";
import { FileIntegrityError, readEvidence } from "@/lib/files/evidence-store";
import { guardedRoute, jsonError } from "@/lib/http/route";

/** RFC 6266 filename: ASCII fallback plus the UTF-8 name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Download an evidence file: permission and tenant checked, decrypted and verified against its
 * recorded SHA-256, always as an attachment with nosniff. A file that fails the check is refused.
 */
export const GET = guardedRoute("vendor:read", async (_req, actor, ctx: { params: Promise<{ fileId: string }> }) => {
  const { fileId } = await ctx.params;
  const record = await findEvidenceFile(actor, fileId);
  let bytes: Buffer;
  try {
    bytes = await readEvidence(record);
  } catch (error) {
    if (error instanceof FileIntegrityError) {
      await recordEvidenceDownload(actor, record.id, "refused-integrity");
      return jsonError(409, error.message);
    }
    throw error;
  }
  await recordEvidenceDownload(actor, record.id, "served");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": record.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(record.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
