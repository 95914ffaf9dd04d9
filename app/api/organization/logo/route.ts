import { NextResponse } from "next/server";
import { getOrganizationLogo, removeOrganizationLogo, setOrganizationLogo } from "@/lib/db/organization-logo";
import { AppError } from "@/lib/errors/app-error";
import { checkLogoFile, MAX_LOGO_BYTES } from "@/lib/files/logo-file";
import { guardedRoute, jsonError } from "@/lib/http/route";
import { logoEmbeds } from "@/lib/pdf/logo-check";

/**
 * The organisation's logo for its reports (Settings → Organisation; admins). POST multipart "file":
 * a PNG or JPEG up to 512 KB, its type decided from the content as for evidence, and one pdfkit can
 * embed. DELETE removes it. GET serves it to the settings page.
 */
export const POST = guardedRoute("organization:manage", async (req, actor) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_LOGO_BYTES + 64 * 1024) return jsonError(413, "The limit for a logo is 512 KB.", { fieldErrors: { file: "The limit for a logo is 512 KB." } });
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "Choose a PNG or JPEG image.", { file: "Choose a PNG or JPEG image." });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkLogoFile(bytes, file.name);
  if (!checked.ok) return jsonError(bytes.byteLength > MAX_LOGO_BYTES ? 413 : 415, checked.message, { fieldErrors: { file: checked.message } });
  if (!(await logoEmbeds(bytes))) {
    const message = "This image cannot be placed on a report: save it as an 8-bit PNG or a baseline JPEG and try again.";
    return jsonError(415, message, { fieldErrors: { file: message } });
  }
  const saved = await setOrganizationLogo(actor, { mimeType: checked.mimeType, bytes });
  return NextResponse.json({ logo: { mimeType: checked.mimeType, sha256: saved.sha256 } }, { status: 201 });
});

export const DELETE = guardedRoute("organization:manage", async (_req, actor) => {
  await removeOrganizationLogo(actor);
  return new Response(null, { status: 204 });
});

export const GET = guardedRoute("organization:manage", async (_req, actor) => {
  const logo = await getOrganizationLogo(actor);
  if (!logo) return jsonError(404, "No logo has been uploaded.");
  return new Response(new Uint8Array(logo.bytes), { headers: { "Content-Type": logo.mimeType, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
});
