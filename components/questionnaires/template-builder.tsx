"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type Control, type UseFormGetValues, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { formatBands, parseBands } from "@/lib/domain/scoring/band-text";
import { enumLabel } from "@/lib/domain/vocabulary";
import { PRODUCT_FACTS, QUESTION_TYPES, templateSchema, type TemplateDefinition } from "@/lib/validation/questionnaire-template";
import { OptionRows } from "./option-rows";
import { RulePicker, type RuleTarget } from "./rule-picker";
import { TemplatePreview } from "./template-preview";

type Form = z.input<typeof templateSchema>;
type Question = Form["sections"][number]["questions"][number];

/** The product record's fields a question can mirror, in words (the stored value stays the field name). */
const PRODUCT_FACT_LABELS: Record<(typeof PRODUCT_FACTS)[number], string> = {
  trainingPolicy: "Training on customer data",
  retentionDays: "Retention (days)",
  processingRegions: "Processing regions",
  zeroRetentionAvailable: "Zero retention available",
  encryptionInTransit: "Encryption in transit",
  encryptionAtRest: "Encryption at rest",
  breachNoticeHours: "Breach notice (hours)",
};

const choiceOptions = (): Question["options"] => [
  { value: "option_1", label: "", points: 100 },
  { value: "option_2", label: "", points: 0 },
];

const newQuestion = (n: number): Question => ({ key: `question_${n}`, prompt: "", helpText: null, type: "YES_NO", required: false, weight: 1, options: [{ value: "yes", label: "Yes", points: 100 }, { value: "no", label: "No", points: 0 }], visibility: null, productFact: null, bands: null });

const CHOICE_TYPES = new Set(["YES_NO", "SINGLE_CHOICE", "MULTI_CHOICE"]);
const UNSCORED_TYPES = new Set(["TEXT", "DATE", "FILE"]);

interface DragProps {
  /** This question is being dragged. */
  dragging: boolean;
  /** A dragged question would land here. */
  over: boolean;
  onDragStart: () => void;
  onDragOver: () => void;
  onDrop: () => void;
  onDragEnd: () => void;
}

/** Every question before this one, in the order the filler meets them: what a show-when rule may look at. */
function earlierQuestions(sections: Form["sections"] | undefined, si: number, qi: number): RuleTarget[] {
  const out: RuleTarget[] = [];
  (sections ?? []).forEach((s, i) =>
    (s.questions ?? []).forEach((q, j) => {
      if (i < si || (i === si && j < qi)) out.push({ key: q.key, prompt: q.prompt, type: q.type, options: q.options?.map((o) => ({ value: o.value, label: o.label })) ?? null });
    }),
  );
  return out;
}

