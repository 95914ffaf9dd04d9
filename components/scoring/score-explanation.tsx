import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { explainFlag, explainScore, type FixTarget, type FlagFacts } from "@/lib/domain/scoring/explain-score";
import type { ScoreResult } from "@/lib/domain/scoring/types";

const SEVERITY_TONES = { critical: "red", high: "red", medium: "amber" } as const;

/** Where this product's fixes are made: the record ids the links need. */
export interface FixPlaces {
  productId: string;
  /** The current DPA, edited for a clause; without one, a new DPA is recorded. */
  currentDpaId: string | null;
  /** An assessment whose questions can be opened (an editable draft first, else the latest submitted). */
  assessmentId: string | null;
}

export function fixHref(target: FixTarget, places: FixPlaces): string {
  const product = `/products/${places.productId}`;
  switch (target.kind) {
    case "dpa-clause":
      return places.currentDpaId ? `${product}/dpas/${places.currentDpaId}/edit#clause-${target.clause}` : `${product}/dpas/new`;
    case "dpa":
      return places.currentDpaId ? `${product}/dpas/${places.currentDpaId}/edit` : `${product}/dpas/new`;
    case "certificate":
      return `${product}/certifications/new${target.type ? `?type=${target.type}` : ""}`;
    case "product-fact":
      return `${product}/edit#fact-${target.fact}`;
    case "sub-processors":
      return `${product}/sub-processors`;
    case "question":
      return places.assessmentId ? `/assessments/${places.assessmentId}?question=${encodeURIComponent(target.key)}` : `${product}#assessments`;
    case "assessment":
      return `${product}#assessments`;
  }
}

const FIX_WORDS: Record<FixTarget["kind"], string> = {
  "dpa-clause": "Open the DPA clause",
  dpa: "Open the DPA",
  certificate: "Record a certificate",
  "product-fact": "Edit the product fact",
  "sub-processors": "Record sub-processors",
  question: "Open the question",
  assessment: "Go to the assessments",
};

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * "What moved the score" at a glance: every red flag with the place that clears it, then each item
 * of the score sorted by the points it could still gain, in words, with its share of the final score.
 */
export function ScoreExplanation({ result, prompts, facts, places }: { result: ScoreResult; prompts: Record<string, string>; facts: FlagFacts; places: FixPlaces }) {
  const rows = explainScore(result, prompts);
  const flags = result.flags.map((f) => explainFlag(f, facts));
  const toGain = rows.filter((r) => r.available > 0);
  return (
    <Card title="What moved the score">
      {flags.length ? (
        <section aria-labelledby="flag-fixes">
          <h3 id="flag-fixes" className="mb-2 text-sm font-semibold text-slate-800">
            Red flags, and where to clear them
          </h3>
          <ul className="mb-4 space-y-2 text-sm">
            {flags.map((f) => (
              <li key={f.id} className="flex flex-wrap items-baseline gap-2" data-testid={`flag-fix-${f.id}`}>
                <Badge tone={SEVERITY_TONES[f.severity]}>{f.severity}</Badge>
                <span className="font-medium">{f.label}.</span>
                <span>{f.fixText}</span>
                <Link href={fixHref(f.fix, places)} className="text-brand-700 underline">
                  {FIX_WORDS[f.fix.kind]}
                  <span className="sr-only"> for {f.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mb-2 text-sm text-slate-700">
        {toGain.length ? `${toGain.length} item${toGain.length === 1 ? "" : "s"} could add up to ${points(Math.round(toGain.reduce((n, r) => n + r.available, 0) * 10) / 10)} points; the most first.` : "Every item that counts earns its full points."}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="score-explanation">
          <caption className="sr-only">Score items by points still to gain</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">Item</th>
              <th scope="col" className="py-1 pr-3 text-right">Points earned</th>
              <th scope="col" className="py-1 pr-3 text-right">Points to gain</th>
              <th scope="col" className="py-1">How to gain them</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.part}-${r.item}`} className="border-t border-slate-100 align-top" data-testid="score-explanation-row">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  <span className="font-medium text-slate-900">{r.label}</span>
                  <span className="block text-xs text-slate-600">{r.state}</span>
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{points(r.earned)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{r.available > 0 ? `+${points(r.available)}` : "—"}</td>
                <td className="py-1.5">
                  {r.howToGain && r.fix ? (
                    <>
                      {r.howToGain}{" "}
                      <Link href={fixHref(r.fix, places)} className="text-brand-700 underline">
                        {FIX_WORDS[r.fix.kind]}
                        <span className="sr-only"> for {r.label}</span>
                      </Link>
                    </>
                  ) : (
                    <span className="text-slate-600">Full points.</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
