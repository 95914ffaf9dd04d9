/**
 * The before/after summary an audit event records for an update: only the fields that changed,
 * compared by value (dates and arrays included), so the trail says what moved and nothing else.
 */
export function changeSummary<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const out = { before: {} as Partial<T>, after: {} as Partial<T> };
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (normalise(before[key]) !== normalise(after[key])) {
      out.before[key] = before[key];
      out.after[key] = after[key];
    }
  }
  return out;
}

function normalise(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value ?? null);
}