function QuestionEditor({ control, register, setValue, getValues, si, qi, count, move, remove, errors, drag }: { control: Control<Form>; register: UseFormRegister<Form>; setValue: UseFormSetValue<Form>; getValues: UseFormGetValues<Form>; si: number; qi: number; count: number; move: (to: number) => void; remove: () => void; errors: Record<string, string>; drag: DragProps }) {
  const base = `sections.${si}.questions.${qi}` as const;
  const type = useWatch({ control, name: `${base}.type` });
  const prompt = useWatch({ control, name: `${base}.prompt` });
  const err = (field: string) => errors[`${base}.${field}`];
  return (
    <li
      className={`rounded-md border bg-white p-3 ${drag.over ? "border-brand-600 ring-2 ring-brand-600" : "border-slate-200"} ${drag.dragging ? "opacity-50" : ""}`}
      data-testid={`builder-question-${si}-${qi}`}
      onDragOver={(e) => {
        e.preventDefault();
        drag.onDragOver();
      }}
      onDrop={(e) => {
        e.preventDefault();
        drag.onDrop();
      }}
    >
      <div className="mb-2 flex items-center gap-2 text-xs text-slate-600">
        {/* Only the handle drags, so text in the fields can still be selected with the mouse. */}
        <span
          className="cursor-grab select-none rounded border border-slate-300 px-1.5 py-0.5"
          data-testid="drag-handle"
          title="Drag to reorder (or use the ↑ ↓ buttons)"
          aria-hidden="true"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", String(qi));
            const card = e.currentTarget.closest("li");
            if (card) e.dataTransfer.setDragImage(card, 16, 16);
            drag.onDragStart();
          }}
          onDragEnd={drag.onDragEnd}
        >
          ⠿ Drag
        </span>
        <span>
          Question {qi + 1}
          {prompt ? `: ${prompt}` : ""}
        </span>
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_10rem]">
        <TextField label="Question" error={err("prompt")} {...register(`${base}.prompt`)} />
        <SelectField
          label="Type"
          {...register(`${base}.type`, {
            // Only choice questions carry options; switching type keeps the form valid.
            onChange: (e: { target: { value: string } }) => {
              setValue(`${base}.options`, e.target.value === "YES_NO" ? (newQuestion(0).options ?? null) : CHOICE_TYPES.has(e.target.value) ? choiceOptions() : null);
              // Only number questions score by bands; text, date and file answers cannot score at all.
              if (e.target.value !== "NUMBER") setValue(`${base}.bands`, null);
              if (UNSCORED_TYPES.has(e.target.value)) setValue(`${base}.weight`, 0);
            },
          })}
        >
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </SelectField>
        <TextField label="Key" error={err("key")} {...register(`${base}.key`)} />
        <TextAreaField className="sm:col-span-3" rows={2} label="Help text (why it matters)" {...register(`${base}.helpText`)} />
        {type === "YES_NO" || type === "SINGLE_CHOICE" || type === "MULTI_CHOICE" ? (
          <OptionRows control={control} register={register} base={base} fixedValues={type === "YES_NO"} errors={errors} />
        ) : type === "NUMBER" ? (
          <Controller
            control={control}
            name={`${base}.bands`}
            render={({ field }) => (
              <TextAreaField
                className="sm:col-span-2"
                rows={3}
                label="Scoring bands (one per line: min..max:points, e.g. ..72:100; the first that fits wins, outside all earns 0)"
                error={Object.entries(errors).find(([k]) => k.startsWith(`${base}.bands`))?.[1]}
                defaultValue={formatBands(field.value as Parameters<typeof formatBands>[0], "\n")}
                onBlur={(e) => {
                  const parsed = parseBands(e.target.value);
                  // An unreadable band becomes one the schema refuses, so the error lands on this field.
                  field.onChange(parsed === "invalid" ? [{ min: null, max: null, points: Number.NaN }] : parsed);
                }}
              />
            )}
          />
        ) : (
          <div className="sm:col-span-2" />
        )}
        <div className="space-y-2">
          <TextField label="Weight" type="number" min={0} max={100} error={err("weight")} {...register(`${base}.weight`, { valueAsNumber: true })} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register(`${base}.required`)} /> Required
          </label>
        </div>
        <Controller
          control={control}
          name={`${base}.visibility`}
          // Read when the picker is used, not watched: watching every question re-rendered the whole builder on each keystroke.
          render={({ field }) => <RulePicker getTargets={() => earlierQuestions(getValues("sections"), si, qi)} value={field.value ?? null} onChange={field.onChange} error={err("visibility") ?? err("visibility.questionKey")} />}
        />
        <SelectField label="Linked product fact" {...register(`${base}.productFact`, { setValueAs: (v) => (v ? v : null) })}>
          <option value="">None</option>
          {PRODUCT_FACTS.map((f) => (
            <option key={f} value={f}>
              {PRODUCT_FACT_LABELS[f]}
            </option>
          ))}
        </SelectField>
        <div className="flex items-end justify-end gap-1">
          <Button variant="ghost" aria-label={`Move question ${qi + 1} up`} disabled={qi === 0} onClick={() => move(qi - 1)}>
            ↑
          </Button>
          <Button variant="ghost" aria-label={`Move question ${qi + 1} down`} disabled={qi === count - 1} onClick={() => move(qi + 1)}>
            ↓
          </Button>
          <Button variant="ghost" className="text-red-700" onClick={() => window.confirm("Remove this question?") && remove()}>
            Remove
          </Button>
        </div>
      </div>
    </li>
  );
}

