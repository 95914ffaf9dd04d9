"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Uploads the organisation's logo for its reports as soon as a file is chosen; the server checks
 * the content (PNG or JPEG, up to 512 KB) and its message shows under the control. "Saved" only
 * once the server has it.
 */
export function OrganizationLogoForm({ current }: { current: { sha256: string } | null }) {
  const id = useId();
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: string | null }>({ busy: false, error: null, saved: null });

  async function send(init: RequestInit, done: string) {
    setState({ busy: true, error: null, saved: null });
    try {
      const response = await fetch("/api/organization/logo", init);
      if (!response.ok) {
        const json = (await response.json().catch(() => ({}))) as { error?: string };
        setState({ busy: false, error: json.error ?? `That did not work (HTTP ${response.status}).`, saved: null });
        return;
      }
      setState({ busy: false, error: null, saved: done });
      router.refresh();
    } catch {
      setState({ busy: false, error: "The upload failed: check your connection and try again.", saved: null });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {current ? (
        // A data-free URL that changes with the logo, so the browser shows the new one at once.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/api/organization/logo?v=${current.sha256.slice(0, 16)}`} alt="Your organisation's logo, as on reports" className="h-12 w-auto self-start rounded border border-slate-200 bg-white p-1" data-testid="organization-logo" />
      ) : (
        <p className="text-sm text-slate-600">No logo yet: reports show your organisation&apos;s name instead.</p>
      )}
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
          {current ? "Replace the logo" : "Upload a logo"}
        </label>
        <input
          id={id}
          type="file"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          disabled={state.busy}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={`${id}-help`}
          className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            if (file.size > 512 * 1024) {
              setState({ busy: false, error: `This logo is ${(file.size / 1024).toFixed(0)} KB; the limit is 512 KB.`, saved: null });
              return;
            }
            const body = new FormData();
            body.set("file", file);
            void send({ method: "POST", body }, "Logo saved. New reports carry it; reports already issued keep theirs.");
          }}
        />
        <p id={`${id}-help`} className={`mt-1 text-xs ${state.error ? "text-red-600" : "text-slate-500"}`} role={state.error ? "alert" : "status"}>
          {state.busy ? "Uploading and checking…" : (state.error ?? state.saved ?? "PNG or JPEG, up to 512 KB. Printed on the cover of new reports.")}
        </p>
      </div>
      {current ? (
        <Button type="button" variant="secondary" disabled={state.busy} onClick={() => void send({ method: "DELETE" }, "Logo removed.")} className="self-start">
          Remove the logo
        </Button>
      ) : null}
    </div>
  );
}
