import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDashboardFigures } from "@/lib/db/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePermission("dashboard:view");
  const figures = await getDashboardFigures(actor);
  const tiles = [
    { label: "Vendors", value: figures.vendors, testId: "figure-vendors", href: "/vendors" },
    { label: "Products", value: figures.products, testId: "figure-products", href: "/products" },
    { label: "Assessments awaiting review", value: figures.awaitingReview, testId: "figure-awaiting-review", href: can(actor.role, "assessment:decide") ? "/reviews" : null },
    { label: "Renewals overdue", value: figures.renewals.overdue, testId: "figure-renewals-overdue", href: "/renewals", alert: figures.renewals.overdue > 0 },
    { label: "Renewals due within 7 days", value: figures.renewals.due7, testId: "figure-renewals-7", href: "/renewals" },
    { label: "Renewals due in 8–30 days", value: figures.renewals.due30, testId: "figure-renewals-30", href: "/renewals" },
    { label: "Use cases awaiting a decision", value: figures.useCasesAwaitingDecision, testId: "figure-use-cases-proposed", href: "/approvals" },
    { label: "Lapsed approvals", value: figures.lapsedApprovals, testId: "figure-lapsed", href: "/approvals", alert: figures.lapsedApprovals > 0 },
    { label: "Suspended approvals", value: figures.suspendedApprovals, testId: "figure-suspended", href: "/renewals", alert: figures.suspendedApprovals > 0 },
    { label: "Critical products", value: figures.criticalProducts, testId: "figure-critical-products", href: "/products?riskTier=CRITICAL", alert: figures.criticalProducts > 0 },
  ];
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${actor.name}.`} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <p className="text-sm text-slate-600">{tile.href ? <Link href={tile.href} className="hover:underline">{tile.label}</Link> : tile.label}</p>
            <p className={`mt-1 text-3xl font-semibold ${tile.alert ? "text-red-700" : "text-slate-900"}`} data-testid={tile.testId}>
              {tile.value}
            </p>
          </Card>
        ))}
      </div>
    </>
  );
}
