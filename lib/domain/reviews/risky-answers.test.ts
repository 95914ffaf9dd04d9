import { describe, expect, it } from "vitest";
import { answerRisks, riskyAnswerKeys } from "./risky-answers";

const questions = [
  { key: "trains", productFact: "trainingPolicy" },
  { key: "encrypted", productFact: "encryptionAtRest" },
  { key: "audit" },
  { key: "notes" },
  { key: "unanswered" },
];

describe("risky answers", () => {
  it("names answers that earned less than full points or whose fact raised a flag, and nothing else", () => {
    const risks = answerRisks(
      questions,
      [
        { part: "questionnaire", item: "trains", points: 2, of: 2, note: "100% of its weight" },
        { part: "questionnaire", item: "encrypted", points: 3, of: 3, note: "100% of its weight" },
        { part: "questionnaire", item: "audit", points: 1.5, of: 3, note: "50% of its weight" },
        { part: "questionnaire", item: "unanswered", points: 0, of: 2, note: "unanswered" },
        { part: "dpa", item: "notes", points: 0, of: 5, note: "missing" },
      ],
      [{ id: "TRAINS_ON_CUSTOMER_DATA" }, { id: "NO_DPA" }],
    );
    expect(riskyAnswerKeys(questions, risks)).toEqual(["trains", "audit", "unanswered"]);
    expect(risks.get("trains")).toMatchObject({ flags: ["TRAINS_ON_CUSTOMER_DATA"], reasons: ["raises the flag “Trains on customer data”"] });
    expect(risks.get("audit")?.reasons).toEqual(["earned 1.5 of 3 points"]);
    expect(risks.get("unanswered")?.reasons).toEqual(["unanswered: 0 of 2 points"]);
    // A DPA contribution that happens to share a key is not an answer's score.
    expect(risks.get("notes")).toMatchObject({ points: null, reasons: [] });
  });

  it("does not call a full score risky because of floating-point sums", () => {
    const risks = answerRisks([{ key: "a" }], [{ part: "questionnaire", item: "a", points: 0.1 + 0.2, of: 0.3, note: "" }], []);
    expect(riskyAnswerKeys([{ key: "a" }], risks)).toEqual([]);
  });
});
