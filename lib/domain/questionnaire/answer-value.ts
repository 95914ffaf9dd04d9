/**
 * Checks one answer against its question, the same way in the browser and on the server.
 * YES_NO answers are "yes" / "no"; choices are option values; FILE answers are evidence file ids.
 */
import type { AnswerValue } from "./rules";

export interface AnswerQuestion {
  type: string;
  options: Array<{ value: string }> | null;
}

export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; message: string };

export function parseAnswerValue(question: AnswerQuestion, raw: unknown): ParsedAnswer {
  if (raw === null || raw === undefined || raw === "") return { ok: true, value: null };
  const values = new Set((question.options ?? []).map((o) => o.value));
  switch (question.type) {
    case "YES_NO":
      return raw === "yes" || raw === "no" ? { ok: true, value: raw } : { ok: false, message: "Answer yes or no." };
    case "SINGLE_CHOICE":
      return typeof raw === "string" && values.has(raw) ? { ok: true, value: raw } : { ok: false, message: "Choose one of the options." };
    case "MULTI_CHOICE": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string" || !values.has(v))) return { ok: false, message: "Choose from the options." };
      return { ok: true, value: [...new Set(raw as string[])] };
    }
    case "TEXT":
      if (typeof raw !== "string") return { ok: false, message: "Enter text." };
      return raw.length > 10_000 ? { ok: false, message: "Use at most 10,000 characters." } : { ok: true, value: raw };
    case "NUMBER": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) return { ok: false, message: "Enter a number." };
      return Math.abs(n) > 1e9 ? { ok: false, message: "That number is too large." } : { ok: true, value: n };
    }
    case "DATE":
      return typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))
        ? { ok: true, value: raw }
        : { ok: false, message: "Enter a date (YYYY-MM-DD)." };
    case "FILE":
      return Array.isArray(raw) && raw.every((v) => typeof v === "string" && v.length <= 64) ? { ok: true, value: raw as string[] } : { ok: false, message: "Attach files by uploading them." };
    default:
      return { ok: false, message: "Unknown question type." };
  }
}
