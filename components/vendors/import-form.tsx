"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guarded-action";
import type { RowError } from "@/lib/validation/register-csv";

type ImportResult = { ok: true; vendors: number; products: number } | { ok: false; errors: RowError[] };

export function ImportForm({ importCsv }: { importCsv: (raw: unknown) => Promise<ActionResult<ImportResult>> }) {
  const [file, setFile] = useState<File | null>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  return (
    <div className="space-y-4">
      <form
        aria-label="Import CSV"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) {
            setError("Choose a CSV file.");
            return;
          }
          start(async () => {
            setError(null);
            setResult(null);
            const response = await importCsv({ csv: await file.text() });
            if (!response.ok) setError(Object.values(response.fieldErrors ?? {})[0] ?? response.error);
            else setResult(response.data);
          });
        }}
      >
        <div>
          <label htmlFor="csv-file" className="mb-1 block text-sm font-medium">
            CSV file
          </label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking and importing…" : "Import"}
        </Button>
      </form>
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
