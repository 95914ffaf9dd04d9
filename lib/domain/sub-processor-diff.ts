/** What changed between two sub-processor lists, by name (case-insensitive). */
export interface SubProcessorEntry {
  name: string;
  purpose: string | null;
  country: string | null;
  region: string | null;
}

export interface SubProcessorDiff {
  added: SubProcessorEntry[];
  removed: SubProcessorEntry[];
  changed: Array<{ before: SubProcessorEntry; after: SubProcessorEntry }>;
}

export function diffSubProcessors(before: SubProcessorEntry[], after: SubProcessorEntry[]): SubProcessorDiff {
  const key = (e: SubProcessorEntry) => e.name.trim().toLowerCase();
  const old = new Map(before.map((e) => [key(e), e]));
  const next = new Map(after.map((e) => [key(e), e]));
  const diff: SubProcessorDiff = { added: [], removed: [], changed: [] };
  for (const [k, e] of next) {
    const prev = old.get(k);
    if (!prev) diff.added.push(e);
    else if (prev.purpose !== e.purpose || prev.country !== e.country || prev.region !== e.region || prev.name !== e.name) diff.changed.push({ before: prev, after: e });
  }
  for (const [k, e] of old) if (!next.has(k)) diff.removed.push(e);
  return diff;
}

export function isEmptyDiff(diff: SubProcessorDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
