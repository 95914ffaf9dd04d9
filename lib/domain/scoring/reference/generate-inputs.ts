/**
 * Deterministic random scoring inputs (issue 17): template questions with options, bands and
 * chained show-when rules, answers of every shape (missing, empty, wrong type, numbers as text),
 * DPAs, certifications with ties and supersession, use cases and weights. The equivalence test
 * feeds thousands of them to the optimised scoring and to the reference; the benchmark uses them
 * as a varied workload.
 */
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { CERTIFICATION_TYPES, CLAUSE_STATUSES, DATA_CLASSES, DPA_CLAUSES, PRODUCT_TIERS, RESIDENCIES, RETENTION_KINDS, TRAINING_POLICIES, TRANSFER_MECHANISMS } from "@/lib/domain/vocabulary";
import type { ScorableQuestion } from "../answer-points";
import type { CertificationEvidence } from "../counting-evidence";
import type { ScoringInput, ScoringWeights } from "../types";

/** mulberry32: small, fast, and the same sequence on every machine. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof randomSource>;

const TYPES = ["YES_NO", "SINGLE_CHOICE", "MULTI_CHOICE", "NUMBER", "TEXT"] as const;
const day = (r: Random) => `2026-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;

export function generateQuestions(r: Random, count = r.int(1, 50)): ScorableQuestion[] {
  const questions: ScorableQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const type = r.pick(TYPES);
    const options =
      type === "YES_NO"
        ? [{ value: "yes", points: r.chance(0.8) ? 100 : 0 }, { value: "no", ...(r.chance(0.8) ? { points: r.int(0, 1) * 100 } : {}) }]
        : type === "SINGLE_CHOICE" || type === "MULTI_CHOICE"
          ? Array.from({ length: r.int(1, 6) }, (_, k) => ({ value: `o${k}`, ...(r.chance(0.9) ? { points: r.int(0, 100) } : {}) }))
          : type === "TEXT" && r.chance(0.2)
            ? [{ value: "x", points: 50 }]
            : null;
    const bands =
      type === "NUMBER" && r.chance(0.8)
        ? Array.from({ length: r.int(0, 4) }, () => {
            const min = r.chance(0.2) ? null : r.int(-5, 60);
            return { min, max: r.chance(0.2) ? null : (min ?? 0) + r.int(0, 60), points: r.int(0, 100) };
          })
        : null;
    const parent = i > 0 && r.chance(0.3) ? questions[r.int(0, i - 1)]! : null;
    const equals = parent ? (parent.options && r.chance(0.8) ? r.pick(parent.options).value : r.pick<string | number | boolean>([true, 7, "yes", "7"])) : null;
    questions.push({
      key: `q${i}`,
      prompt: `Question ${i}?`,
      type,
      required: r.chance(0.5),
      weight: r.chance(0.1) ? 0 : r.int(1, 5),
      options: type === "NUMBER" && r.chance(0.1) ? [{ value: "1", points: 10 }] : options,
      bands,
      visibility: parent && equals !== null ? { questionKey: parent.key, equals } : null,
    });
  }
  // A rule naming a question that does not exist (a key renamed in an older version).
  if (questions.length && r.chance(0.05)) questions[0]!.visibility = { questionKey: "gone", equals: "yes" };
  return questions;
}

export function generateAnswers(r: Random, questions: ScorableQuestion[]): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const q of questions) {
    if (r.chance(0.15)) continue;
    const option = () => (q.options?.length && r.chance(0.9) ? r.pick(q.options).value : "unknown");
    const shape = r.int(0, 9);
    answers[q.key] =
      shape === 0
        ? null
        : shape === 1
          ? ""
          : q.type === "NUMBER"
            ? r.chance(0.7) ? r.int(-10, 130) : r.pick([String(r.int(0, 90)), "abc", "", true])
            : q.type === "MULTI_CHOICE" || (shape === 2 && r.chance(0.3))
              ? Array.from({ length: r.int(0, 3) }, option)
              : shape === 3
                ? r.pick([true, false, 7])
                : option();
  }
  if (r.chance(0.05)) answers.stray = "yes";
  return answers;
}

function generateCertifications(r: Random): CertificationEvidence[] {
  return Array.from({ length: r.int(0, 5) }, (_, i) => {
    const createdDay = day(r);
    return {
      ...(r.chance(0.9) ? { id: `c${i}` } : {}),
      type: r.pick(CERTIFICATION_TYPES),
      expiresAt: r.chance(0.2) ? null : day(r),
      ...(r.chance(0.8) ? { issuedAt: r.chance(0.3) ? null : r.chance(0.3) ? "2026-01-01" : day(r) } : {}),
      ...(r.chance(0.9) ? { createdAt: r.chance(0.2) ? null : `${createdDay}T${String(r.int(0, 23)).padStart(2, "0")}:00:00.000Z` } : {}),
      ...(r.chance(0.8) ? { hasFile: r.chance(0.7) } : {}),
    };
  });
}

export function generateInput(r: Random, questionnaire: ScoringInput["questionnaire"]): ScoringInput {
  // Now and then a product with nothing wrong, so the LOW tier is reached too.
  if (r.chance(0.05)) {
    return {
      asOf: "2026-01-01",
      product: { tier: "ENTERPRISE", processingRegions: ["EU"], retentionKind: "DAYS", trainingPolicy: "NEVER", subProcessorCount: 4 },
      dpa: { signedAt: "2025-06-01", expiresAt: null, breachNoticeHours: 24, transferMechanism: "SCCS", clauses: Object.fromEntries(DPA_CLAUSES.map((c) => [c, "PRESENT"])) },
      certifications: [{ id: "soc2", type: "SOC2_TYPE_II", expiresAt: "2027-01-01", issuedAt: "2025-01-01", createdAt: "2025-01-02T00:00:00.000Z", hasFile: true }],
      questionnaire: questionnaire ?? { answers: [{ key: "q", prompt: "Q?", weight: 3, points: r.pick([100, 90, 50]), status: "ANSWERED" }] },
    };
  }
  const clauses: NonNullable<ScoringInput["dpa"]>["clauses"] = {};
  for (const clause of DPA_CLAUSES) if (r.chance(0.8)) clauses[clause] = r.pick(CLAUSE_STATUSES);
  return {
    asOf: day(r),
    product: {
      tier: r.pick(PRODUCT_TIERS),
      processingRegions: Array.from({ length: r.int(0, 3) }, () => r.pick(["EU", "US", "UK", "APAC"])),
      retentionKind: r.pick(RETENTION_KINDS),
      trainingPolicy: r.pick(TRAINING_POLICIES),
      subProcessorCount: r.chance(0.3) ? 0 : r.int(1, 30),
    },
    dpa: r.chance(0.2)
      ? null
      : {
          signedAt: r.chance(0.15) ? null : day(r),
          expiresAt: r.chance(0.4) ? null : day(r),
          breachNoticeHours: r.chance(0.2) ? null : r.pick([24, 48, 72, 96, 168]),
          transferMechanism: r.pick(TRANSFER_MECHANISMS),
          clauses,
        },
    certifications: generateCertifications(r),
    questionnaire,
    ...(r.chance(0.5) ? { useCase: r.chance(0.1) ? null : { residency: r.pick(RESIDENCIES), dataClasses: DATA_CLASSES.filter(() => r.chance(0.3)) } } : {}),
  };
}

export function generateWeights(r: Random): ScoringWeights {
  if (r.chance(0.5)) return { dpa: 40, questionnaire: 40, certifications: 20 };
  if (r.chance(0.05)) return { dpa: 0, questionnaire: 0, certifications: 0 };
  return { dpa: r.int(0, 100), questionnaire: r.int(0, 100), certifications: r.int(0, 100) };
}
