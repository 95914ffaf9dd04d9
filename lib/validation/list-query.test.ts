import { describe, expect, it } from "vitest";
import { parseListQuery, toSearchParams } from "./list-query";

const options = { sortable: ["name", "updatedAt"], defaultSort: { id: "name", desc: false }, filters: { tier: ["CONSUMER", "BUSINESS", "ENTERPRISE"] } };

describe("list query", () => {
  it("defaults", () => {
    expect(parseListQuery({}, options)).toEqual({ page: 1, pageSize: 25, sort: { id: "name", desc: false }, q: "", filters: {} });
  });

  it("parses every part", () => {
    expect(parseListQuery({ page: "3", pageSize: "50", sort: "-updatedAt", q: " open ", tier: ["CONSUMER", "BUSINESS,ENTERPRISE"] }, options)).toEqual({
      page: 3,
      pageSize: 50,
      sort: { id: "updatedAt", desc: true },
      q: "open",
      filters: { tier: ["CONSUMER", "BUSINESS", "ENTERPRISE"] },
    });
  });

  it("falls back on bad values instead of failing", () => {
    expect(parseListQuery({ page: "-2", pageSize: "7", sort: "password", tier: "FREE", other: "x" }, options)).toEqual({
      page: 1,
      pageSize: 25,
      sort: { id: "name", desc: false },
      q: "",
      filters: {},
    });
  });

  it("round-trips through the URL", () => {
    const state = parseListQuery({ page: "2", sort: "-name", q: "gpt", tier: "CONSUMER" }, options);
    const back = parseListQuery(Object.fromEntries(toSearchParams(state, options)), options);
    expect(back).toEqual(state);
    expect(toSearchParams(parseListQuery({}, options), options).toString()).toBe("");
  });

  it("keeps an explicit 'no sort'", () => {
    const state = { ...parseListQuery({}, options), sort: null };
    expect(toSearchParams(state, options).get("sort")).toBe("none");
    expect(parseListQuery({ sort: "none" }, options).sort).toBeNull();
  });
});
