"use client";

import { useId, useState } from "react";

export interface UploadedFile {
  id: string;
  originalName: string;
  sizeBytes: number;
}

const ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt";

/**
 * Uploads one evidence file as soon as it is chosen and reports its id. The server decides the
 * type from the content and may refuse it; its message is shown under the control.
 */
export function FileUpload({
  label,
  value,
  onChange,
  error,
  uploadUrl = "/api/files",
}: {
  label: string;
  value: UploadedFile | null;
  onChange: (file: UploadedFile | null) => void;
  error?: string;
  /** Where the file goes: the MSP's own upload, or a vendor link's. */
  uploadUrl?: string;
}) {
  const id = useId();
  const [status, setStatus] = useState<"idle" | "uploading">("idle");
  const [uploadError, setUploadError] = useState<string | null>(null);
  const message = uploadError ?? error;

  async function upload(file: File) {
    setUploadError(null);
    if (file.size > 25 * 1024 * 1024) {
      setUploadError(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 25 MB.`);
      return;
    }
    setStatus("uploading");
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(uploadUrl, { method: "POST", body });
      const json = (await response.json().catch(() => ({}))) as { file?: UploadedFile; error?: string };
      if (!response.ok || !json.file) {
        setUploadError(json.error ?? `The upload failed (HTTP ${response.status}).`);
        return;
      }
      onChange(json.file);
    } catch {
      setUploadError("The upload failed: check your connection and try again.");
    } finally {
      setStatus("idle");
    }
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {value ? (
        <p className="flex items-center gap-3 text-sm" data-testid="uploaded-file">
          <span>
            {value.originalName} <span className="text-xs text-slate-500">({(value.sizeBytes / 1024).toFixed(1)} KB, encrypted)</span>
          </span>
          <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => onChange(null)}>
            Remove
          </button>
        </p>
      ) : (
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          disabled={status === "uploading"}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-help`}
          className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      )}
      <p id={`${id}-help`} className={`mt-1 text-xs ${message ? "text-red-600" : "text-slate-500"}`} role={message ? "alert" : undefined}>
        {status === "uploading" ? "Uploading and checking…" : (message ?? "PDF, DOCX, XLSX, PNG, JPEG or TXT, up to 25 MB.")}
      </p>
    </div>
  );
}
