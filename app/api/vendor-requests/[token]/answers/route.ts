import { NextResponse } from "next/server";
import { z } from "zod";
import { saveVendorAnswer } from "@/lib/db/vendor-request-link";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/http/action-result";
import { findNulText, NUL_MESSAGE } from "@/lib/http/refuse-bad-text";
import { failureResponse, jsonError } from "@/lib/http/route";
import { REQUEST_ID_HEADER, saneRequestId } from "@/lib/http/request-id";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { requireVendorLink } from "@/lib/http/vendor-link-request";
import { answerPartsInput } from "@/lib/validation/answer";
import { vendorToken } from "@/lib/validation/vendor-request";

const MAX_BODY_BYTES = 256 * 1024;
const flushInput = z.object({ answers: z.array(answerPartsInput).min(1, "Send at least one answer.").max(200, "Send at most 200 answers at once.") });

/**
 * The edits a vendor's closing tab still holds (fetch keepalive), as the internal filler's route:
 * `{ answers: [{ questionKey, value?, comment? }] }`, each saved with the autosave's checks.
 */
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    assertSameOrigin(req);
    const token = vendorToken.safeParse((await ctx.params).token);
    if (!token.success) return jsonError(404, "Not found.");
    const { request, visitor } = await requireVendorLink(token.data);
    const text = await req.text();
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Send at most 256 KiB of answers at once.");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION", "The body must be JSON.", { answers: "Send the answers as JSON." });
    }
    const nulAt = findNulText(raw);
    if (nulAt !== null) throw new AppError("VALIDATION", `${nulAt}: ${NUL_MESSAGE}`, { [nulAt]: NUL_MESSAGE });
    const parsed = flushInput.safeParse(raw);
    if (!parsed.success) throw new AppError("VALIDATION", "Some answers need attention.", fieldErrorsOf(parsed.error));
    let savedAt = new Date();
    for (const item of parsed.data.answers) savedAt = (await saveVendorAnswer(request, item, visitor)).savedAt;
    return NextResponse.json({ savedAt: savedAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return failureResponse(error, saneRequestId(req.headers.get(REQUEST_ID_HEADER)));
  }
}
