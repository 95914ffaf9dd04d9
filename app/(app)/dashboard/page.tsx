import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getDashboardFigures } from "@/lib/db/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePermission("dashboard:view");
  const figures = await getDashboardFigures(actor);
  const tiles = [
    { label: "Vendors", value: figures.vendors, testId: "figure-vendors" },
    { label: "Products", value: figures.products, testId: "figure-products" },
    { label: "Assessments awaiting review", value: figures.awaitingReview, testId: "figure-awaiting-review" },
    { label: "Renewals due in 30 days (incl. overdue)", value: figures.renewalsDue30Days, testId: "figure-renewals" },
    { label: "Use cases awaiting a decision", value: figures.useCasesAwaitingDecision, testId: "figure-use-cases-proposed" },
    { label: "Lapsed approvals", value: figures.lapsedApprovals, testId: "figure-lapsed" },
  ];
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${actor.name}.`} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <p className="text-sm text-slate-600">{tile.label}</p>
            <p className="mt-1 text-3xl font-semibold text-slate-900" data-testid={tile.testId}>
              {tile.value}
            </p>
          </Card>
        ))}
      </div>
    </>
  );
}
