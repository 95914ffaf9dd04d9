import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealVerifier, deriveAuditKeys, formatAnchorLine, GENESIS_MAC, parseAnchorLine, sealMac, type SealedEventContent, type SealRow } from "./audit-seal";

const keys = deriveAuditKeys(randomBytes(32).toString("base64"));

function sealed(n: number, key = keys.chain) {
  const rows: Array<{ seal: SealRow; event: SealedEventContent }> = [];
  let prev = GENESIS_MAC;
  for (let i = 1; i <= n; i++) {
    const event: SealedEventContent = {
      id: `e${i}`,
      organizationId: "org1",
      seq: 100 + i * 7,
      actorId: "u1",
      actorLabel: "a@example.com",
      action: "vendor.create",
      entityType: "Vendor",
      entityId: `v${i}`,
      summary: { after: { name: `Vendor ${i}` } },
      ip: "127.0.0.1",
      createdAt: new Date(Date.UTC(2026, 0, i)),
      prevHash: null,
      hash: null,
    };
    const mac = sealMac(key, prev, i, event);
    rows.push({ seal: { organizationId: "org1", seq: i, eventId: event.id, prevMac: prev, mac }, event });
    prev = mac;
  }
  return rows;
}

function firstBreak(rows: Array<{ seal: SealRow; event: SealedEventContent | null }>) {
  const verifier = createSealVerifier(keys.chain, "org1");
  for (const { seal, event } of rows) {
    const broken = verifier.push(seal, event);
    if (broken) return broken;
  }
  return null;
}

describe("keyed audit chain", () => {
  it("verifies an intact chain", () => {
    expect(firstBreak(sealed(5))).toBeNull();
  });

  it("names an altered event", () => {
    const rows = sealed(5);
    rows[2] = { ...rows[2]!, event: { ...rows[2]!.event, summary: { after: { name: "Tampered" } } } };
    expect(firstBreak(rows)).toMatchObject({ seq: 3, eventId: "e3", reason: expect.stringContaining("keyed seal") });
  });

  it("refuses a chain made with another key, however consistent", () => {
    expect(firstBreak(sealed(3, deriveAuditKeys(randomBytes(32).toString("base64")).chain))).toMatchObject({ seq: 1 });
  });

  it("detects a removed link, a missing event and a reordering", () => {
    const removed = sealed(4);
    removed.splice(1, 1);
    expect(firstBreak(removed)).toMatchObject({ seq: 3, reason: expect.stringContaining("jumps") });
    const missing: Array<{ seal: SealRow; event: SealedEventContent | null }> = sealed(3);
    missing[1] = { ...missing[1]!, event: null };
    expect(firstBreak(missing)).toMatchObject({ seq: 2, reason: expect.stringContaining("missing") });
    const swapped = sealed(3);
    const [a, b] = [swapped[0]!.event, swapped[1]!.event];
    swapped[0] = { ...swapped[0]!, event: b };
    swapped[1] = { ...swapped[1]!, event: a };
    expect(firstBreak(swapped)).toMatchObject({ seq: 1 });
  });

  it("signs anchor lines, and refuses an edited one or one under another key", () => {
    const line = formatAnchorLine(keys.anchor, { organizationId: "org1", seq: 12, mac: "ab".repeat(32), at: "2026-12-04T21:00:00.000Z" });
    expect(parseAnchorLine(keys.anchor, line)).toEqual({ anchor: { organizationId: "org1", seq: 12, mac: "ab".repeat(32), at: "2026-12-04T21:00:00.000Z" } });
    expect(parseAnchorLine(keys.anchor, line.replace('"seq":12', '"seq":11'))).toMatchObject({ error: expect.stringContaining("signature") });
    expect(parseAnchorLine(keys.chain, line)).toMatchObject({ error: expect.stringContaining("signature") });
  });

  it("refuses a short key", () => {
    expect(() => deriveAuditKeys(randomBytes(8).toString("base64"))).toThrow(/32 bytes/);
  });
});
