import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { SendRequestForm } from "@/components/vendor-requests/send-request-form";
import { requirePermission } from "@/lib/auth/session";
import { addDays } from "@/lib/domain/dates/calendar-date";
import { todayFor } from "@/lib/db/tenant";
import { sendRequestChoices } from "@/lib/db/vendor-requests";
import { loadOr404 } from "@/lib/http/load-or-404";
import { sendVendorRequestAction } from "@/app/(app)/vendor-requests/actions";

export const metadata: Metadata = { title: "Ask the vendor" };

/** An account manager sends the product's questionnaire to the vendor's contact by secure link. */
export default async function AskVendorPage({ params }: { params: Promise<{ productId: string }> }) {
  const actor = await requirePermission("assessment:fill");
  const { productId } = await params;
  const { product, versions, canReuse } = await loadOr404(sendRequestChoices(actor, productId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/products/${product.id}`} className="text-brand-700 hover:underline">
          ← {product.name}
        </Link>
      </p>
      <PageHeader
        title={`Ask ${product.vendor.name}`}
        description="The vendor's contact gets a secure link by e-mail and answers without an account. You review every answer before it counts."
      />
      {versions.length === 0 ? (
        <p className="text-sm text-slate-600">There is no published questionnaire yet. Publish one under Settings first.</p>
      ) : product.archivedAt ? (
        <p className="text-sm text-slate-600">Restore the product before asking its vendor.</p>
      ) : (
        <SendRequestForm
          productId={product.id}
          versions={versions}
          contact={{ name: product.vendor.contactName ?? "", email: product.vendor.contactEmail ?? "" }}
          defaultDueOn={addDays(todayFor(actor), 14)}
          canReuse={canReuse}
          send={sendVendorRequestAction}
        />
      )}
    </>
  );
}
