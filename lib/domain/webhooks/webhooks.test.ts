import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "./private-address";
import { signPayload, verifySignature } from "./signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = '{"id":"evt_1","type":"ping"}';
  it("verify with the same secret, body and a time within the window", () => {
    const header = signPayload(secret, body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, 1_800_000_100)).toEqual({ ok: true });
  });
  it("refuse another secret, a changed body, a replay outside the window and junk", () => {
    const header = signPayload(secret, body, 1_800_000_000);
    expect(verifySignature("whsec_other", body, header, 1_800_000_000)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, body.replace("ping", "pong"), header, 1_800_000_000)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, body, header, 1_800_000_301)).toEqual({ ok: false, reason: "outside-window" });
    // Moving the timestamp breaks the MAC: the time is signed too.
    expect(verifySignature(secret, body, header.replace("t=1800000000", "t=1800000300"), 1_800_000_300)).toEqual({ ok: false, reason: "mismatch" });
    for (const junk of [null, "", "t=x,v1=y", "v1=abc"]) expect(verifySignature(secret, body, junk, 1_800_000_000).ok).toBe(false);
  });
});

describe("private addresses (SSRF)", () => {
  it("refuses loopback, private, link-local, metadata, unique-local and mapped addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "not-an-ip"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
  });
  it("allows public addresses", () => {
    for (const a of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});
