import { describe, expect, it } from "vitest";
import { assignRequestId, saneRequestId } from "./request-id";

describe("request ids", () => {
  it("keeps a trusted proxy's sane id", () => {
    expect(assignRequestId("abc-123_proxy.7", true)).toBe("abc-123_proxy.7");
  });

  it("ignores the incoming id when the proxy is not trusted", () => {
    const id = assignRequestId("abc-123_proxy.7", false);
    expect(id).not.toBe("abc-123_proxy.7");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("replaces an id that could break or forge a log line, even from a trusted proxy", () => {
    for (const bad of ["short", "x".repeat(129), "abc 123 def", "abc\n{\"level\":60}", "<script>alert(1)</script>"]) {
      expect(saneRequestId(bad)).toBeNull();
      expect(assignRequestId(bad, true)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
