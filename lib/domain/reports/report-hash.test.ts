import { describe, expect, it } from "vitest";
import { canonicalJson, claimedReportId, contentHashOf, normalizeSha256 } from "./report-hash";

describe("report content hash", () => {
  it("does not depend on key order (jsonb reorders keys) but does on every value", () => {
    const a = { meta: { reportId: "r1", generatedAt: "2026-11-23T10:00:00.000Z" }, data: { kind: "PRODUCT", score: { score: 71, tier: "MEDIUM" }, list: [1, 2] } };
    const b = { data: { list: [1, 2], score: { tier: "MEDIUM", score: 71 }, kind: "PRODUCT" }, meta: { generatedAt: "2026-11-23T10:00:00.000Z", reportId: "r1" } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(contentHashOf(a)).toBe(contentHashOf(b));
    expect(contentHashOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf({ ...a, data: { ...a.data, score: { score: 72, tier: "MEDIUM" } } })).not.toBe(contentHashOf(a));
    expect(contentHashOf({ ...a, data: { ...a.data, list: [2, 1] } })).not.toBe(contentHashOf(a));
  });

  it("writes strings, nulls and nesting as JSON does", () => {
    expect(canonicalJson({ b: null, a: 'say "hi"\n', c: [{ y: 1, x: true }] })).toBe('{"a":"say \\"hi\\"\\n","b":null,"c":[{"x":true,"y":1}]}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("finds the report id a PDF claims in its metadata", () => {
    expect(claimedReportId(Buffer.from("%PDF-1.3\n<< /Keywords (vetta-report:cmi8x2k0a0001abcd1234efgh) >>"))).toBe("cmi8x2k0a0001abcd1234efgh");
    expect(claimedReportId(Buffer.from("%PDF-1.3 nothing here"))).toBeNull();
  });

  it("accepts a pasted hash in any case, with spaces or colons, and nothing else", () => {
    const hex = "a".repeat(64);
    expect(normalizeSha256(` ${"A".repeat(32)} ${"a".repeat(32)} `)).toBe(hex);
    expect(normalizeSha256("aa:".repeat(31) + "aa")).toBe(hex);
    expect(normalizeSha256("a".repeat(63))).toBeNull();
    expect(normalizeSha256("g".repeat(64))).toBeNull();
  });
});
