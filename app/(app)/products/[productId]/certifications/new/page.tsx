import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { z } from "zod";
import { CERTIFICATION_TYPES } from "@/lib/domain/vocabulary";
import { CertificationForm } from "@/components/evidence/certification-form";
import { PageHeader } from "@/components/ui/card";
import type { CertificationFormValues } from "@/lib/validation/evidence";
import { requirePermission } from "@/lib/auth/session";
import { productInTenant } from "@/lib/db/products";
import { loadOr404 } from "@/lib/http/load-or-404";
import { createCertificationAction } from "@/app/(app)/products/[productId]/evidence-actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `New certification · ${n} · Products`, "New certification");
}

// `?type=HIPAA_BAA`: the product page's "record a certificate" link for a red flag preselects the type it needs.
const query = z.object({ type: z.enum(CERTIFICATION_TYPES).or(z.literal("")).catch("") });

export default async function NewCertificationPage({ params, searchParams }: { params: Promise<{ productId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("vendor:write");
  const { productId } = await params;
  const raw = await searchParams;
  const { type } = query.parse({ type: typeof raw.type === "string" ? raw.type : "" });
  const product = await loadOr404(productInTenant(actor, productId));
  return (
    <>
      <PageHeader title="New certification" description={`An independent attestation that covers ${product.name}.`} />
      <CertificationForm
        submitLabel="Save certification"
        save={createCertificationAction}
        doneHref={`/products/${productId}`}
        initialFile={null}
        initial={{ productId, type: type as CertificationFormValues["type"], name: "", issuer: "", scope: "", issuedAt: "", expiresAt: "", fileId: "" }}
      />
    </>
  );
}
