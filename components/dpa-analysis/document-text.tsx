import type { TextBlock } from "@/lib/domain/dpa-analysis/document";

/** The DPA's text as the analyser read it, with page markers, so each quote can be read in place. */
export function DocumentText({ blocks }: { blocks: TextBlock[] }) {
  return (
    <div className="max-h-[75vh] overflow-y-auto pr-2 text-sm leading-relaxed text-slate-800" tabIndex={0} aria-label="Document text">
      {blocks.map((block, i) => {
        const marker = block.page !== null && block.page !== (blocks[i - 1]?.page ?? null) ? block.page : null;
        return (
          <div key={i}>
            {marker !== null ? <p className="my-3 border-t border-slate-200 pt-1 text-xs uppercase tracking-wide text-slate-500">Page {marker}</p> : null}
            {block.heading ? <h3 className="mt-4 mb-1 font-semibold text-slate-900">{block.text}</h3> : <p className="mb-2">{block.text}</p>}
          </div>
        );
      })}
    </div>
  );
}
