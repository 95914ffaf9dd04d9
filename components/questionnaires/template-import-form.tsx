"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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

export function TemplateImportForm({ importJson }: { importJson: (raw: unknown) => Promise<ActionResult<Result>> }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
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
          const isXlsx = /\.xlsx$/i.test(file.name);
          const payload = isXlsx ? { xlsxBase64: await toBase64(file) } : { json: await file.text() };
          const response = await importJson(payload);
          if (!response.ok) return setError(Object.values(response.fieldErrors ?? {})[0] ?? response.error);
          setResult(response.data);
          if (response.data.ok) router.refresh();
        });
      }}
    >
      <div>
        <label htmlFor="template-file" className="mb-1 block text-sm font-medium">
          Template file (JSON or XLSX)
        </label>
        <input id="template-file" type="file" accept=".json,.xlsx,application/json" className="text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import as draft"}
      </Button>
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
