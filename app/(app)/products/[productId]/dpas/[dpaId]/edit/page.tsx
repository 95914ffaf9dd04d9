import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { notFound } from "next/navigation";
import { DpaForm } from "@/components/evidence/dpa-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getDpa } from "@/lib/db/dpas";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";
import { toDateInput } from "@/lib/validation/dates";
import { updateDpaAction } from "@/app/(app)/products/[productId]/evidence-actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `Edit DPA · ${n} · Products`, "Edit DPA");
}

export default async function EditDpaPage({ params }: { params: Promise<{ productId: string; dpaId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { productId, dpaId } = await params;
  const dpa = await loadOr404(getDpa(actor, dpaId));
  if (dpa.productId !== productId) notFound();
  const byClause = new Map(dpa.clauses.map((c) => [c.clause, c]));
  async function save(raw: unknown) {
    "use server";
    return updateDpaAction({ id: dpaId, dpa: raw });
  }
  return (
    <>
      <PageHeader title={`Edit ${dpa.title}`} description={dpa.product.name} />
      <DpaForm
        submitLabel="Save changes"
        save={save}
        doneHref={`/products/${productId}`}
        initialFile={dpa.file}
        initial={{
          productId,
          title: dpa.title,
          signedAt: toDateInput(dpa.signedAt),
          effectiveAt: toDateInput(dpa.effectiveAt),
          expiresAt: toDateInput(dpa.expiresAt),
          breachNoticeHours: dpa.breachNoticeHours === null ? "" : String(dpa.breachNoticeHours),
          transferMechanism: dpa.transferMechanism,
          isCurrent: dpa.isCurrent,
          fileId: dpa.fileId ?? "",
          notes: dpa.notes ?? "",
          clauses: DPA_CLAUSES.map((clause) => ({ clause, status: byClause.get(clause)?.status ?? "MISSING", evidence: byClause.get(clause)?.evidence ?? "" })),
        }}
      />
    </>
  );
}
