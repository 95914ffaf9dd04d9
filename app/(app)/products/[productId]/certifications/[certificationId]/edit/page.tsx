import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { notFound } from "next/navigation";
import { CertificationForm } from "@/components/evidence/certification-form";
import { PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requirePermission } from "@/lib/auth/session";
import { getCertification } from "@/lib/db/certifications";
import { enumLabel } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";
import { toDateInput } from "@/lib/validation/dates";
import { archiveCertificationAction, updateCertificationAction } from "@/app/(app)/products/[productId]/evidence-actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `Edit certification · ${n} · Products`, "Edit certification");
}

export default async function EditCertificationPage({ params }: { params: Promise<{ productId: string; certificationId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { productId, certificationId } = await params;
  const cert = await loadOr404(getCertification(actor, certificationId));
  if (cert.productId !== productId) notFound();
  async function save(raw: unknown) {
    "use server";
    return updateCertificationAction({ id: certificationId, certification: raw });
  }
  return (
    <>
      <PageHeader
        title={`Edit ${cert.type === "OTHER" ? cert.name : enumLabel(cert.type)}`}
        description={cert.product.name}
        actions={
          <ConfirmButton
            label={cert.archivedAt ? "Restore" : "Archive"}
            confirm={cert.archivedAt ? "Restore this certification?" : "Archive this certification? It no longer counts as evidence; its history is kept."}
            action={archiveCertificationAction}
            input={{ id: cert.id, productId, archived: !cert.archivedAt }}
          />
        }
      />
      <CertificationForm
        submitLabel="Save changes"
        save={save}
        doneHref={`/products/${productId}`}
        initialFile={cert.file}
        initial={{
          productId,
          type: cert.type,
          name: cert.name ?? "",
          issuer: cert.issuer ?? "",
          scope: cert.scope ?? "",
          issuedAt: toDateInput(cert.issuedAt),
          expiresAt: toDateInput(cert.expiresAt),
          fileId: cert.fileId ?? "",
        }}
      />
    </>
  );
}
