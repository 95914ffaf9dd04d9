"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { importRegister } from "@/lib/db/register-io";
import { createVendor, setVendorArchived, updateVendor } from "@/lib/db/vendors";
import { parseCsv } from "@/lib/domain/csv";
import { parseRegisterRows } from "@/lib/validation/register-csv";
import { archiveInput, updateVendorInput, vendorInput } from "@/lib/validation/vendor";

const create = guardedAction("vendor:write", vendorInput, async (actor, input) => {
  const vendor = await createVendor(actor, input);
  revalidatePath("/vendors");
  return { id: vendor.id };
});

const update = guardedAction("vendor:write", updateVendorInput, async (actor, { id, ...input }) => {
  await updateVendor(actor, id, input);
  revalidatePath(`/vendors/${id}`);
  return { id };
});

const archive = guardedAction("vendor:write", archiveInput, async (actor, { id, archived }) => {
  await setVendorArchived(actor, id, archived);
  revalidatePath(`/vendors/${id}`);
  revalidatePath("/vendors");
  return { id };
});

export async function createVendorAction(raw: unknown) {
  return create(raw);
}
export async function updateVendorAction(raw: unknown) {
  return update(raw);
}
export async function archiveVendorAction(raw: unknown) {
  return archive(raw);
}

const importRun = guardedAction("vendor:write", z.object({ csv: z.string().min(1, "Choose a CSV file.").max(5_000_000, "The file is over 5 MB; split it.") }), async (actor, { csv }) => {
  let table: string[][];
  try {
    table = parseCsv(csv);
  } catch (error) {
    return { ok: false as const, errors: [{ row: 0, column: "-", message: error instanceof Error ? error.message : "The file is not valid CSV." }] };
  }
  const parsed = parseRegisterRows(table);
  if (parsed.errors.length) return { ok: false as const, errors: parsed.errors };
  const result = await importRegister(actor, parsed.rows);
  if (result.ok) revalidatePath("/vendors");
  return result;
});

export async function importRegisterAction(raw: unknown) {
  return importRun(raw);
}
