import { describe, expect, it } from "vitest";
import { answerPoints, bandFor, scoreAnswers, type ScorableQuestion } from "./answer-points";
import { scoreProduct } from "./score-product";
import type { ScoringInput } from "./types";

const yes100 = [
  { value: "yes", points: 100 },
  { value: "no", points: 0 },
];
const no100 = [
  { value: "yes", points: 0 },
  { value: "no", points: 100 },
];
const q = (key: string, extra: Partial<ScorableQuestion> = {}): ScorableQuestion => ({ key, prompt: key, type: "YES_NO", required: true, weight: 5, options: yes100, bands: null, visibility: null, ...extra });

/** The default questionnaire's training pair: the opt-out question shows only when training is "yes". */
const QUESTIONS: ScorableQuestion[] = [
  q("trains_on_customer_data", { options: no100, weight: 5 }),
  q("training_opt_out", { visibility: { questionKey: "trains_on_customer_data", equals: "yes" }, weight: 4 }),
  q("encryption_at_rest", { weight: 11 }),
  q("retention_days", { type: "NUMBER", options: null, weight: 3, bands: [{ min: null, max: 30, points: 100 }, { min: null, max: 90, points: 50 }] }),
  q("breach_notice_hours", { type: "NUMBER", options: null, weight: 3, bands: [{ min: null, max: 72, points: 100 }, { min: null, max: 96, points: 50 }] }),
  q("notes", { type: "TEXT", options: null, weight: 0 }),
];

const scoreOf = (answers: ReturnType<typeof scoreAnswers>) => {
  const input: ScoringInput = { asOf: "2026-12-01", product: { tier: "ENTERPRISE", processingRegions: ["EU"], retentionKind: "DAYS", trainingPolicy: "NEVER", subProcessorCount: 1 }, dpa: null, certifications: [], questionnaire: { answers } };
  return scoreProduct(input, { dpa: 0, questionnaire: 100, certifications: 0 });
};

describe("questionnaire answers as points", () => {
  it("a perfect questionnaire whose hidden question was not asked scores 100, and the breakdown says 'not asked'", () => {
    const answers = scoreAnswers(QUESTIONS, { trains_on_customer_data: "no", encryption_at_rest: "yes", retention_days: 30, breach_notice_hours: 48 });
    expect(answers.find((a) => a.key === "training_opt_out")).toMatchObject({ status: "NOT_ASKED", points: null });
    const result = scoreOf(answers);
    // Before the fix the hidden question counted as unanswered: 23 of 27 = 85.
    expect(result.parts.questionnaire.score).toBe(100);
    const hidden = result.contributions.find((c) => c.item === "training_opt_out")!;
    expect(hidden).toMatchObject({ of: 0, excluded: "NOT_ASKED" });
    expect(hidden.note).toMatch(/not asked/);
  });

  it("a shown question left unanswered still counts against the score", () => {
    const answers = scoreAnswers(QUESTIONS, { trains_on_customer_data: "yes", encryption_at_rest: "yes", retention_days: 30, breach_notice_hours: 48 });
    expect(answers.find((a) => a.key === "training_opt_out")).toMatchObject({ status: "UNANSWERED" });
    // trains: 0/5, opt-out 0/4, encryption 11/11, retention 3/3, breach 3/3 → 17 of 26
    expect(scoreOf(answers).parts.questionnaire.score).toBe(Math.round((17 / 26) * 100));
  });

  it("a question whose parent is itself hidden is not asked either", () => {
    const chain = [q("a"), q("b", { visibility: { questionKey: "a", equals: "yes" } }), q("c", { visibility: { questionKey: "b", equals: "yes" } })];
    expect(scoreAnswers(chain, { a: "no", b: "yes" }).map((x) => x.status)).toEqual(["ANSWERED", "NOT_ASKED", "NOT_ASKED"]);
  });

  it("number questions score by their bands: the first band the value falls in, nothing outside all of them", () => {
    const breach = QUESTIONS.find((x) => x.key === "breach_notice_hours")!;
    expect([24, 72, 72.5, 96, 97, 500].map((h) => answerPoints(breach, h))).toEqual([100, 100, 50, 50, 0, 0]);
    expect(answerPoints(breach, null)).toBeNull();
    const higherIsBetter = [{ min: 99.9, max: null, points: 100 }, { min: 99, max: 99.9, points: 50 }];
    expect(bandFor(higherIsBetter, 99.95)?.points).toBe(100);
    expect(bandFor(higherIsBetter, 99.5)?.points).toBe(50);
    expect(bandFor(higherIsBetter, 98)).toBeNull();
  });

  it("a weighted number question without bands weighs nothing and says so, instead of vanishing", () => {
    const legacy = [q("retention_days", { type: "NUMBER", options: null, weight: 3, bands: null }), q("encryption_at_rest")];
    const answers = scoreAnswers(legacy, { retention_days: 30, encryption_at_rest: "yes" });
    expect(answers[0]).toMatchObject({ status: "NO_BANDS", points: null });
    const result = scoreOf(answers);
    expect(result.parts.questionnaire.score).toBe(100);
    expect(result.contributions.find((c) => c.item === "retention_days")).toMatchObject({ of: 0, excluded: "NO_BANDS" });
  });

  it("choice points: single choice the option's, multi choice the mean, unknown values nothing; unweighted and text questions are not listed", () => {
    const multi = q("logs", { type: "MULTI_CHOICE", options: [{ value: "a", points: 100 }, { value: "b", points: 50 }, { value: "c", points: 0 }] });
    expect(answerPoints(multi, ["a", "b"])).toBe(75);
    expect(answerPoints(multi, [])).toBeNull();
    expect(answerPoints(q("x"), "maybe")).toBe(0);
    expect(scoreAnswers(QUESTIONS, {}).map((a) => a.key)).not.toContain("notes");
  });

  it("snapshots made before statuses existed score as before (no status: unanswered when points are null)", () => {
    const result = scoreOf([{ key: "a", prompt: "A", weight: 1, points: null }, { key: "b", prompt: "B", weight: 1, points: 100 }]);
    expect(result.parts.questionnaire.score).toBe(50);
  });
});

describe("bands as text", () => {
  it("reads what it writes, refuses what it cannot read, and says a band in words", async () => {
    const { formatBands, parseBands, describeBand } = await import("./band-text");
    const bands = [{ min: null, max: 72, points: 100 }, { min: 73.5, max: 96, points: 50 }, { min: 1000, max: null, points: 0 }];
    expect(parseBands(formatBands(bands))).toEqual(bands);
    expect(parseBands(formatBands(bands, "\n"))).toEqual(bands);
    expect(parseBands("  ")).toBeNull();
    expect(parseBands("up to 72: full")).toBe("invalid");
    expect(bands.map(describeBand)).toEqual(["up to 72: 100%", "73.5 to 96: 50%", "1000 or more: 0%"]);
  });
});
