"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import type { ImportProblem } from "@/lib/validation/template-import";

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Result = { ok: true; version: number } | { ok: false; problems: ImportProblem[] };

/** What the status action answers while the worker checks and writes the template. */
export interface TemplateImportJobView {
  status: "QUEUED" | "CHECKING" | "WRITING" | "DONE" | "FAILED";
  total: number;
  processed: number;
  problems: ImportProblem[];
  version: number | null;
  error: string | null;
}

export function TemplateImportForm({
  importJson,
  importStatus,
}: {
  importJson: (raw: unknown) => Promise<ActionResult<{ jobId: string }>>;
  importStatus: (raw: unknown) => Promise<ActionResult<TemplateImportJobView>>;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<TemplateImportJobView | null>(null);

  // Polls the job until it ends; the import runs in the worker, however long the template.
  useEffect(() => {
    if (!jobId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const response = await importStatus({ jobId }).catch(() => null);
      if (cancelled) return;
      if (!response || !response.ok) {
        timer = setTimeout(() => void poll(), 2_000);
        return;
      }
      const view = response.data;
      setJob(view);
      if (view.status === "DONE") {
        setJobId(null);
        setResult({ ok: true, version: view.version ?? 0 });
        router.refresh();
      } else if (view.status === "FAILED") {
        setJobId(null);
        if (view.problems.length) setResult({ ok: false, problems: view.problems });
        else setError(view.error ?? "The import failed; nothing was imported.");
      } else {
        timer = setTimeout(() => void poll(), 700);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [jobId, importStatus, router]);

  const running = pending || jobId !== null;
  const determinate = job?.status === "WRITING" && job.total > 0;
  return (
    <form
      aria-label="Import a template"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return setError("Choose a JSON file.");
        start(async () => {
          setError(null);
          setResult(null);
          setJob(null);
          const isXlsx = /\.xlsx$/i.test(file.name);
          const payload = isXlsx ? { xlsxBase64: await toBase64(file) } : { json: await file.text() };
          const response = await importJson(payload);
          if (!response.ok) return setError(Object.values(response.fieldErrors ?? {})[0] ?? response.error);
          setJobId(response.data.jobId);
        });
      }}
    >
      <div>
        <label htmlFor="template-file" className="mb-1 block text-sm font-medium">
          Template file (JSON or XLSX)
        </label>
        <input id="template-file" type="file" accept=".json,.xlsx,application/json" className="text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <Button type="submit" disabled={running}>
        {running ? "Importing…" : "Import as draft"}
      </Button>
      {jobId ? (
        <div className="space-y-1">
          <p className="text-sm text-slate-700" aria-live="polite">
            {job?.status === "WRITING" ? `Writing ${job.total} questions…` : "Checking the file…"}
          </p>
          <progress className="h-2 w-full" aria-label="Import progress" max={determinate ? job.total : undefined} value={determinate ? job.processed : undefined} />
        </div>
      ) : null}
      <FormError message={error} />
      {result?.ok ? (
        <p role="status" className="text-sm text-green-800">
          Imported as draft version {result.version}. Review it, then publish.
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">Nothing was imported:</p>
          <ul className="mt-1 list-inside list-disc">
            {result.problems.map((p, i) => (
              <li key={i}>
                <span className="font-mono">{p.path}</span>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
