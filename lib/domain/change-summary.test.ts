import { describe, expect, it } from "vitest";
import { changeSummary } from "./change-summary";

describe("changeSummary", () => {
  it("keeps only changed fields", () => {
    expect(changeSummary({ name: "A", regions: ["EU"], days: 30 }, { name: "A", regions: ["EU", "US"], days: 30 })).toEqual({
      before: { regions: ["EU"] },
      after: { regions: ["EU", "US"] },
    });
  });
  it("compares dates by value and treats undefined as null", () => {
    const d = new Date("2026-01-01T00:00:00Z");
    expect(changeSummary({ at: d, note: null }, { at: new Date(d), note: undefined })).toEqual({ before: {}, after: {} });
  });
});
