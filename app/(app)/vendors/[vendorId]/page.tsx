import type { Metadata } from "next";
import { vendorName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import Link from "next/link";
import { CertificationSection, DpaSection, FactSources, ProductFacts, SubProcessorSection } from "@/components/products/product-evidence";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RiskTierBadge } from "@/components/scoring/risk-tier-badge";
import { ActivityList } from "@/components/vendors/activity-list";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayFor } from "@/lib/db/tenant";
import { getVendorOverview } from "@/lib/db/vendors";
import { loadOr404 } from "@/lib/http/load-or-404";
import { archiveVendorAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ vendorId: string }> }): Promise<Metadata> {
  const { vendorId } = await params;
  return recordTitle("vendor:read", (actor) => vendorName(actor, vendorId), (n) => `${n} · Vendors`, "Vendor");
}

export default async function VendorPage({ params }: { params: Promise<{ vendorId: string }> }) {
  const actor = await requirePermission("vendor:read");
  const { vendorId } = await params;
  const { vendor, activity } = await loadOr404(getVendorOverview(actor, vendorId));
  const canWrite = can(actor.role, "vendor:write");
  const canEdit = canWrite && !vendor.archivedAt;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/vendors" className="text-brand-700 hover:underline">
          ← Vendors
        </Link>
      </p>
      <PageHeader
        title={vendor.name}
        description={
          <>
            {vendor.website ? (
              <a href={vendor.website} className="text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
                {vendor.website}
              </a>
            ) : null}{" "}
            {vendor.isSample ? <Badge tone="amber">Sample data — verify</Badge> : null} {vendor.archivedAt ? <Badge>Archived</Badge> : null}
          </>
        }
        actions={
          canWrite ? (
            <>
              {canEdit ? (
                <>
                  <Link href={`/products/new?vendorId=${vendor.id}`} className={buttonClass("primary")}>
                    Add product
                  </Link>
                  <Link href={`/vendors/${vendor.id}/edit`} className={buttonClass("secondary")}>
                    Edit
                  </Link>
                </>
              ) : null}
              <ConfirmButton
                label={vendor.archivedAt ? "Restore" : "Archive"}
                confirm={
                  vendor.archivedAt
                    ? `Restore ${vendor.name} and its products?`
                    : `Archive ${vendor.name} and its ${vendor.products.length} product(s)? They leave the lists; evidence and history are kept.`
                }
                action={archiveVendorAction}
                input={{ id: vendor.id, archived: !vendor.archivedAt }}
              />
            </>
          ) : null
        }
      />
      {vendor.description ? <p className="mb-6 max-w-3xl text-sm text-slate-700">{vendor.description}</p> : null}
      {vendor.products.length === 0 ? (
        <EmptyState title="No products yet">Add the AI services of this vendor that your clients use or plan to use.</EmptyState>
      ) : (
        <>
          {/* A long page: its sections, one link each, so keyboard and screen-reader users can jump. */}
          <nav aria-label="On this page" className="mb-6 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="vendor-sections">
            <p className="mb-1 font-medium text-slate-800">On this page</p>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              <li>
                <a href="#products-overview" className="text-brand-700 underline">Scores and tiers</a>
              </li>
              {vendor.products.map((product) => (
                <li key={product.id}>
                  <a href={`#section-${product.id}`} className="text-brand-700 underline">
                    {product.name}
                  </a>
                </li>
              ))}
              <li>
                <a href="#activity" className="text-brand-700 underline">Activity</a>
              </li>
            </ul>
          </nav>
          <section id="products-overview" aria-labelledby="products-overview-title" className="mb-10 scroll-mt-4">
            <h2 id="products-overview-title" className="mb-2 text-lg font-semibold">Scores and tiers</h2>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full text-sm" data-testid="vendor-product-scores">
                <caption className="sr-only">Each product&apos;s live score and risk tier</caption>
                <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">Product</th>
                    <th scope="col" className="px-3 py-2 text-right">Score</th>
                    <th scope="col" className="px-3 py-2">Risk tier</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {vendor.products.map((product) => (
                    <tr key={product.id}>
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        <Link href={`/products/${product.id}`} className="text-brand-700 hover:underline">
                          {product.name}
                        </Link>{" "}
                        {product.archivedAt ? <Badge>Archived</Badge> : null}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{product.currentScore ?? "—"}</td>
                      <td className="px-3 py-2">{product.currentTier ? <RiskTierBadge tier={product.currentTier} /> : <span className="text-slate-600">Not scored yet</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        <div className="space-y-10">
          {vendor.products.map((product) => (
            <section key={product.id} id={`section-${product.id}`} aria-labelledby={`product-${product.id}`} className="scroll-mt-4 space-y-4">
              <h2 id={`product-${product.id}`} className="flex items-center gap-2 text-lg font-semibold">
                <Link href={`/products/${product.id}`} className="hover:underline">
                  {product.name}
                </Link>
                {product.archivedAt ? <Badge>Archived</Badge> : null}
              </h2>
              <Card>
                <ProductFacts product={product} />
                <div className="mt-3">
                  <FactSources product={product} />
                </div>
              </Card>
              <DpaSection product={product} canEdit={canEdit && !product.archivedAt} today={todayFor(actor)} />
              <CertificationSection product={product} canEdit={canEdit && !product.archivedAt} today={todayFor(actor)} />
              <SubProcessorSection product={product} canEdit={canEdit && !product.archivedAt} />
            </section>
          ))}
        </div>
        </>
      )}
      <div id="activity" className="mt-10 scroll-mt-4">
        <ActivityList events={activity} />
      </div>
    </>
  );
}
