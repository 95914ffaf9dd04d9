import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures, the way Stripe and GitHub do them: the header
 *   Vetta-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * binds the body to the time it was sent, so a receiver that checks the MAC (in constant time)
 * and refuses timestamps outside its window (5 minutes by default) refuses forged and replayed
 * deliveries alike. Receivers: verify against the raw bytes, before parsing the JSON.
 */
export const SIGNATURE_HEADER = "Vetta-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "malformed" | "mismatch" | "outside-window" };

export function verifySignature(secret: string, body: string, header: string | null, nowSeconds: number, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS): SignatureCheck {
  if (!header) return { ok: false, reason: "malformed" };
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest();
  if (!timingSafeEqual(expected, Buffer.from(v1, "hex"))) return { ok: false, reason: "mismatch" };
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return { ok: false, reason: "outside-window" };
  return { ok: true };
}
