import { describe, expect, it } from "vitest";
import { defaultListQuery, type ListQuery } from "@/lib/validation/list-query";
import { listHref } from "./list-href";

const defaultSort = { id: "name", desc: false };
const base = defaultListQuery({ defaultSort });

describe("listHref", () => {
  it("is the bare path for the default view", () => {
    expect(listHref("/vendors", base, { defaultSort })).toBe("/vendors");
  });

  it("writes the state's parameters", () => {
    const state: ListQuery = { ...base, page: 2, q: "acme", filters: { status: ["archived"] } };
    expect(listHref("/vendors", state, { defaultSort })).toBe("/vendors?q=acme&status=archived&page=2");
    expect(listHref("/vendors", { ...base, sort: null }, { defaultSort })).toBe("/vendors?sort=none");
  });

  it("keeps parameters the list does not own and replaces those it does", () => {
    const current = new URLSearchParams("tab=products&page=9&q=old&tier=CONSUMER&status=active");
    const state: ListQuery = { ...base, q: "new", filters: { status: ["archived"] } };
    expect(listHref("/products", state, { defaultSort, current, filterIds: ["tier", "status"] })).toBe("/products?tab=products&q=new&status=archived");
  });
});
