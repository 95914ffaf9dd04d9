/**
 * The link between questionnaire answers and the product record, so the two never silently
 * disagree: what answer the product record implies for a fact-linked question, and what product
 * change an answer implies. Pure: the screen shows a conflict; a person decides.
 */
import type { AnswerValue } from "./rules";

export interface ProductFacts {
  trainingPolicy: "NEVER" | "OPT_OUT_AVAILABLE" | "YES_NO_OPT_OUT" | "UNKNOWN";
  retentionKind: "DAYS" | "UNLIMITED" | "UNKNOWN";
  retentionDays: number | null;
  processingRegions: string[];
  zeroRetentionAvailable: boolean;
  encryptionInTransit: boolean | null;
  encryptionAtRest: boolean | null;
  breachNoticeHours: number | null;
}

const yesNo = (v: boolean | null): AnswerValue => (v === null ? null : v ? "yes" : "no");
const REGION_OPTIONS = new Set(["EU", "UK", "US", "APAC"]);

/** The answer the product record implies, or null when the record does not say. */
export function answerFromProduct(fact: string, product: ProductFacts): AnswerValue {
  switch (fact) {
    case "trainingPolicy":
      return product.trainingPolicy === "UNKNOWN" ? null : product.trainingPolicy === "NEVER" ? "no" : "yes";
    case "retentionDays":
      return product.retentionKind === "DAYS" ? product.retentionDays : null;
    case "processingRegions":
      return product.processingRegions.length ? [...new Set(product.processingRegions.map((r) => (REGION_OPTIONS.has(r) ? r : "OTHER")))].sort() : null;
    case "zeroRetentionAvailable":
      return product.zeroRetentionAvailable ? "yes" : "no";
    case "encryptionInTransit":
      return yesNo(product.encryptionInTransit);
    case "encryptionAtRest":
      return yesNo(product.encryptionAtRest);
    case "breachNoticeHours":
      return product.breachNoticeHours;
    default:
      return null;
  }
}

export function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
  if (typeof a === "number" || typeof b === "number") return a !== null && b !== null && Number(a) === Number(b);
  return a === b;
}

/** The product change an answer implies (null when it implies none this record can hold). */
export function productChangeFromAnswer(fact: string, value: AnswerValue, product: ProductFacts): Partial<ProductFacts> | null {
  if (value === null) return null;
  switch (fact) {
    case "trainingPolicy":
      if (value === "no") return { trainingPolicy: "NEVER" };
      // "Yes, it trains": keep a known opt-out, otherwise assume none until one is shown.
      return { trainingPolicy: product.trainingPolicy === "OPT_OUT_AVAILABLE" ? "OPT_OUT_AVAILABLE" : "YES_NO_OPT_OUT" };
    case "retentionDays":
      return { retentionKind: "DAYS", retentionDays: Math.round(Number(value)) };
    case "processingRegions": {
      const regions = (value as string[]).filter((r) => r !== "OTHER");
      const others = product.processingRegions.filter((r) => !REGION_OPTIONS.has(r));
      return { processingRegions: [...new Set([...regions, ...((value as string[]).includes("OTHER") ? others : [])])] };
    }
    case "zeroRetentionAvailable":
      return { zeroRetentionAvailable: value === "yes" };
    case "encryptionInTransit":
      return { encryptionInTransit: value === "yes" };
    case "encryptionAtRest":
      return { encryptionAtRest: value === "yes" };
    default:
      return null;
  }
}
