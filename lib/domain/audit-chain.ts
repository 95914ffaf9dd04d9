/**
 * SECURITY-CRITICAL. The audit trail's hash chain, per organisation: each event stores the hash
 * of the one before it, and its own hash covers that link and every field a reader relies on.
 * Altering, removing or reordering any event breaks the chain at that point.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedEvent {
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
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function hashEvent(event: ChainedEvent): string {
  const body = canonicalJson({
    organizationId: event.organizationId,
    seq: event.seq,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    summary: event.summary,
    ip: event.ip,
    createdAt: event.createdAt.toISOString(),
  });
  return createHash("sha256").update(event.prevHash).update("\n").update(body).digest("hex");
}

export type ChainBreak = { seq: number; id: string; reason: string };

/**
 * Checks one organisation's events fed in seq order, a page at a time, so a long trail never has
 * to sit in memory at once. `push` returns the first broken link it meets, then keeps returning it.
 */
export function createChainVerifier() {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let broken: ChainBreak | null = null;
  return {
    push(event: ChainedEvent & { id: string; hash: string }): ChainBreak | null {
      if (broken) return broken;
      if (event.seq !== expectedSeq) {
        broken = { seq: event.seq, id: event.id, reason: `sequence jumps from ${expectedSeq - 1} to ${event.seq} (an event is missing)` };
      } else if (event.prevHash !== expectedPrev) {
        broken = { seq: event.seq, id: event.id, reason: "its previous-hash does not match the event before it" };
      } else if (hashEvent(event) !== event.hash) {
        broken = { seq: event.seq, id: event.id, reason: "its content does not match its hash (the row was altered)" };
      }
      expectedPrev = event.hash;
      expectedSeq += 1;
      return broken;
    },
  };
}

/** The first broken link of a whole chain given in seq order, or null. */
export function findChainBreak(events: Array<ChainedEvent & { id: string; hash: string }>): ChainBreak | null {
  const verifier = createChainVerifier();
  for (const event of events) {
    const broken = verifier.push(event);
    if (broken) return broken;
  }
  return null;
}
