import "server-only";
import { changeSummary } from "@/lib/domain/change-summary";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { ClientInput } from "@/lib/validation/client";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import { DATA_CLASSES, RESIDENCIES } from "@/lib/domain/vocabulary";
import { withAudit } from "./audit";
import { refreshScores } from "./score-refresh";
import { prisma, Prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

export const CLIENT_LIST: ListQueryOptions = {
  sortable: ["name", "residency", "useCases", "updatedAt"],
  defaultSort: { id: "name", desc: false },
  filters: { residency: RESIDENCIES, dataClass: DATA_CLASSES, status: ["active", "archived"] },
};

export async function listClients(ctx: TenantContext, query: ListQuery) {
  const f = query.filters;
  const where: Prisma.ClientWhereInput = {
    ...(f.status?.length === 1 ? (f.status[0] === "archived" ? { archivedAt: { not: null } } : { archivedAt: null }) : f.status?.length ? {} : { archivedAt: null }),
    ...(f.residency ? { residency: { in: f.residency as Prisma.EnumResidencyFilter["in"] } } : {}),
    ...(f.dataClass ? { dataClasses: { hasSome: f.dataClass as Prisma.EnumDataClassNullableListFilter["hasSome"] } } : {}),
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
    ...tenant(ctx),
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  // The use-case count is Client.useCaseCount, kept by a trigger on UseCase (migration
  // vendor_client_counts): sorting by it reads the (organizationId, useCaseCount, name) index
  // instead of counting the tenant's use cases (issue 17: Prisma's `_count` ordering became a
  // GROUP BY over every organisation's use cases).
  const orderBy: Prisma.ClientOrderByWithRelationInput[] =
    query.sort?.id === "residency" ? [{ residency: dir }, { name: "asc" }] : query.sort?.id === "useCases" ? [{ useCaseCount: dir }, { name: "asc" }] : query.sort?.id === "updatedAt" ? [{ updatedAt: dir }, { id: "asc" }] : [{ name: dir }, { id: "asc" }];
  const select = { id: true, name: true, dataClasses: true, residency: true, frameworks: true, archivedAt: true, updatedAt: true, useCaseCount: true } as const;
  const [rows, total] = await prisma.$transaction([prisma.client.findMany({ where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize, select }), prisma.client.count({ where })]);
  return { rows: rows.map(({ useCaseCount, ...c }) => ({ ...c, useCases: useCaseCount })), total };
}

function duplicateName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "A client with that name already exists.", { name: "A client with that name already exists." });
  }
  throw error;
}

export async function createClient(ctx: TenantContext, input: ClientInput) {
  return withAudit(
    ctx,
    (tx) => tx.client.create({ data: { ...input, organizationId: ctx.organizationId }, select: { id: true, name: true } }),
    (client) => ({ action: "client.create", entityType: "Client", entityId: client.id, summary: { after: input } }),
  ).catch(duplicateName);
}

export async function clientInTenant(ctx: TenantContext, id: string) {
  const client = await prisma.client.findFirst({ where: inTenant(ctx, { id }) });
  if (!client) throw notFound("client");
  return client;
}

export async function updateClient(ctx: TenantContext, id: string, input: ClientInput) {
  const before = await clientInTenant(ctx, id);
  return withAudit(
    ctx,
    async (tx) => {
      const client = await tx.client.update({ where: { id: before.id }, data: input, select: { id: true } });
      // Residency and data classes feed the per-use-case flags of every use case of this client.
      await refreshScores(tx, ctx, { clientIds: [client.id] });
      return client;
    },
    () => ({ action: "client.update", entityType: "Client", entityId: id, summary: changeSummary(before, input) }),
  ).catch(duplicateName);
}

/** Archiving hides a client from pickers and lists; its use cases, decisions and reports stay for the audit. */
export async function setClientArchived(ctx: TenantContext, id: string, archived: boolean) {
  const before = await clientInTenant(ctx, id);
  await withAudit(
    ctx,
    (tx) => tx.client.update({ where: { id: before.id }, data: { archivedAt: archived ? new Date() : null } }),
    () => ({ action: archived ? "client.archive" : "client.restore", entityType: "Client", entityId: id }),
  );
}
