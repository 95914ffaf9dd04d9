import { describe, expect, it } from "vitest";
import { parseListQuery, toSearchParams, type ListQueryOptions } from "@/lib/validation/list-query";
import { decodeCursor, encodeCursor, pageLinks, pageRead } from "./list-pages";

const KEYSET: ListQueryOptions = { sortable: ["name"], defaultSort: { id: "name", desc: false }, keyset: true };
const PLAIN: ListQueryOptions = { sortable: ["name"], defaultSort: { id: "name", desc: false } };

describe("keyset list URLs", () => {
  it("round-trip a cursor and its page label, and drop deep offset pages", () => {
    const cursor = encodeCursor("a", ["Vendor 05000", "clx1"]);
    const q = parseListQuery({ cursor, page: "201" }, KEYSET);
    expect(q).toMatchObject({ cursor, page: 201 });
    expect(parseListQuery(toSearchParams(q, KEYSET), KEYSET)).toEqual(q);
    expect(decodeCursor(q.cursor)).toEqual({ kind: "after", key: ["Vendor 05000", "clx1"] });
    // A cursor without a page label: position unknown.
    expect(parseListQuery({ cursor: "last" }, KEYSET)).toMatchObject({ cursor: "last", page: 0 });
    // Deep pages by offset are not served: page 1 (lists without keyset keep their pages).
    expect(parseListQuery({ page: "400" }, KEYSET)).toMatchObject({ page: 1, cursor: null });
    expect(parseListQuery({ page: "20" }, KEYSET).page).toBe(20);
    expect(parseListQuery({ page: "400" }, PLAIN).page).toBe(400);
    // Junk is no cursor.
    for (const junk of ["a.", "x.abc", "a.abc def", `a.${"x".repeat(700)}`]) expect(parseListQuery({ cursor: junk }, KEYSET).cursor).toBeNull();
    expect(decodeCursor("a.bm90IGpzb24")).toBeNull();
    expect(decodeCursor(encodeCursor("b", [null, "id"]))).toEqual({ kind: "before", key: [null, "id"] });
  });

  it("link offset pages by number up to page 20, then by the last row's key", () => {
    const q = parseListQuery({ page: "20" }, KEYSET);
    const links = pageLinks(pageRead(q, null), { pageSize: 25, shown: 25, more: true, firstKey: ["a", "1"], lastKey: ["z", "9"], total: 1000, totalCapped: true });
    expect(links).toMatchObject({ page: 20, from: 476, previous: { page: 19, cursor: null }, first: { page: 1, cursor: null }, last: { page: 0, cursor: "last" } });
    expect(links.next).toEqual({ page: 21, cursor: encodeCursor("a", ["z", "9"]) });
    const page1 = pageLinks(pageRead(parseListQuery({}, KEYSET), null), { pageSize: 25, shown: 3, more: false, firstKey: ["a", "1"], lastKey: ["c", "3"], total: 3, totalCapped: false });
    expect(page1).toMatchObject({ page: 1, from: 1, first: null, previous: null, next: null, last: null });
  });

  it("link keyset pages both ways and call a backwards read that hit the start page 1", () => {
    const after = parseListQuery({ cursor: encodeCursor("a", ["m", "5"]), page: "30" }, KEYSET);
    const mid = pageLinks(pageRead(after, decodeCursor(after.cursor)), { pageSize: 25, shown: 25, more: true, firstKey: ["n", "6"], lastKey: ["p", "8"], total: 900, totalCapped: false });
    expect(mid).toMatchObject({ page: 30, from: 726, previous: { page: 29, cursor: encodeCursor("b", ["n", "6"]) }, next: { page: 31, cursor: encodeCursor("a", ["p", "8"]) }, last: { page: 36, cursor: "last" } });
    const before = parseListQuery({ cursor: encodeCursor("b", ["c", "3"]), page: "2" }, KEYSET);
    const start = pageLinks(pageRead(before, decodeCursor(before.cursor)), { pageSize: 25, shown: 7, more: false, firstKey: ["a", "1"], lastKey: ["b", "2"], total: 900, totalCapped: false });
    expect(start).toMatchObject({ page: 1, from: 1, previous: null, first: null, next: { page: 2, cursor: encodeCursor("a", ["b", "2"]) } });
    const last = parseListQuery({ cursor: "last" }, KEYSET);
    expect(pageLinks(pageRead(last, decodeCursor("last")), { pageSize: 25, shown: 25, more: true, firstKey: ["x", "1"], lastKey: ["z", "2"], total: 1000, totalCapped: true })).toMatchObject({
      page: 0,
      from: null,
      next: null,
      last: null,
      previous: { page: 0, cursor: encodeCursor("b", ["x", "1"]) },
    });
  });
});
