import { describe, expect, it } from "vitest";
import { isAnswered, isVisible, missingRequired, progress, type RuleSection } from "./rules";

const sections: RuleSection[] = [
  {
    key: "training",
    questions: [
      { key: "trains", type: "YES_NO", required: true, visibility: null },
      { key: "opt_out", type: "YES_NO", required: true, visibility: { questionKey: "trains", equals: true } },
      { key: "opt_out_how", type: "TEXT", required: true, visibility: { questionKey: "opt_out", equals: true } },
    ],
  },
  {
    key: "location",
    questions: [
      { key: "regions", type: "MULTI_CHOICE", required: true, visibility: null },
      { key: "eu_transfer", type: "SINGLE_CHOICE", required: false, visibility: { questionKey: "regions", equals: "EU" } },
      { key: "notes", type: "TEXT", required: false, visibility: null },
    ],
  },
];

describe("visibility", () => {
  it("shows a question only when the answer it looks at has the value", () => {
    const q = sections[0]!.questions[1]!;
    expect(isVisible(q, {})).toBe(false);
    expect(isVisible(q, { trains: false })).toBe(false);
    expect(isVisible(q, { trains: true })).toBe(true);
  });
  it("matches a value inside a multiple choice", () => {
    expect(isVisible(sections[1]!.questions[1]!, { regions: ["US", "EU"] })).toBe(true);
    expect(isVisible(sections[1]!.questions[1]!, { regions: ["US"] })).toBe(false);
  });
  it("hides a chain when its first link is hidden", () => {
    const byKey = new Map(sections[0]!.questions.map((q) => [q.key, q]));
    // opt_out is true from an earlier state, but trains is now false: opt_out_how must hide.
    expect(isVisible(sections[0]!.questions[2]!, { trains: false, opt_out: true }, byKey)).toBe(false);
  });
});

describe("required answers", () => {
  it("lists missing required visible questions in order", () => {
    expect(missingRequired(sections, {})).toEqual([
      { sectionKey: "training", questionKey: "trains" },
      { sectionKey: "location", questionKey: "regions" },
    ]);
    expect(missingRequired(sections, { trains: true, regions: [] }).map((m) => m.questionKey)).toEqual(["opt_out", "regions"]);
    expect(missingRequired(sections, { trains: true, opt_out: true, opt_out_how: " ", regions: ["EU"] }).map((m) => m.questionKey)).toEqual(["opt_out_how"]);
    expect(missingRequired(sections, { trains: false, regions: ["US"] })).toEqual([]);
  });
  it("counts false and zero as answers, blanks and empty lists not", () => {
    expect([false, 0, "x", ["a"]].every(isAnswered)).toBe(true);
    expect([null, undefined, "", "  ", [], Number.NaN].some(isAnswered)).toBe(false);
  });
  it("reports progress over visible required questions", () => {
    expect(progress(sections, { trains: true })).toMatchObject({ required: 3, answered: 1, percent: 33 });
    expect(progress(sections, { trains: false, regions: ["EU"] })).toMatchObject({ required: 2, answered: 2, percent: 100 });
  });
});
