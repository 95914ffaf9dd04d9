import { NextResponse } from "next/server";
import { recordVendorUpload } from "@/lib/db/vendor-request-link";
import { AppError } from "@/lib/errors/app-error";
import { MAX_EVIDENCE_BYTES } from "@/lib/files/detect-file-type";
import { EvidenceRejectedError, storeEvidence } from "@/lib/files/evidence-store";
import { failureResponse, jsonError } from "@/lib/http/route";
import { REQUEST_ID_HEADER, saneRequestId } from "@/lib/http/request-id";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { requireVendorLink } from "@/lib/http/vendor-link-request";
import { vendorToken } from "@/lib/validation/vendor-request";

/**
 * A vendor uploads one evidence file through their link (multipart field "file"): the same type
 * check, encryption and size limit as the MSP's own uploads (lib/files), recorded against this
 * request only, so only its answers can attach it. Logged as UPLOAD.
 */
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    assertSameOrigin(req);
    const token = vendorToken.safeParse((await ctx.params).token);
    if (!token.success) return jsonError(404, "Not found.");
    const { request, visitor } = await requireVendorLink(token.data);
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > MAX_EVIDENCE_BYTES + 64 * 1024) {
      return jsonError(413, `This file is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is 25 MB.`, { fieldErrors: { file: "The limit is 25 MB." } });
    }
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("VALIDATION", "Choose a file to upload.", { file: "Choose a file to upload." });
    const bytes = new Uint8Array(await file.arrayBuffer());
    let stored;
    try {
      stored = await storeEvidence(bytes, file.name);
    } catch (error) {
      if (error instanceof EvidenceRejectedError) return jsonError(bytes.byteLength > MAX_EVIDENCE_BYTES ? 413 : 415, error.message, { fieldErrors: { file: error.message } });
      throw error;
    }
    const { type: _type, ...meta } = stored;
    const record = await recordVendorUpload(request, meta, visitor);
    return NextResponse.json({ file: record }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return failureResponse(error, saneRequestId(req.headers.get(REQUEST_ID_HEADER)));
  }
}
