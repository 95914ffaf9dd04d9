import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { z } from "zod";
import { RenewalCalendar } from "@/components/renewals/renewal-calendar";
import { RenewalFilters } from "@/components/renewals/renewal-filters";
import { RenewalList, type RenewalRow } from "@/components/renewals/renewal-list";
import { SendRemindersButton } from "@/components/renewals/send-reminders-button";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { todayFor } from "@/lib/db/tenant";
import { clientOptionById, productOptionById } from "@/lib/db/picker-options";
import { collectRenewalItems, filterRenewals, renewalBuckets, type RenewalItem } from "@/lib/db/renewals";
import { listMembers } from "@/lib/db/users";
import { addDays, daysInMonth } from "@/lib/domain/dates/calendar-date";
import { inRenewalWindow, RENEWAL_WINDOW_LABELS, RENEWAL_WINDOWS } from "@/lib/domain/home/renewal-figures";
import { RENEWAL_KINDS, RENEWAL_KIND_LABELS, isMonth, shiftMonth, type RenewalBucket } from "@/lib/domain/renewals/renewal-schedule";
import { sendDueRemindersAction } from "./actions";
import { OpenVendorRequests } from "@/components/vendor-requests/open-vendor-requests";
import { listOpenVendorRequests } from "@/lib/db/vendor-requests";

export const metadata: Metadata = { title: "Renewals" };

const id = z.string().trim().max(64).regex(/^[A-Za-z0-9_-]*$/).catch("");
const params = z.object({
  view: z.enum(["list", "calendar"]).catch("list"),
  month: z.string().refine(isMonth).optional().catch(undefined),
  client: id,
  owner: id,
  product: id,
  // Repeatable (kind=DPA_EXPIRY&kind=CERTIFICATION_EXPIRY, as the home page's "evidence expiring" links); unknown kinds are dropped.
  kinds: z.array(z.string()).transform((given) => RENEWAL_KINDS.filter((k) => given.includes(k))).catch([]),
  // List view only: overdue items, or overdue and due within N days (the home page's tiles link here).
  within: z.enum(RENEWAL_WINDOWS).optional().catch(undefined),
});

export default async function RenewalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("renewal:read");
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? raw[k] : "");
  const many = (k: string) => [raw[k] ?? []].flat().flatMap((v) => v.split(","));
  const parsed = params.parse({ view: one("view"), month: one("month") || undefined, client: one("client"), owner: one("owner"), product: one("product"), kinds: many("kind"), within: one("within") || undefined });
  // The kind select shows one kind; several (from a home tile) are kept in the URL and named above the list.
  const q = { ...parsed, kind: parsed.kinds.length === 1 ? parsed.kinds[0]! : "" };
  const now = new Date();
  const today = todayFor(actor, now);
  const month = q.month ?? today.slice(0, 7);

  // Only the chosen client's and product's labels: their pickers search as you type (issue 17).
  const [client, members, product] = await Promise.all([clientOptionById(actor, q.client), listMembers(actor), productOptionById(actor, q.product)]);
  const viewHref = (view: "list" | "calendar") => `/renewals?${new URLSearchParams({ ...Object.fromEntries(Object.entries({ client: q.client, owner: q.owner, product: q.product, kind: q.kind }).filter(([, v]) => v)), ...(view === "calendar" ? { view, month } : {}) })}`;
  return (
    <>
      <PageHeader
        title="Renewals"
        description="Every date that can lapse: overdue first, then what falls due within 7, 30, 60 and 90 days. Reminders go to each item's owner 60, 30 and 7 days before, and when overdue."
        actions={
          <>
            {can(actor.role, "reminder:run") ? <SendRemindersButton action={sendDueRemindersAction} /> : null}
            <Link href="/renewals/calendar-feed" className={buttonClass("secondary")}>
              Calendar feed
            </Link>
          </>
        }
      />
      <div className="mb-4 flex gap-1" role="group" aria-label="View">
        {(["list", "calendar"] as const).map((v) => (
          <Link key={v} href={viewHref(v)} aria-current={q.view === v ? "page" : undefined} className={buttonClass(q.view === v ? "primary" : "secondary")}>
            {v === "list" ? "List" : "Month calendar"}
          </Link>
        ))}
      </div>
      <RenewalFilters
        options={{ client, owners: members.filter((m) => m.active && m.role !== "CLIENT_VIEWER").map((m) => ({ id: m.userId, name: m.name })), product, kinds: RENEWAL_KINDS.map((k) => ({ id: k, label: RENEWAL_KIND_LABELS[k] })) }}
        values={{ client: q.client, owner: q.owner, kind: q.kind, product: q.product }}
        view={q.view}
        month={month}
      />
      {q.kinds.length > 1 || q.within ? (
        <p className="mb-4 text-sm text-slate-700" data-testid="renewal-narrowed">
          Showing {q.kinds.length > 1 ? q.kinds.map((k) => RENEWAL_KIND_LABELS[k]).join(" and ") : "items"}
          {q.within && q.view === "list" ? ` ${RENEWAL_WINDOW_LABELS[q.within]}` : ""}.{" "}
          <Link href="/renewals" className="text-brand-700 underline">
            Show everything
          </Link>
        </p>
      ) : null}
      {/* Keyed on the view: a filter, view or month change shows the skeleton again until its dates arrive. */}
      <Suspense key={JSON.stringify([q.view, month, q.client, q.owner, q.product, q.kinds, q.within])} fallback={<ListSkeleton label="renewals" />}>
        <RenewalBody actor={actor} q={q} month={month} today={today} now={now} members={members} />
      </Suspense>
      <Suspense fallback={<ListSkeleton label="open vendor requests" rows={2} />}>
        <OpenRequests actor={actor} now={now} today={today} />
      </Suspense>
    </>
  );
}

