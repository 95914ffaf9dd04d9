import "server-only";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import { prisma, type Prisma } from "./prisma-client";
import { tenant, type TenantContext } from "./tenant";

export const ASSESSMENT_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const;

/**
 * A sent-back assessment is a DRAFT again with a CHANGES_REQUESTED decision (lib/db/reviews);
 * older rows may still carry the CHANGES_REQUESTED status. "Draft" means never sent back. One
 * definition, used by the list and the home counts.
 */
export function assessmentStatusWhere(status: string): Prisma.AssessmentWhereInput {
  if (status === "CHANGES_REQUESTED") return { OR: [{ status: "CHANGES_REQUESTED" }, { status: "DRAFT", decisions: { some: { outcome: "CHANGES_REQUESTED" } } }] };
  if (status === "DRAFT") return { status: "DRAFT", decisions: { none: { outcome: "CHANGES_REQUESTED" } } };
  return { status: status as Prisma.EnumAssessmentStatusFilter["equals"] };
}

/** Started or submitted by the caller: the account manager's own work. */
export const mineWhere = (ctx: TenantContext): Prisma.AssessmentWhereInput => ({ OR: [{ createdById: ctx.userId }, { submittedById: ctx.userId }] });

/** `/assessments?status=DRAFT&mine=1`: the account manager home's "drafts" and "changes requested" tiles open these views. */
export const ASSESSMENT_LIST: ListQueryOptions = {
  sortable: ["updatedAt"],
  defaultSort: { id: "updatedAt", desc: true },
  filters: { status: ASSESSMENT_STATUSES, mine: ["1"] },
};

/** Assessments of active products, newest change first; `mine` keeps those the caller started or submitted. */
export async function listAssessments(ctx: TenantContext, query: ListQuery) {
  const f = query.filters;
  const where: Prisma.AssessmentWhereInput = {
    product: { archivedAt: null },
    AND: [...(f.status ? [{ OR: f.status.map(assessmentStatusWhere) }] : []), ...(f.mine ? [mineWhere(ctx)] : [])],
    ...tenant(ctx),
  };
  const [rows, total] = await prisma.$transaction([
    prisma.assessment.findMany({
      where,
      orderBy: [{ updatedAt: query.sort?.desc === false ? "asc" : "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, status: true, updatedAt: true, submittedAt: true, _count: { select: { decisions: { where: { outcome: "CHANGES_REQUESTED" } } } }, product: { select: { id: true, name: true, vendor: { select: { name: true } } } } },
    }),
    prisma.assessment.count({ where }),
  ]);
  return { rows: rows.map(({ _count, ...a }) => ({ ...a, status: a.status === "DRAFT" && _count.decisions > 0 ? ("CHANGES_REQUESTED" as const) : a.status })), total };
}
