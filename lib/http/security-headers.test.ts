import { describe, expect, it } from "vitest";
import { API_CSP, keepsOwnCsp, newNonce, pageCsp, servedOverTls } from "./security-headers";

describe("page CSP", () => {
  it("allows scripts only with the nonce: no 'unsafe-inline' and no 'unsafe-eval' for scripts in production", () => {
    const nonce = newNonce();
    const csp = pageCsp(nonce, { dev: false });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(pageCsp(nonce, { dev: true })).toContain("'unsafe-eval'");
  });

  it("uses a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("leaves the evidence download's own sandbox policy alone, and lets nothing load in other API responses", () => {
    expect(keepsOwnCsp("/api/files/abc")).toBe(true);
    expect(keepsOwnCsp("/api/me")).toBe(false);
    expect(keepsOwnCsp("/vendors")).toBe(false);
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("HSTS", () => {
  it("is sent over https, and behind a trusted TLS proxy only", () => {
    expect(servedOverTls({ socketTls: true, forwardedProto: null, trustProxy: false })).toBe(true);
    expect(servedOverTls({ socketTls: false, forwardedProto: null, trustProxy: true })).toBe(false);
    expect(servedOverTls({ socketTls: false, forwardedProto: "https", trustProxy: true })).toBe(true);
    expect(servedOverTls({ socketTls: false, forwardedProto: "https, http", trustProxy: true })).toBe(true);
    // Anyone can send the header: without VETTA_TRUST_PROXY it means nothing.
    expect(servedOverTls({ socketTls: false, forwardedProto: "https", trustProxy: false })).toBe(false);
    expect(servedOverTls({ socketTls: false, forwardedProto: "http", trustProxy: true })).toBe(false);
  });
});
