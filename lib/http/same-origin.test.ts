import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/assessments/a/answers", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });

describe("same-origin guard for cookie-authenticated POST routes", () => {
  it("lets this site's own requests through", () => {
    expect(() => assertSameOrigin(post({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ "sec-fetch-site": "same-origin" }))).not.toThrow();
  });

  it("refuses another site, a sibling site, a mismatched Origin and a request that says neither", () => {
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-site" },
      { origin: "http://127.0.0.1:4000" },
      { origin: "null" },
      {},
    ] as Array<Record<string, string>>) {
      expect(() => assertSameOrigin(post(headers)), JSON.stringify(headers)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    }
  });
});
