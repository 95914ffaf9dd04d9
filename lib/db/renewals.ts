import "server-only";
import { certificationEvidenceOf, countingCertifications } from "@/lib/domain/scoring/counting-evidence";
import { APPROVED_STATUSES, nextReviewDate } from "@/lib/domain/approvals/approval-validity";
import { addDays, calendarDateOf, calendarDateOfColumn, toDateColumn, type CalendarDate } from "@/lib/domain/dates/calendar-date";
import { RENEWAL_ACTIONS, renewalBucket, type RenewalBucket, type RenewalKind } from "@/lib/domain/renewals/renewal-schedule";
import { enumLabel, type RiskTier } from "@/lib/domain/vocabulary";
import { decisionsInForce } from "./conditions";
import { prisma } from "./prisma-client";
import { tenant, todayFor, type TenantContext } from "./tenant";

/** One date that can lapse, with what it belongs to, who owns it and what to do. */
export interface RenewalItem {
  kind: RenewalKind;
  /** The id of the record the date belongs to (DPA, certification, use case, condition, exception, product). */
  itemId: string;
  dueOn: CalendarDate;
  title: string;
  detail: string | null;
  ownerId: string | null;
  clientId: string | null;
  clientName: string | null;
  productId: string | null;
  productName: string | null;
  href: string;
  action: string;
}

export interface RenewalWindow {
  /** Include items due on or before this day (overdue ones always included). */
  until: CalendarDate;
  /** Optionally, only items due on or after this day. */
  from?: CalendarDate;
}

const productLabel = (p: { name: string; vendor: { name: string } }) => `${p.vendor.name} — ${p.name}`;

/**
 * Every tracked date in the organisation up to a day: DPA and certification expiry, approvals'
 * valid-until, condition due dates, exception expiry, and the next review by tier cadence from
 * the last product decision. Archived records are left out; they no longer need renewing.
 */
