import type { Metadata } from "next";
import Link from "next/link";
import { HomeCharts } from "@/components/home/home-charts";
import { HomeTile } from "@/components/home/home-tile";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { accountManagerHome, adminHome, complianceHome, homeRenewals } from "@/lib/db/home";
import { tierStatusCharts } from "@/lib/db/home-charts";
import { daysBetween, calendarDateOf } from "@/lib/domain/dates/calendar-date";
import { HOME_RENEWAL_LINKS } from "@/lib/domain/home/renewal-figures";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { countOpenVendorRequests } from "@/lib/db/vendor-requests";

export const metadata: Metadata = { title: "Dashboard" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** The sealer runs every few seconds: events waiting longer than this mean it has stopped. */
const SEALER_STALLED_MS = 5 * 60_000;

/** Each role's home: today's work for that role, every number opening the list it counts, then the portfolio charts. */
export default async function HomePage() {
  const actor = await requirePermission("dashboard:view");
  const now = new Date();
  const [renewals, charts, am, co, admin, vendorRequests] = await Promise.all([
    homeRenewals(actor, now),
    tierStatusCharts(actor, now),
    actor.role === "ACCOUNT_MANAGER" ? accountManagerHome(actor) : null,
    actor.role === "COMPLIANCE_OFFICER" ? complianceHome(actor) : null,
    actor.role === "ADMIN" ? adminHome(actor) : null,
    actor.role === "ACCOUNT_MANAGER" ? countOpenVendorRequests(actor, { ownerId: actor.userId, now }) : null,
  ]);
  const r = renewals.figures;
  const today = renewals.today;

  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${actor.name}. Your work as ${ROLE_LABELS[actor.role].toLowerCase()}, today.`} />
      {am ? (
        <section aria-labelledby="my-work">
          <h2 id="my-work" className="mb-3 text-lg font-semibold text-slate-900">My work</h2>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            <HomeTile testId="tile-drafts" label="My draft assessments" value={am.drafts} href="/assessments?status=DRAFT&mine=1" />
            <HomeTile testId="tile-changes-requested" label="Changes requested on my assessments" value={am.changesRequested} href="/assessments?status=CHANGES_REQUESTED&mine=1" alert={am.changesRequested > 0} />
            <HomeTile testId="tile-vendor-requests" label="My vendor questionnaires open" value={vendorRequests ?? 0} href="/renewals#vendor-questionnaires" detail="With the vendor or waiting for your review" />
            <HomeTile testId="tile-open-conditions" label="Open conditions due within 90 days" value={r.openConditions} href={HOME_RENEWAL_LINKS.openConditions} />
            <HomeTile testId="tile-evidence-expiring" label="Evidence expiring within 30 days" value={r.evidenceExpiring} href={HOME_RENEWAL_LINKS.evidenceExpiring} detail="DPAs and certificates, overdue included" alert={r.evidenceExpiring > 0} />
            <HomeTile testId="tile-renewals-week" label="Renewals this week" value={r.renewalsThisWeek} href={HOME_RENEWAL_LINKS.renewalsThisWeek} detail="Overdue or due within 7 days" alert={r.renewalsThisWeek > 0} />
          </div>
        </section>
      ) : null}
      {co ? (
        <section aria-labelledby="review-work">
          <h2 id="review-work" className="mb-3 text-lg font-semibold text-slate-900">Reviews and approvals</h2>
          <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <HomeTile testId="tile-review-queue" label="Assessments waiting for review" value={co.queued} href="/reviews" detail={co.oldest[0]?.submittedAt ? `Oldest waiting ${plural(daysBetween(calendarDateOf(co.oldest[0].submittedAt, actor.timeZone), today), "day")}` : "Nothing waiting"} />
              <HomeTile testId="tile-suspended" label="Suspended approvals" value={co.suspended} href="/renewals?kind=APPROVAL_SUSPENDED" alert={co.suspended > 0} />
              <HomeTile testId="tile-lapsed" label="Lapsed approvals" value={r.lapsedApprovals} href={HOME_RENEWAL_LINKS.lapsedApprovals} alert={r.lapsedApprovals > 0} />
              <HomeTile testId="tile-exceptions-expiring" label="Exceptions expiring within 30 days" value={r.exceptionsExpiring} href={HOME_RENEWAL_LINKS.exceptionsExpiring} alert={r.exceptionsExpiring > 0} />
            </div>
            <Card title="Review queue, oldest first">
              {co.oldest.length === 0 ? (
                <p className="text-sm text-slate-600">No assessment is waiting for a decision.</p>
              ) : (
                <ol className="divide-y divide-slate-100 text-sm" data-testid="review-queue">
                  {co.oldest.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-3 py-2">
                      <Link href={`/assessments/${a.id}`} className="font-medium text-brand-700 hover:underline">
                        {a.vendorName} — {a.productName}
                      </Link>
                      <span className="whitespace-nowrap text-slate-700">{a.submittedAt ? `waiting ${plural(daysBetween(calendarDateOf(a.submittedAt, actor.timeZone), today), "day")}` : ""}</span>
                    </li>
                  ))}
                </ol>
              )}
              {co.queued > co.oldest.length ? (
                <p className="mt-2 text-sm">
                  <Link href="/reviews" className="text-brand-700 underline">
                    All {co.queued} in the queue
                  </Link>
                </p>
              ) : null}
            </Card>
          </div>
        </section>
      ) : null}
      {admin ? (
        <section aria-labelledby="admin-work">
          <h2 id="admin-work" className="mb-3 text-lg font-semibold text-slate-900">Organisation health</h2>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            <HomeTile testId="tile-users-without-mfa" label="Staff without two-step verification" value={admin.usersWithoutMfa} href="/settings/users?mfa=off" alert={admin.usersWithoutMfa > 0} />
            <HomeTile testId="tile-failed-mail" label="Failed mail" value={admin.failedMail} href="/settings/outbox?status=failed" detail="In the outbox, not sent since" alert={admin.failedMail > 0} />
            <HomeTile
              testId="tile-audit-chain"
              label="Audit chain"
              value={admin.audit.pending === 0 ? "Sealed" : `${admin.audit.pending} waiting`}
              href="/settings/audit"
              alert={admin.audit.oldestPendingAt !== null && now.getTime() - admin.audit.oldestPendingAt.getTime() > SEALER_STALLED_MS}
              detail={`${plural(admin.audit.sealed, "event")} sealed${admin.audit.lastSealAt ? `, last at ${admin.audit.lastSealAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}${admin.audit.oldestPendingAt && now.getTime() - admin.audit.oldestPendingAt.getTime() > SEALER_STALLED_MS ? ". The sealer is behind: check the job worker." : ""}`}
            />
          </div>
        </section>
      ) : null}
      <HomeCharts products={charts.products} useCases={charts.useCases} timeline={renewals.timeline} />
    </>
  );
}
