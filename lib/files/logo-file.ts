/**
 * SECURITY-CRITICAL. Checks an uploaded organisation logo: its type is decided from the content by
 * the evidence checks (detect-file-type.ts: a file whose name claims another type is refused), it
 * must be a PNG or a JPEG, and small. Messages are shown to the user as written.
 */
import { detectFileType } from "./detect-file-type";

export const MAX_LOGO_BYTES = 512 * 1024;

export type LogoCheck = { ok: true; mimeType: "image/png" | "image/jpeg" } | { ok: false; message: string };

export function checkLogoFile(bytes: Uint8Array, fileName: string): LogoCheck {
  if (bytes.byteLength === 0) return { ok: false, message: "The file is empty." };
  if (bytes.byteLength > MAX_LOGO_BYTES) return { ok: false, message: `This logo is ${(bytes.byteLength / 1024).toFixed(0)} KB; the limit is 512 KB.` };
  const detected = detectFileType(bytes, fileName);
  if (!detected.ok) return { ok: false, message: detected.message };
  if (detected.type === "PNG") return { ok: true, mimeType: "image/png" };
  if (detected.type === "JPEG") return { ok: true, mimeType: "image/jpeg" };
  return { ok: false, message: "A logo must be a PNG or JPEG image." };
}
