"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const STEPS: Record<string, string> = { QUEUED: "Waiting for the worker", READING: "Reading the document", ANALYSING: "Checking the 12 clauses" };

/** While the worker runs, re-reads the page every second and shows where it is. */
export function AnalysisPoller({ status }: { status: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  const step = Object.keys(STEPS).indexOf(status) + 1;
  return (
    <div role="status" aria-live="polite" className="text-sm text-slate-700">
      <p>
        Analysing: {STEPS[status] ?? status} (step {step} of 3)…
      </p>
      <progress className="mt-2 w-full" max={3} value={step} aria-label="Analysis progress" />
    </div>
  );
}
