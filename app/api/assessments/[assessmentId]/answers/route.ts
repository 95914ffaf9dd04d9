import { NextResponse } from "next/server";
import { fieldErrorsOf } from "@/lib/http/action-result";
import { saveAnswers } from "@/lib/db/answers";
import { AppError } from "@/lib/errors/app-error";
import { guardedRoute } from "@/lib/http/route";
import { findNulText, NUL_MESSAGE } from "@/lib/http/refuse-bad-text";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { flushAnswersInput } from "@/lib/validation/answer";

/** A closing tab's edits fit in a keepalive request (browsers cap those at 64 KiB). */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * POST the edits a tab still holds as it closes or navigates away (navigator.sendBeacon or fetch
 * with keepalive): `{ answers: [{ questionKey, value?, comment? }] }`. The same checks as the
 * autosave action — session, permission, same site, schema, tenant, editable status, each value
 * against its question — and the same rule: only the parts sent are written. All or nothing.
 */
export const POST = guardedRoute("assessment:fill", async (req, actor, ctx: { params: Promise<{ assessmentId: string }> }) => {
  assertSameOrigin(req);
  const { assessmentId } = await ctx.params;
  if (assessmentId.length > 64) throw new AppError("NOT_FOUND", "Not found.");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Send at most 256 KiB of answers at once.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The body must be JSON.", { answers: "Send the answers as JSON." });
  }
  // PostgreSQL cannot store a NUL: refused on the field, as the server actions do.
  const nulAt = findNulText(raw);
  if (nulAt !== null) throw new AppError("VALIDATION", `${nulAt}: ${NUL_MESSAGE}`, { [nulAt]: NUL_MESSAGE });
  const parsed = flushAnswersInput.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Some answers need attention.", fieldErrorsOf(parsed.error));
  const { savedAt, changed } = await saveAnswers(actor, assessmentId, parsed.data.answers);
  return NextResponse.json({ savedAt: savedAt.toISOString(), changed }, { headers: { "Cache-Control": "no-store" } });
});
