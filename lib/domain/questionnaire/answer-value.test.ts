import { describe, expect, it } from "vitest";
import { parseAnswerValue } from "./answer-value";

const choice = { type: "SINGLE_CHOICE", options: [{ value: "a" }, { value: "b" }] };

describe("parseAnswerValue", () => {
  it.each([
    [{ type: "YES_NO", options: null }, "yes", "yes"],
    [choice, "b", "b"],
    [{ ...choice, type: "MULTI_CHOICE" }, ["a", "a", "b"], ["a", "b"]],
    [{ type: "NUMBER", options: null }, "72", 72],
    [{ type: "DATE", options: null }, "2026-02-28", "2026-02-28"],
    [{ type: "TEXT", options: null }, "", null],
  ] as const)("accepts %#", (q, raw, value) => {
    expect(parseAnswerValue(q, raw)).toEqual({ ok: true, value });
  });
  it.each([
    [{ type: "YES_NO", options: null }, true],
    [choice, "c"],
    [{ ...choice, type: "MULTI_CHOICE" }, ["a", "z"]],
    [{ type: "NUMBER", options: null }, "seventy"],
    [{ type: "DATE", options: null }, "28/02/2026"],
  ] as const)("refuses %#", (q, raw) => {
    expect(parseAnswerValue(q, raw).ok).toBe(false);
  });
});
