import type { ReactNode } from "react";

/** The frame of pages anyone may open without an account: a shared report, the verify page. */
export function PublicShell({ children, width = "max-w-4xl" }: { children: ReactNode; width?: string }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
        <p className="text-lg font-semibold text-brand-900">Vetta</p>
      </header>
      <main id="main" className={`mx-auto ${width} px-4 py-6 sm:px-6`}>
        {children}
      </main>
    </div>
  );
}
