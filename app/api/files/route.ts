import { NextResponse } from "next/server";
import { recordEvidenceFile } from "@/lib/db/evidence-files";
import { AppError } from "@/lib/errors/app-error";
import { EvidenceRejectedError, storeEvidence } from "@/lib/files/evidence-store";
import { MAX_EVIDENCE_BYTES } from "@/lib/files/detect-file-type";
import { guardedRoute, jsonError } from "@/lib/http/route";

/**
 * Upload one evidence file (multipart field "file"). The type is decided from the content, the
 * bytes are encrypted before they touch the disk, and the storage key is ours, not the client's.
 */
export const POST = guardedRoute("evidence:upload", async (req, actor) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_EVIDENCE_BYTES + 64 * 1024) {
    return jsonError(413, `This file is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is 25 MB.`, { fieldErrors: { file: "The limit is 25 MB." } });
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "Choose a file to upload.", { file: "Choose a file to upload." });
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const stored = await storeEvidence(bytes, file.name);
    const record = await recordEvidenceFile(actor, stored);
    return NextResponse.json({ file: record }, { status: 201 });
  } catch (error) {
    if (error instanceof EvidenceRejectedError) {
      return jsonError(bytes.byteLength > MAX_EVIDENCE_BYTES ? 413 : 415, error.message, { fieldErrors: { file: error.message } });
    }
    throw error;
  }
});