type RenewalView = z.infer<typeof params> & { kind: string };

/** The date queries run here, below the Suspense boundary: the role check above has already answered. */
async function RenewalBody({ actor, q, month, today, now, members }: { actor: Actor; q: RenewalView; month: string; today: string; now: Date; members: Awaited<ReturnType<typeof listMembers>> }) {
  const filters = { clientId: q.client || undefined, ownerId: q.owner || undefined, productId: q.product || undefined, kinds: q.kinds.length ? q.kinds : undefined };
  const ownerName = new Map(members.map((m) => [m.userId, m.name]));
  const toRow = (i: RenewalItem): RenewalRow => ({
    key: `${i.kind}-${i.itemId}-${i.dueOn}`,
    kind: i.kind,
    dueOn: i.dueOn,
    title: i.title,
    detail: i.detail,
    href: i.href,
    action: i.action,
    clientName: i.clientName,
    productName: i.productName,
    ownerName: i.ownerId ? (ownerName.get(i.ownerId) ?? null) : null,
  });

  if (q.view === "calendar") {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const items = filterRenewals(await collectRenewalItems(actor, { from: `${month}-01`, until: addDays(`${month}-01`, daysInMonth(y, m) - 1) }), filters);
    const total = items.length;
    const href = (to: string) => `/renewals?${new URLSearchParams({ ...Object.fromEntries(Object.entries({ client: q.client, owner: q.owner, product: q.product, kind: q.kind }).filter(([, v]) => v)), view: "calendar", month: to })}`;
    return (
      <>
        <nav aria-label="Months" className="mb-3 flex items-center gap-3">
          <Link href={href(shiftMonth(month, -1))} className={buttonClass("secondary")}>
            ← Previous month
          </Link>
          <h2 className="text-lg font-semibold text-slate-900">{new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })}</h2>
          <Link href={href(shiftMonth(month, 1))} className={buttonClass("secondary")}>
            Next month →
          </Link>
          {month !== today.slice(0, 7) ? (
            <Link href={href(today.slice(0, 7))} className="text-sm text-brand-700 hover:underline">
              This month
            </Link>
          ) : null}
          <span className="text-sm text-slate-600">{total === 0 ? "Nothing falls due this month." : `${total} date${total === 1 ? "" : "s"} this month.`}</span>
        </nav>
        <RenewalCalendar month={month} rows={items.map(toRow)} today={today} />
      </>
    );
  }
  const { buckets: all } = await renewalBuckets(actor, filters, now);
  const within = q.within;
  const buckets = within ? new Map([...all.entries()].map(([b, items]) => [b, items.filter((i) => inRenewalWindow(i, today, within))] as const).filter(([, items]) => items.length > 0)) : all;
  const total = [...buckets.entries()].filter(([b]) => b !== "LATER").reduce((n, [, rows]) => n + rows.length, 0);
  const rows: Partial<Record<RenewalBucket, RenewalRow[]>> = Object.fromEntries([...buckets.entries()].map(([b, items]) => [b, items.map(toRow)]));
  return total === 0 ? (
    <EmptyState title={Object.values(filters).some(Boolean) || q.within ? "Nothing matches these filters in the next 90 days." : "Nothing lapses in the next 90 days."}>
      DPA and certificate expiry dates, approvals&apos; valid-until dates, condition due dates, exception expiry dates and tier-based review dates appear here as they come within 90 days.
    </EmptyState>
  ) : (
    <RenewalList buckets={rows} today={today} />
  );
}

async function OpenRequests({ actor, now, today }: { actor: Actor; now: Date; today: string }) {
  return <OpenVendorRequests rows={await listOpenVendorRequests(actor, { now })} today={today} />;
}
