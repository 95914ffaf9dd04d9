import { describe, expect, it } from "vitest";
import { canonicalJson, findChainBreak, GENESIS_HASH, hashEvent, type ChainedEvent } from "./audit-chain";

function chain(n: number) {
  const events: Array<ChainedEvent & { id: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base: ChainedEvent = {
      organizationId: "org1",
      seq: i,
      actorId: "u1",
      actorLabel: "a@example.com",
      action: "vendor.create",
      entityType: "Vendor",
      entityId: `v${i}`,
      summary: { after: { name: `Vendor ${i}` } },
      ip: "127.0.0.1",
      createdAt: new Date(Date.UTC(2026, 0, i)),
      prevHash: prev,
    };
    const hash = hashEvent(base);
    events.push({ ...base, id: `e${i}`, hash });
    prev = hash;
  }
  return events;
}

describe("audit chain", () => {
  it("verifies an intact chain", () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });

  it("names the first altered event", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, summary: { after: { name: "Tampered" } } };
    expect(findChainBreak(events)).toMatchObject({ seq: 3, id: "e3" });
  });

  it("detects a removed event", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events)).toMatchObject({ seq: 3, reason: expect.stringContaining("missing") });
  });

  it("detects a re-linked event", () => {
    const events = chain(3);
    events[1] = { ...events[1]!, prevHash: GENESIS_HASH };
    expect(findChainBreak(events)?.seq).toBe(2);
  });

  it("hashes key order independently", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });
});
