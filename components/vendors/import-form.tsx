"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import type { RowError } from "@/lib/validation/register-csv";

type ImportResult = { ok: true; vendors: number; products: number } | { ok: false; errors: RowError[] };
export interface ImportJobView {
  status: "QUEUED" | "CHECKING" | "WRITING" | "DONE" | "FAILED";
  total: number;
  processed: number;
  errors: RowError[] | null;
  result: Record<string, number> | null;
  error: string | null;
}

const PHASE: Record<ImportJobView["status"], string> = {
  QUEUED: "Waiting for the import worker…",
  CHECKING: "Checking every row…",
  WRITING: "Writing…",
  DONE: "Done",
  FAILED: "Stopped",
};

/** Polls the import job every 700 ms until it ends. The import runs in the worker, not in this request. */
function usePolledJob(jobId: string | null, status: (raw: unknown) => Promise<ActionResult<ImportJobView>>) {
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const response = await status({ jobId }).catch(() => null);
      if (stopped) return;
      if (!response) setError("Lost touch with the server; still trying…");
      else if (!response.ok) {
        setError(response.error);
        return;
      } else {
        setError(null);
        setJob(response.data);
        if (response.data.status === "DONE" || response.data.status === "FAILED") return;
      }
      timer = setTimeout(() => void poll(), 700);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, status]);
  return { job, error };
}

export function ImportForm({ importCsv, importStatus }: { importCsv: (raw: unknown) => Promise<ActionResult<{ jobId: string }>>; importStatus: (raw: unknown) => Promise<ActionResult<ImportJobView>> }) {
  const [file, setFile] = useState<File | null>(null);
  const [pending, start] = useTransition();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: pollError } = usePolledJob(jobId, importStatus);
  const running = !!jobId && (!job || (job.status !== "DONE" && job.status !== "FAILED"));
  const result: ImportResult | null =
    job?.status === "DONE" && job.result
      ? { ok: true, vendors: job.result.vendors ?? 0, products: job.result.products ?? 0 }
      : job?.status === "FAILED" && job.errors
        ? { ok: false, errors: job.errors }
        : null;
  const error = submitError ?? pollError ?? (job?.status === "FAILED" && !job.errors ? job.error : null);

  return (
    <div className="space-y-4">
      <form
        aria-label="Import CSV"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) {
            setSubmitError("Choose a CSV file.");
            return;
          }
          start(async () => {
            setSubmitError(null);
            setJobId(null);
            const response = await importCsv({ csv: await file.text(), fileName: file.name });
            if (!response.ok) setSubmitError(Object.values(response.fieldErrors ?? {})[0] ?? response.error);
            else setJobId(response.data.jobId);
          });
        }}
      >
        <div>
          <label htmlFor="csv-file" className="mb-1 block text-sm font-medium">
            CSV file
          </label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />
        </div>
        <Button type="submit" disabled={pending || running}>
          {pending ? "Uploading…" : running ? "Importing…" : "Import"}
        </Button>
      </form>
      {running ? <ImportProgress job={job} /> : null}
      <FormError message={error} />
      {result?.ok ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Imported {result.vendors} new vendor(s) and {result.products} product(s). <Link href="/vendors" className="underline">See the register</Link>
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">Nothing was imported: {result.errors.length} problem(s) to fix first.</p>
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">Import errors</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">Row</th>
                <th scope="col" className="pr-3">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i} data-testid="import-error">
                  <td className="pr-3">{e.row}</td>
                  <td className="pr-3 font-mono">{e.column}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function ImportProgress({ job }: { job: ImportJobView | null }) {
  const status = job?.status ?? "QUEUED";
  const total = job?.total ?? 0;
  const processed = job?.processed ?? 0;
  const determinate = status === "WRITING" && total > 0;
  return (
    <div className="space-y-1" aria-live="polite">
      <p className="text-sm text-slate-700">
        {PHASE[status]}
        {status === "CHECKING" && total ? ` ${total.toLocaleString()} rows` : ""}
        {determinate ? ` ${processed.toLocaleString()} of ${total.toLocaleString()}` : ""}
      </p>
      <progress className="h-2 w-full max-w-md" aria-label="Import progress" max={determinate ? total : undefined} value={determinate ? processed : undefined} />
    </div>
  );
}
