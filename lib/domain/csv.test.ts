import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("csv", () => {
  it("parses quotes, escaped quotes, commas and newlines in fields", () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\nthere"\n\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
  });

  it("round-trips", () => {
    const rows = [["OpenAI", "EU, US", 'quote "q"'], ["", "", ""]];
    expect(parseCsv(toCsv(rows))).toEqual([rows[0]]);
  });

  it("neutralises formulas", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "-1", "@SUM(A1)", "ok"]])).toBe(`"'=HYPERLINK(""x"")",'-1,'@SUM(A1),ok\r\n`);
  });

  it("refuses an unterminated quote", () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/closing quote/);
  });
});
