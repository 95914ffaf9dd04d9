import "server-only";
import { NextResponse } from "next/server";
import { can, type Action } from "@/lib/auth/permissions";
import { searchClientOptions, searchProductOptions, searchVendorOptions } from "@/lib/db/picker-options";
import type { TenantContext } from "@/lib/db/tenant";
import { pickerSearchQuery, type PickerResults, type PickerSearchQuery } from "@/lib/validation/picker-search";
import { fieldErrorsOf } from "./action-result";
import { jsonError } from "./route";

/** What each picker searches, and the permission that may read it. */
export const PICKERS = {
  products: { permission: "vendor:read", search: searchProductOptions },
  vendors: { permission: "vendor:read", search: searchVendorOptions },
  clients: { permission: "client:read", search: searchClientOptions },
} as const satisfies Record<string, { permission: Action; search: (ctx: TenantContext, q: PickerSearchQuery) => Promise<PickerResults> }>;
export type PickerKind = keyof typeof PICKERS;

/**
 * GET /api/pickers/<kind>?q=…&limit=…: one page of options for the async combobox
 * (components/ui/async-combobox.tsx). The caller comes from the session (guardedRoute); a role
 * that may not read the register gets the same 404 as guardedRoute gives; a bad query is a 400
 * naming the field. Results are the caller's organisation's only.
 */
export async function pickerSearch(actor: TenantContext, kind: PickerKind, params: URLSearchParams): Promise<Response> {
  const picker = PICKERS[kind];
  if (!can(actor.role, picker.permission)) return jsonError(404, "Not found.");
  const raw = Object.fromEntries([...new Set(params.keys())].filter((k) => k === "q" || k === "limit").map((k) => [k, params.get(k)!]));
  const parsed = pickerSearchQuery.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0]!;
    return jsonError(400, `${field}: ${message}`, { fieldErrors });
  }
  const results = await picker.search(actor, parsed.data);
  return NextResponse.json(results, { headers: { "Cache-Control": "no-store" } });
}
