/**
 * SECURITY-CRITICAL. The keyed audit chain (version 2). Each sealed event gets a link:
 *   mac = HMAC-SHA256(chainKey, prevMac ‖ "\n" ‖ seq ‖ "\n" ‖ canonical event)
 * where seq is the event's position in its organisation's chain (1, 2, 3 … without gaps) and
 * prevMac the link before it. The key is not in the database (VETTA_AUDIT_KEY, .data/secrets.json),
 * so someone who can rewrite rows — a database administrator, a stolen backup restored and edited —
 * cannot recompute the chain after changing, removing or reordering an event; a plain SHA-256 chain
 * (version 1, lib/domain/audit-chain.ts) they could. Deleting the newest links leaves a shorter but
 * valid chain; the anchor lines (outside the database, signed with a second key derived from the
 * same secret) catch that.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./audit-chain";

export const GENESIS_MAC = "0".repeat(64);

export interface AuditKeys {
  chain: Buffer;
  anchor: Buffer;
}

/** Two keys from one secret, so an anchor line can never be passed off as a chain link or back. */
export function deriveAuditKeys(secret: string): AuditKeys {
  const raw = Buffer.from(secret, "base64");
  if (raw.length < 32) throw new Error("VETTA_AUDIT_KEY must be at least 32 bytes, base64-encoded.");
  return {
    chain: createHmac("sha256", raw).update("vetta audit chain v2").digest(),
    anchor: createHmac("sha256", raw).update("vetta audit anchor v1").digest(),
  };
}

/** What a seal covers: every field a reader relies on, plus the version-1 link of older events. */
export interface SealedEventContent {
  id: string;
  organizationId: string;
  seq: number;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  ip: string | null;
  createdAt: Date;
  prevHash: string | null;
  hash: string | null;
}

export function sealMac(chainKey: Buffer, prevMac: string, chainSeq: number, event: SealedEventContent): string {
  const body = canonicalJson({
    id: event.id,
    organizationId: event.organizationId,
    eventSeq: event.seq,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    summary: event.summary,
    ip: event.ip,
    createdAt: event.createdAt.toISOString(),
    v1PrevHash: event.prevHash,
    v1Hash: event.hash,
  });
  return createHmac("sha256", chainKey).update(prevMac).update("\n").update(String(chainSeq)).update("\n").update(body).digest("hex");
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SealRow {
  organizationId: string;
  seq: number;
  eventId: string;
  prevMac: string;
  mac: string;
}

export type SealBreak = { seq: number; eventId: string; reason: string };

/**
 * Checks one organisation's seals fed in chain order with the event each one seals (null when the
 * event row is gone), a page at a time. `push` returns the first break and keeps returning it.
 */
export function createSealVerifier(chainKey: Buffer, organizationId: string) {
  let expectedPrev = GENESIS_MAC;
  let expectedSeq = 1;
  let broken: SealBreak | null = null;
  return {
    push(seal: SealRow, event: SealedEventContent | null): SealBreak | null {
      if (broken) return broken;
      const at = { seq: seal.seq, eventId: seal.eventId };
      if (seal.seq !== expectedSeq) {
        broken = { ...at, reason: `the chain jumps from #${expectedSeq - 1} to #${seal.seq} (sealed events were removed)` };
      } else if (!sameHex(seal.prevMac, expectedPrev)) {
        broken = { ...at, reason: "its link does not continue the link before it (seals were rewritten or reordered)" };
      } else if (!event) {
        broken = { ...at, reason: "the event it seals is missing (the row was deleted)" };
      } else if (event.organizationId !== organizationId || seal.organizationId !== organizationId) {
        broken = { ...at, reason: "the event belongs to another organisation (the row was moved)" };
      } else if (!sameHex(sealMac(chainKey, seal.prevMac, seal.seq, event), seal.mac)) {
        broken = { ...at, reason: "its content does not match its keyed seal (the event or its seal was altered)" };
      }
      expectedPrev = seal.mac;
      expectedSeq += 1;
      return broken;
    },
    /** The last link checked so far: what the anchor must agree with. */
    head: () => ({ seq: expectedSeq - 1, mac: expectedPrev }),
  };
}

/** One line of the anchor file: an organisation's chain head after a sealing pass. */
export interface Anchor {
  organizationId: string;
  seq: number;
  mac: string;
  /** When the line was written (ISO 8601, UTC). */
  at: string;
}

function anchorBody(a: Anchor): string {
  return canonicalJson({ v: 1, organizationId: a.organizationId, seq: a.seq, mac: a.mac, at: a.at });
}

export function formatAnchorLine(anchorKey: Buffer, anchor: Anchor): string {
  const body = anchorBody(anchor);
  return `${body} ${createHmac("sha256", anchorKey).update(body).digest("hex")}\n`;
}

/** The anchor on a line, or why the line cannot be trusted. */
export function parseAnchorLine(anchorKey: Buffer, line: string): { anchor: Anchor } | { error: string } {
  const split = line.lastIndexOf(" ");
  if (split < 0) return { error: "not an anchor line" };
  const body = line.slice(0, split);
  const sig = line.slice(split + 1).trim();
  if (!sameHex(createHmac("sha256", anchorKey).update(body).digest("hex"), sig)) return { error: "its signature does not match (edited, or written with another key)" };
  try {
    const parsed = JSON.parse(body) as Partial<Anchor> & { v?: number };
    if (parsed.v !== 1 || typeof parsed.organizationId !== "string" || !Number.isInteger(parsed.seq) || typeof parsed.mac !== "string" || typeof parsed.at !== "string") {
      return { error: "unknown anchor format" };
    }
    return { anchor: { organizationId: parsed.organizationId, seq: parsed.seq!, mac: parsed.mac, at: parsed.at } };
  } catch {
    return { error: "not valid JSON" };
  }
}
