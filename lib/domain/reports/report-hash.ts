/**
 * SECURITY-CRITICAL (report integrity). The content hash printed in a report: SHA-256 of the
 * snapshot's canonical JSON (object keys sorted at every level, no whitespace). Canonical, because
 * PostgreSQL's jsonb does not keep key order: the stored snapshot must hash the same when read back.
 */
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function contentHashOf(snapshot: unknown): string {
  return sha256Hex(canonicalJson(snapshot));
}

/** The report id a PDF claims to be, from its metadata (Keywords "vetta-report:<id>"), or null. */
export function claimedReportId(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const match = /vetta-report:([a-z0-9]{20,40})/.exec(text);
  return match ? match[1]! : null;
}

/** A SHA-256 as a person might paste it: 64 hex digits, any case, spaces or colons allowed. */
export function normalizeSha256(input: string): string | null {
  const hex = input.replace(/[\s:]/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
