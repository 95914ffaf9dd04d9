import { describe, expect, it } from "vitest";
import { findNulText } from "./refuse-bad-text";

describe("findNulText", () => {
  it("finds the path of the first string holding a NUL", () => {
    expect(findNulText({ a: "ok", b: { c: ["fine", "bad\u0000"] } })).toBe("b.c.1");
    expect(findNulText("x\u0000")).toBe("_form");
  });

  it("finds it in FormData and in keys", () => {
    const form = new FormData();
    form.set("reference", "a\u0000b");
    expect(findNulText(form)).toBe("reference");
    expect(findNulText({ ["k\u0000"]: 1 })).toBe("k");
  });

  it("passes clean input, numbers and null", () => {
    expect(findNulText({ a: "line\nbreak\ttab", n: 1, z: null, list: [true] })).toBeNull();
    expect(findNulText(undefined)).toBeNull();
  });

  it("stops at absurd nesting instead of recursing forever", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 1000; i++) deep = { d: deep };
    expect(findNulText(deep)).not.toBeNull();
  });
});
