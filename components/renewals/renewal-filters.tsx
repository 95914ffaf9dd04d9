import Link from "next/link";
import { AutoApplyForm } from "@/components/ui/auto-apply-form";
import { buttonClass } from "@/components/ui/button";

export interface RenewalFilterOptions {
  clients: Array<{ id: string; name: string }>;
  owners: Array<{ id: string; name: string }>;
  products: Array<{ id: string; label: string }>;
  kinds: Array<{ id: string; label: string }>;
}

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";

/** Every filter is in the URL, so a filtered view can be bookmarked and shared; a choice applies as soon as it is made. */
export function RenewalFilters({ options, values, view, month }: { options: RenewalFilterOptions; values: Record<"client" | "owner" | "kind" | "product", string>; view: "list" | "calendar"; month: string }) {
  const field = (name: keyof typeof values, label: string, items: Array<{ id: string; label: string }>) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`renewal-${name}`} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={`renewal-${name}`} name={name} defaultValue={values[name]} className={selectClass}>
        <option value="">All</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
  const active = Object.values(values).some(Boolean);
  return (
    <AutoApplyForm action="/renewals" className="mb-6 flex flex-wrap items-end gap-3" label="Filter renewals">
      {view === "calendar" ? (
        <>
          <input type="hidden" name="view" value="calendar" />
          <input type="hidden" name="month" value={month} />
        </>
      ) : null}
      {field("client", "Client", options.clients.map((c) => ({ id: c.id, label: c.name })))}
      {field("owner", "Owner", options.owners.map((o) => ({ id: o.id, label: o.name })))}
      {field("kind", "Kind", options.kinds)}
      {field("product", "Product", options.products)}
      <noscript>
        <button type="submit" className={buttonClass("secondary")}>
          Apply filters
        </button>
      </noscript>
      {active ? (
        <Link href={view === "calendar" ? `/renewals?view=calendar&month=${month}` : "/renewals"} className="py-2 text-sm text-brand-700 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </AutoApplyForm>
  );
}
