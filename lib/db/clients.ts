import "server-only";
import { prisma } from "./client";
import { inTenant, type TenantContext } from "./tenant";

/** Clients for pickers: id and name, active ones first by name. */
export async function listClientOptions(ctx: TenantContext) {
  return prisma.client.findMany({ where: inTenant(ctx, { archivedAt: null }), select: { id: true, name: true }, orderBy: { name: "asc" } });
}