export async function collectRenewalItems(ctx: TenantContext, window: RenewalWindow): Promise<RenewalItem[]> {
  const due = { lte: toDateColumn(window.until), ...(window.from ? { gte: toDateColumn(window.from) } : {}) };
  const activeProduct = { archivedAt: null, vendor: { archivedAt: null } };
  const productSelect = { id: true, name: true, ownerId: true, vendor: { select: { name: true, ownerId: true } } } as const;
  const [dpas, certifications, approvals, suspended, conditions, exceptions, productDecisions] = await Promise.all([
    prisma.dpa.findMany({ where: { isCurrent: true, expiresAt: due, product: activeProduct, ...tenant(ctx) }, select: { id: true, title: true, expiresAt: true, product: { select: productSelect } } }),
    prisma.certification.findMany({ where: { archivedAt: null, expiresAt: due, product: activeProduct, ...tenant(ctx) }, select: { id: true, type: true, name: true, expiresAt: true, product: { select: productSelect } } }),
    prisma.useCase.findMany({
      where: { status: { in: [...APPROVED_STATUSES] }, client: { archivedAt: null }, OR: [{ validUntil: due }, { nextReviewAt: due }], ...tenant(ctx) },
      select: { id: true, purpose: true, ownerId: true, validUntil: true, validUntilWhy: true, nextReviewAt: true, client: { select: { id: true, name: true } }, product: { select: productSelect } },
    }),
    // Suspended approvals are listed whatever the window: they need a decision now.
    prisma.useCase.findMany({
      where: { status: { in: [...APPROVED_STATUSES] }, suspendedAt: { not: null }, client: { archivedAt: null }, ...tenant(ctx) },
      select: { id: true, purpose: true, ownerId: true, suspendedAt: true, suspendedWhy: true, client: { select: { id: true, name: true } }, product: { select: productSelect } },
    }),
    prisma.decisionCondition.findMany({
      where: { metAt: null, dueAt: due, ...tenant(ctx) },
      select: {
        id: true,
        text: true,
        dueAt: true,
        decision: {
          select: {
            id: true,
            assessmentId: true,
            useCase: { select: { id: true, purpose: true, ownerId: true, client: { select: { id: true, name: true } } } },
            assessment: { select: { createdById: true, product: { select: productSelect } } },
          },
        },
      },
    }),
    prisma.riskException.findMany({
      where: { revokedAt: null, expiresAt: due, useCase: { client: { archivedAt: null } }, ...tenant(ctx) },
      select: { id: true, expiresAt: true, useCase: { select: { id: true, purpose: true, ownerId: true, client: { select: { id: true, name: true } }, product: { select: productSelect } } } },
    }),
    // The latest approving product-level decision per product sets its next review.
    prisma.decision.findMany({
      where: { useCaseId: null, outcome: { in: [...APPROVED_STATUSES] }, assessment: { product: activeProduct }, ...tenant(ctx) },
      orderBy: { decidedAt: "desc" },
      select: { decidedAt: true, snapshotId: true, assessment: { select: { id: true, product: { select: productSelect } } } },
    }),
  ]);

  const items: RenewalItem[] = [];
  const owner = (p: { ownerId: string | null; vendor: { ownerId: string | null } }) => p.ownerId ?? p.vendor.ownerId;
  for (const d of dpas) {
    items.push({ kind: "DPA_EXPIRY", itemId: d.id, dueOn: calendarDateOfColumn(d.expiresAt!), title: `DPA "${d.title}" expires`, detail: null, ownerId: owner(d.product), clientId: null, clientName: null, productId: d.product.id, productName: productLabel(d.product), href: `/products/${d.product.id}/dpas/${d.id}/edit`, action: RENEWAL_ACTIONS.DPA_EXPIRY });
  }
  // A superseded certificate (a newer record of its type exists) is history, not a renewal.
  const siblings = certifications.length
    ? await prisma.certification.findMany({
        where: { archivedAt: null, productId: { in: [...new Set(certifications.map((c) => c.product.id))] }, ...tenant(ctx) },
        select: { id: true, productId: true, type: true, issuedAt: true, expiresAt: true, createdAt: true, fileId: true },
      })
    : [];
  const byProduct = new Map<string, typeof siblings>();
  for (const c of siblings) byProduct.set(c.productId, [...(byProduct.get(c.productId) ?? []), c]);
  const counting = new Set([...byProduct.values()].flatMap((records) => countingCertifications(records.map(certificationEvidenceOf)).map((c) => c.id)));
  for (const c of certifications.filter((x) => counting.has(x.id))) {
    items.push({ kind: "CERTIFICATION_EXPIRY", itemId: c.id, dueOn: calendarDateOfColumn(c.expiresAt!), title: `${c.name ?? enumLabel(c.type)} expires`, detail: null, ownerId: owner(c.product), clientId: null, clientName: null, productId: c.product.id, productName: productLabel(c.product), href: `/products/${c.product.id}/certifications/${c.id}/edit`, action: RENEWAL_ACTIONS.CERTIFICATION_EXPIRY });
  }
  const inWindow = (d: CalendarDate) => d <= window.until && (!window.from || d >= window.from);
  for (const u of approvals) {
    const base = { ownerId: u.ownerId, clientId: u.client.id, clientName: u.client.name, productId: u.product.id, productName: productLabel(u.product), href: `/use-cases/${u.id}` };
    const validUntil = calendarDateOfColumn(u.validUntil);
    const review = calendarDateOfColumn(u.nextReviewAt);
    if (validUntil && inWindow(validUntil)) items.push({ ...base, kind: "APPROVAL_VALID_UNTIL", itemId: u.id, dueOn: validUntil, title: `Approval for "${u.purpose}" lapses`, detail: u.validUntilWhy ? `Valid until ${u.validUntilWhy}.` : null, action: RENEWAL_ACTIONS.APPROVAL_VALID_UNTIL });
    // A review that falls on the valid-until date is the same event: listed once.
    if (review && inWindow(review) && review !== validUntil) items.push({ ...base, kind: "REVIEW_DUE", itemId: u.id, dueOn: review, title: `Review of "${u.purpose}" due`, detail: null, action: "Review the use case: re-check its evidence and record a new decision." });
  }
  for (const u of suspended) {
    items.push({
      kind: "APPROVAL_SUSPENDED",
      itemId: u.id,
      dueOn: calendarDateOf(u.suspendedAt!, ctx.timeZone),
      title: `Approval for "${u.purpose}" suspended`,
      detail: u.suspendedWhy,
      ownerId: u.ownerId,
      clientId: u.client.id,
      clientName: u.client.name,
      productId: u.product.id,
      productName: productLabel(u.product),
      href: `/use-cases/${u.id}`,
      action: RENEWAL_ACTIONS.APPROVAL_SUSPENDED,
    });
  }
  // A superseded decision's conditions are history; only the decision in force binds.
  const inForce = await decisionsInForce(ctx, conditions.map((c) => c.decision.id));
  for (const c of conditions) {
    if (!inForce.has(c.decision.id)) continue;
    const useCase = c.decision.useCase;
    const product = c.decision.assessment.product;
    items.push({
      kind: "CONDITION_DUE",
      itemId: c.id,
      dueOn: calendarDateOfColumn(c.dueAt!),
      title: `Condition due: ${c.text}`,
      detail: useCase ? `On the approval of "${useCase.purpose}".` : "On the product's approval.",
      ownerId: useCase?.ownerId ?? c.decision.assessment.createdById,
      clientId: useCase?.client.id ?? null,
      clientName: useCase?.client.name ?? null,
      productId: product.id,
      productName: productLabel(product),
      href: useCase ? `/use-cases/${useCase.id}` : `/assessments/${c.decision.assessmentId}`,
      action: RENEWAL_ACTIONS.CONDITION_DUE,
    });
  }
  for (const e of exceptions) {
    items.push({ kind: "EXCEPTION_EXPIRY", itemId: e.id, dueOn: calendarDateOfColumn(e.expiresAt), title: `Risk exception for "${e.useCase.purpose}" expires`, detail: null, ownerId: e.useCase.ownerId, clientId: e.useCase.client.id, clientName: e.useCase.client.name, productId: e.useCase.product.id, productName: productLabel(e.useCase.product), href: `/use-cases/${e.useCase.id}`, action: RENEWAL_ACTIONS.EXCEPTION_EXPIRY });
  }
  const seen = new Set<string>();
  const snapshotTiers = new Map(
    (await prisma.scoreSnapshot.findMany({ where: { id: { in: productDecisions.flatMap((d) => (d.snapshotId ? [d.snapshotId] : [])) }, ...tenant(ctx) }, select: { id: true, tier: true } })).map((s) => [s.id, s.tier as RiskTier]),
  );
  for (const d of productDecisions) {
    const product = d.assessment.product;
    if (seen.has(product.id)) continue;
    seen.add(product.id);
    const tier = (d.snapshotId && snapshotTiers.get(d.snapshotId)) || "HIGH";
    const dueOn = nextReviewDate(calendarDateOf(d.decidedAt, ctx.timeZone), tier);
    if (!inWindow(dueOn)) continue;
    items.push({ kind: "REVIEW_DUE", itemId: product.id, dueOn, title: `Review of ${productLabel(product)} due`, detail: `${enumLabel(tier)} tier: reviewed every ${tier === "LOW" ? 12 : tier === "MEDIUM" ? 6 : 3} months.`, ownerId: owner(product), clientId: null, clientName: null, productId: product.id, productName: productLabel(product), href: `/products/${product.id}`, action: RENEWAL_ACTIONS.REVIEW_DUE });
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
}

export interface RenewalFilters {
  clientId?: string;
  ownerId?: string;
  kind?: RenewalKind;
  /** Any of these kinds (the home page's "evidence expiring" is DPA and certificate expiry). */
  kinds?: readonly RenewalKind[];
  productId?: string;
}

export function filterRenewals(items: RenewalItem[], f: RenewalFilters): RenewalItem[] {
  return items.filter((i) => (!f.clientId || i.clientId === f.clientId) && (!f.ownerId || i.ownerId === f.ownerId) && (!f.kind || i.kind === f.kind) && (!f.kinds || f.kinds.includes(i.kind)) && (!f.productId || i.productId === f.productId));
}

/** The renewals page: overdue, then due within 7 / 30 / 60 / 90 days. */
export async function renewalBuckets(ctx: TenantContext, filters: RenewalFilters, now = new Date()) {
  const today = todayFor(ctx, now);
  const all = await collectRenewalItems(ctx, { until: addDays(today, 90) });
  const items = filterRenewals(all, filters);
  const buckets = new Map<RenewalBucket, RenewalItem[]>();
  for (const item of items) {
    const bucket = renewalBucket(item.dueOn, today, item.kind);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), item]);
  }
  return { today, buckets, all };
}

/** Dashboard counts: overdue, and due within 7 and 30 days (each including the shorter windows' items only once). */
export async function renewalCounts(ctx: TenantContext, now = new Date()) {
  const today = todayFor(ctx, now);
  const items = await collectRenewalItems(ctx, { until: addDays(today, 30) });
  const counts = { overdue: 0, due7: 0, due30: 0 };
  for (const item of items) {
    const bucket = renewalBucket(item.dueOn, today, item.kind);
    if (bucket === "OVERDUE") counts.overdue++;
    else if (bucket === "DUE_7") counts.due7++;
    else counts.due30++;
  }
  return counts;
}
