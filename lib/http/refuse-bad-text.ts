/**
 * SECURITY-CRITICAL. PostgreSQL cannot store a NUL character in text, so a NUL anywhere in an
 * input would reach the database and fail there as an unexpected error. Checked once for every
 * action and route, before any schema: the path of the first string holding one, or null.
 */
const MAX_DEPTH = 32;

export function findNulText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "_form" : null;
  if (value === null || typeof value !== "object") return null;
  if (depth > MAX_DEPTH) return path.join(".") || "_form";
  if (value instanceof Blob) return null;
  const entries: [string, unknown][] = value instanceof FormData
    ? [...value.entries()]
    : value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : Object.entries(value);
  for (const [key, inner] of entries) {
    if (key.includes("\u0000")) return [...path, key.replace(/\u0000/g, "")].join(".");
    const found = findNulText(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const NUL_MESSAGE = "Contains a character that is not allowed (NUL).";
