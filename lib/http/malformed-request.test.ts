import { describe, expect, it } from "vitest";
import { findMalformedRequest } from "./malformed-request";

const get = (url: string) => findMalformedRequest({ method: "GET", url, headers: { host: "vetta.example" } });

describe("requests refused before Next sees them", () => {
  it("invalid UTF-8 or broken percent-encoding in the path: 400 naming the path", () => {
    expect(get("/share/%ff")).toMatchObject({ status: 400, fieldErrors: { path: expect.stringMatching(/not valid/) } });
    expect(get("/vendors/%E0%A4%A")).toMatchObject({ status: 400 });
  });

  it("a NUL in the path or a query parameter: 400 naming it", () => {
    expect(get("/api/files/x%00")).toMatchObject({ status: 400, fieldErrors: { path: expect.stringMatching(/NUL/) } });
    expect(get("/vendors?q=a%00")).toMatchObject({ status: 400, error: expect.stringMatching(/^q: /), fieldErrors: { q: expect.stringMatching(/NUL/) } });
    expect(get("/vendors?page=2&sort=name%00x")).toMatchObject({ fieldErrors: { sort: expect.any(String) } });
  });

  it("lets ordinary addresses through, odd query bytes included (Next decodes them leniently)", () => {
    expect(get("/vendors?q=caf%C3%A9&page=2")).toBeNull();
    expect(get("/vendors?q=%ff")).toBeNull();
    expect(get("/share/abc_DEF-123")).toBeNull();
  });

  it("a server action from another site: 403 naming the origin; our own pages and no Origin pass", () => {
    const action = (origin: string | undefined) => findMalformedRequest({ method: "POST", url: "/vendors/new", headers: { host: "vetta.example", "next-action": "abc", ...(origin ? { origin } : {}) } });
    expect(action("https://evil.example")).toMatchObject({ status: 403, fieldErrors: { origin: expect.any(String) } });
    expect(action("null")).toMatchObject({ status: 403 });
    expect(action("https://vetta.example")).toBeNull();
    expect(action(undefined)).toBeNull();
    expect(findMalformedRequest({ method: "POST", url: "/api/files", headers: { host: "vetta.example", origin: "https://evil.example" } })).toBeNull();
  });
});
