/**
 * The labelled DPA set (lib/domain/dpa-analysis/fixtures): each document with its expected clause
 * statuses and facts, for the regression test and the benchmark.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { LabelledDpa } from "@/lib/domain/dpa-analysis/compare-with-labels";

export const FIXTURE_DIR = path.join(import.meta.dirname, "../domain/dpa-analysis/fixtures");

export async function loadLabelledDpas(): Promise<LabelledDpa[]> {
  const names = await readdir(FIXTURE_DIR);
  const labelled: LabelledDpa[] = [];
  for (const name of names.filter((n) => n.endsWith(".expected.json")).sort()) {
    const base = name.replace(/\.expected\.json$/, "");
    const file = names.find((n) => n !== name && n.startsWith(`${base}.`));
    if (!file) throw new Error(`No document for ${name}`);
    const expected = JSON.parse(await readFile(path.join(FIXTURE_DIR, name), "utf8")) as Omit<LabelledDpa, "name" | "file">;
    labelled.push({ name: base, file: path.join(FIXTURE_DIR, file), ...expected });
  }
  return labelled;
}

