"use client";

import { useId, useState } from "react";

/** An earlier question a rule can look at: its key, words, and (for choice questions) the options it offers. */
export interface RuleTarget {
  key: string;
  prompt: string;
  type: string;
  options: Array<{ value: string; label: string }> | null;
}

export interface Rule {
  questionKey: string;
  equals: string | boolean | number;
}

const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500";

/**
 * "Show this question when…": pick an earlier question, then one of its answers (its options, or
 * a typed value for other types). Only earlier questions are offered, as the server requires.
 */
export function RulePicker({ getTargets, value, onChange, error }: { getTargets: () => RuleTarget[]; value: Rule | null; onChange: (rule: Rule | null) => void; error?: string }) {
  const id = useId();
  // The earlier questions are read when the picker is reached (focus), so it always offers the current ones.
  const [targets, setTargets] = useState(getTargets);
  const refresh = () => setTargets(getTargets());
  const target = value ? targets.find((t) => t.key === value.questionKey) : undefined;
  const firstAnswer = (t: RuleTarget) => t.options?.[0]?.value ?? "";
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Show when</legend>
      <div>
        <label htmlFor={`${id}-q`} className="text-xs text-slate-600">
          Earlier question
        </label>
        <select
          id={`${id}-q`}
          className={select}
          aria-invalid={error ? true : undefined}
          value={value?.questionKey ?? ""}
          onFocus={refresh}
          onMouseDown={refresh}
          onChange={(e) => {
            const next = targets.find((t) => t.key === e.target.value);
            onChange(next ? { questionKey: next.key, equals: firstAnswer(next) } : null);
          }}
        >
          <option value="">Always shown</option>
          {value && !target ? <option value={value.questionKey}>{value.questionKey} (not an earlier question)</option> : null}
          {targets.map((t) => (
            <option key={t.key} value={t.key}>
              {t.prompt ? `${t.prompt} (${t.key})` : t.key}
            </option>
          ))}
        </select>
      </div>
      {value ? (
        <div>
          <label htmlFor={`${id}-a`} className="text-xs text-slate-600">
            has the answer
          </label>
          {target?.options?.length ? (
            <select id={`${id}-a`} className={select} value={String(value.equals)} onFocus={refresh} onMouseDown={refresh} onChange={(e) => onChange({ questionKey: value.questionKey, equals: e.target.value })}>
              {target.options.some((o) => o.value === String(value.equals)) ? null : <option value={String(value.equals)}>{String(value.equals)}</option>}
              {target.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label || o.value}
                </option>
              ))}
            </select>
          ) : (
            <input id={`${id}-a`} className={select} value={String(value.equals)} onChange={(e) => onChange({ questionKey: value.questionKey, equals: e.target.value })} />
          )}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