function SectionEditor({ control, register, setValue, getValues, si, count, moveSection, removeSection, errors }: { control: Control<Form>; register: UseFormRegister<Form>; setValue: UseFormSetValue<Form>; getValues: UseFormGetValues<Form>; si: number; count: number; moveSection: (to: number) => void; removeSection: () => void; errors: Record<string, string> }) {
  const { fields, append, move, remove } = useFieldArray({ control, name: `sections.${si}.questions` });
  // Drag and drop within the section; the ↑ ↓ buttons do the same from the keyboard.
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const moveQuestion = (from: number, to: number) => {
    if (from === to) return;
    move(from, to);
    setAnnounce(`Question ${from + 1} moved to position ${to + 1}.`);
  };
  return (
    <section className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4" aria-label={`Section ${si + 1}`}>
      <div className="grid gap-3 sm:grid-cols-[1fr_14rem_auto]">
        <TextField label={`Section ${si + 1} title`} error={errors[`sections.${si}.title`]} {...register(`sections.${si}.title`)} />
        <TextField label="Section key" error={errors[`sections.${si}.key`]} {...register(`sections.${si}.key`)} />
        <div className="flex items-end gap-1">
          <Button variant="ghost" aria-label={`Move section ${si + 1} up`} disabled={si === 0} onClick={() => moveSection(si - 1)}>
            ↑
          </Button>
          <Button variant="ghost" aria-label={`Move section ${si + 1} down`} disabled={si === count - 1} onClick={() => moveSection(si + 1)}>
            ↓
          </Button>
          <Button variant="ghost" className="text-red-700" onClick={() => window.confirm("Remove this section and its questions?") && removeSection()}>
            Remove section
          </Button>
        </div>
      </div>
      <ol className="space-y-3">
        {fields.map((f, qi) => (
          <QuestionEditor
            key={f.id}
            control={control}
            register={register}
            setValue={setValue}
            getValues={getValues}
            si={si}
            qi={qi}
            count={fields.length}
            move={(to) => moveQuestion(qi, to)}
            remove={() => remove(qi)}
            errors={errors}
            drag={{
              dragging: dragFrom === qi,
              over: dragFrom !== null && dragOver === qi && dragFrom !== qi,
              onDragStart: () => setDragFrom(qi),
              onDragOver: () => setDragOver(qi),
              onDrop: () => {
                if (dragFrom !== null) moveQuestion(dragFrom, qi);
                setDragFrom(null);
                setDragOver(null);
              },
              onDragEnd: () => {
                setDragFrom(null);
                setDragOver(null);
              },
            }}
          />
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
      <Button variant="secondary" onClick={() => append(newQuestion(Date.now() % 100000))}>
        Add question
      </Button>
    </section>
  );
}

export function TemplateBuilder({ versionId, initial, save, publish }: { versionId: string; initial: TemplateDefinition; save: (raw: unknown) => Promise<ActionResult<{ versionId: string }>>; publish: (raw: unknown) => Promise<ActionResult<{ versionId: string }>> }) {
  const router = useRouter();
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const { control, register, handleSubmit, getValues, setValue, formState } = useForm<Form, unknown, TemplateDefinition>({ resolver: zodResolver(templateSchema), defaultValues: initial });
  const { fields, append, move, remove } = useFieldArray({ control, name: "sections" });

  const flatErrors: Record<string, string> = { ...serverErrors };
  const walk = (value: unknown, path: string) => {
    if (!value || typeof value !== "object") return;
    const v = value as { message?: unknown; root?: { message?: string } };
    if (typeof v.message === "string") flatErrors[path] ??= v.message;
    if (v.root?.message) flatErrors[path] ??= v.root.message;
    for (const [k, child] of Object.entries(value)) if (k !== "ref" && k !== "message" && k !== "type" && k !== "root") walk(child, path ? `${path}.${k}` : k);
  };
  walk(formState.errors, "");
  const errorCount = Object.keys(flatErrors).length;

  const submit = (then: "save" | "publish") =>
    handleSubmit(
      async () => {
        setFormError(null);
        setServerErrors({});
        const result = await save({ versionId, definition: getValues() });
        if (!result.ok) {
          setFormError(result.error);
          setServerErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^definition\./, ""), v])));
          return;
        }
        if (then === "publish") {
          if (!window.confirm("Publish this version? It can no longer be changed, and new assessments will use it.")) return setMessage("Draft saved.");
          const published = await publish({ versionId });
          if (!published.ok) return setFormError(published.error);
          router.push("/settings/questionnaires");
          router.refresh();
          return;
        }
        setMessage(`Draft saved at ${new Date().toLocaleTimeString()}.`);
      },
      () => setFormError("Some fields need attention."),
    )();

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Builder" className="flex gap-2">
        {(["edit", "preview"] as const).map((t) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)} className={`rounded-md px-3 py-1.5 text-sm ${tab === t ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300"}`}>
            {t === "edit" ? "Edit" : "Preview as the filler sees it"}
          </button>
        ))}
      </div>
      <FormError message={formError ? `${formError}${errorCount ? ` (${errorCount} field(s))` : ""}` : null} />
      {message ? (
        <p role="status" className="text-sm text-green-800">
          {message}
        </p>
      ) : null}
      <div hidden={tab !== "edit"} className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Template name" error={flatErrors.name} {...register("name")} />
          <TextField label="Description" {...register("description")} />
        </div>
        {fields.map((f, si) => (
          <SectionEditor key={f.id} control={control} register={register} setValue={setValue} getValues={getValues} si={si} count={fields.length} moveSection={(to) => move(si, to)} removeSection={() => remove(si)} errors={flatErrors} />
        ))}
        <Button variant="secondary" onClick={() => append({ key: `section_${fields.length + 1}`, title: "New section", description: null, questions: [newQuestion(1)] })}>
          Add section
        </Button>
      </div>
      {tab === "preview" ? <TemplatePreview definition={getValues() as TemplateDefinition} /> : null}
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Button disabled={formState.isSubmitting} onClick={() => void submit("save")}>
          Save draft
        </Button>
        <Button variant="secondary" disabled={formState.isSubmitting} onClick={() => void submit("publish")}>
          Save and publish
        </Button>
      </div>
    </div>
  );
}
