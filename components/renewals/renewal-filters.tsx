import Link from "next/link";
import { AutoApplyForm } from "@/components/ui/auto-apply-form";
import { AsyncCombobox } from "@/components/ui/async-combobox";
import { buttonClass } from "@/components/ui/button";

export interface RenewalFilterOptions {
  /** Clients and products are searched as you type (issue 17); only the chosen one's label is sent. */
  client: { id: string; label: string } | null;
  owners: Array<{ id: string; name: string }>;
  product: { id: string; label: string } | null;
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
  const search = (name: "client" | "product", label: string, chosen: { id: string; label: string } | null) => (
    <AsyncCombobox
      id={`renewal-${name}`}
      name={name}
      label={label}
      labelClassName="mb-1 block text-xs font-medium text-slate-600"
      source={name === "client" ? "/api/pickers/clients" : "/api/pickers/products"}
      placeholder="All"
      value={chosen?.id ?? ""}
      selectedLabel={chosen?.label}
      submitOnChoose
      className="w-56"
    />
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
      {search("client", "Client", options.client)}
      {field("owner", "Owner", options.owners.map((o) => ({ id: o.id, label: o.name })))}
      {field("kind", "Kind", options.kinds)}
      {search("product", "Product", options.product)}
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
