import { describe, expect, it } from "vitest";
import { defaultListQuery, listQuerySchema, parseListQuery, toSearchParams, type ListQuery, type ListQueryOptions } from "./list-query";

const options = {
  sortable: ["name", "updatedAt"],
  defaultSort: { id: "name", desc: false },
  filters: { tier: ["CONSUMER", "BUSINESS", "ENTERPRISE"], status: ["active", "archived"] },
} satisfies ListQueryOptions;

const unsorted = { sortable: ["name"] } satisfies ListQueryOptions;

const DEFAULTS: ListQuery = { page: 1, pageSize: 25, sort: { id: "name", desc: false }, q: "", filters: {} };

/** What Next hands a page: repeated keys become arrays. */
function nextSearchParams(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

describe("listQuerySchema", () => {
  const schema = listQuerySchema(options);

  it("gives the defaults for an empty URL", () => {
    expect(schema.parse({})).toEqual(DEFAULTS);
    expect(schema.parse(undefined)).toEqual(DEFAULTS);
    expect(listQuerySchema(unsorted).parse({})).toEqual({ ...DEFAULTS, sort: null });
  });

  it("parses every part", () => {
    expect(schema.parse({ page: "3", pageSize: "50", sort: "-updatedAt", q: "  open model ", tier: "BUSINESS" })).toEqual({
      page: 3,
      pageSize: 50,
      sort: { id: "updatedAt", desc: true },
      q: "open model",
      filters: { tier: ["BUSINESS"] },
    });
    expect(schema.parse({ sort: "updatedAt" }).sort).toEqual({ id: "updatedAt", desc: false });
  });

  it("accepts every offered page size", () => {
    for (const size of [10, 25, 50, 100]) expect(schema.parse({ pageSize: String(size) }).pageSize).toBe(size);
  });

  it.each([
    ["page", "0"],
    ["page", "-2"],
    ["page", "2.5"],
    ["page", "abc"],
    ["page", ""],
    ["page", "1000000000"],
    ["pageSize", "7"],
    ["pageSize", "1000"],
    ["pageSize", "ten"],
    ["sort", "password"],
    ["sort", "-"],
    ["sort", "--name"],
    ["sort", ""],
  ])("falls back to the default for %s=%j", (key, value) => {
    expect(schema.parse({ [key]: value })).toEqual(DEFAULTS);
  });

  it("keeps the valid parts of a partly bad URL", () => {
    expect(schema.parse({ page: "x", pageSize: "50", sort: "password", q: "gpt", tier: "FREE", status: "archived" })).toEqual({
      ...DEFAULTS,
      pageSize: 50,
      q: "gpt",
      filters: { status: ["archived"] },
    });
  });

  it("an unknown sort on a list without a default sort means no sort", () => {
    expect(listQuerySchema(unsorted).parse({ sort: "-secret" }).sort).toBeNull();
  });

  it("sort=none turns the default sort off", () => {
    expect(schema.parse({ sort: "none" }).sort).toBeNull();
  });

  it("trims the search and caps it at 200 characters", () => {
    expect(schema.parse({ q: "   " }).q).toBe("");
    expect(schema.parse({ q: "a".repeat(250) }).q).toHaveLength(200);
    // A cut that would end in a space is trimmed, so the value survives a round trip.
    expect(schema.parse({ q: `${"a".repeat(199)} b` }).q).toBe("a".repeat(199));
  });

  it("takes the first value of a repeated single-valued parameter", () => {
    expect(schema.parse({ page: ["4", "2"], q: ["first", "second"], sort: ["-name", "updatedAt"] })).toMatchObject({
      page: 4,
      q: "first",
      sort: { id: "name", desc: true },
    });
  });

  it("reads repeated and comma-separated filter values, drops unknown ones, dedupes, keeps the allowed order", () => {
    expect(schema.parse({ tier: ["ENTERPRISE", "CONSUMER,BUSINESS", "FREE", "CONSUMER"] }).filters).toEqual({ tier: ["CONSUMER", "BUSINESS", "ENTERPRISE"] });
    expect(schema.parse({ tier: "consumer, ,BUSINESS " }).filters).toEqual({ tier: ["BUSINESS"] });
    expect(schema.parse({ tier: "FREE" }).filters).toEqual({});
    expect(schema.parse({ tier: "", status: [] }).filters).toEqual({});
  });

  it("ignores parameters that are not the list's", () => {
    expect(schema.parse({ other: "x", riskTier: "HIGH", __proto__: "x", constructor: "y" })).toEqual(DEFAULTS);
  });

  it("reads a URLSearchParams as well as Next's object", () => {
    expect(schema.parse(new URLSearchParams("tier=CONSUMER&tier=BUSINESS&page=2"))).toEqual({ ...DEFAULTS, page: 2, filters: { tier: ["CONSUMER", "BUSINESS"] } });
  });

  it("never throws, whatever it is given", () => {
    for (const input of [null, 42, "page=2", [], { page: 2 }, { page: { nested: true } }, { tier: [1, 2] }]) expect(schema.parse(input)).toEqual(DEFAULTS);
  });

  it("refuses options that cannot round-trip through a URL", () => {
    expect(() => listQuerySchema({ sortable: [], filters: { page: ["a"] } })).toThrow(/clashes/);
    expect(() => listQuerySchema({ sortable: [], filters: { region: ["EU,US"] } })).toThrow(/round-trip/);
    expect(() => listQuerySchema({ sortable: ["none"] })).toThrow(/sort id/);
  });
});

describe("parseListQuery", () => {
  it("is the schema's parse", () => {
    const params = { page: "2", tier: "CONSUMER" };
    expect(parseListQuery(params, options)).toEqual(listQuerySchema(options).parse(params));
  });

  it("returns a fresh default sort each time", () => {
    const a = parseListQuery({}, options);
    const b = parseListQuery({}, options);
    expect(a.sort).not.toBe(b.sort);
    expect(a.sort).not.toBe(options.defaultSort);
  });
});

describe("toSearchParams", () => {
  it("writes nothing for the default view", () => {
    expect(toSearchParams(defaultListQuery(options), options).toString()).toBe("");
    expect(toSearchParams(defaultListQuery(unsorted)).toString()).toBe("");
  });

  it("writes each part that differs from its default", () => {
    const state: ListQuery = { page: 3, pageSize: 50, sort: { id: "updatedAt", desc: true }, q: "open model", filters: { tier: ["CONSUMER", "BUSINESS"] } };
    expect(toSearchParams(state, options).toString()).toBe("q=open+model&tier=CONSUMER&tier=BUSINESS&sort=-updatedAt&pageSize=50&page=3");
  });

  it("writes sort=none only when turning a default sort off", () => {
    expect(toSearchParams({ ...DEFAULTS, sort: null }, options).get("sort")).toBe("none");
    expect(toSearchParams({ ...DEFAULTS, sort: null }).has("sort")).toBe(false);
    expect(toSearchParams({ ...DEFAULTS, sort: { id: "name", desc: true } }, options).get("sort")).toBe("-name");
    expect(toSearchParams(DEFAULTS).get("sort")).toBe("name");
  });

  it.each([
    {},
    { page: "2" },
    { page: "7", pageSize: "100", sort: "-updatedAt", q: "gpt 4", tier: ["CONSUMER", "ENTERPRISE"], status: "archived" },
    { sort: "none", q: "ß & ü = 100%", tier: "BUSINESS,CONSUMER" },
    { sort: "updatedAt", pageSize: "10", q: `${"x".repeat(199)} y` },
  ])("round-trips %j through the URL", (params) => {
    const state = parseListQuery(params, options);
    const url = toSearchParams(state, options);
    expect(parseListQuery(url, options)).toEqual(state);
    expect(parseListQuery(nextSearchParams(new URLSearchParams(url.toString())), options)).toEqual(state);
  });
});
