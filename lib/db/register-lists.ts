import "server-only";
import type { ListQuery, ListQueryOptions } from "@/lib/validation/list-query";
import { DEPLOYMENT_MODELS, PRODUCT_TIERS, RISK_TIERS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
import { prisma, type Prisma } from "./prisma-client";
import { tenant, type TenantContext } from "./tenant";

/**
 * The vendor and product registers as server-side pages: filter, search, sort and paginate in
 * PostgreSQL (indexed by organisation first), so a page of 25 costs the same with 10 or 10,000
 * rows. Each returns one page and the total that matches.
 */
export const VENDOR_LIST: ListQueryOptions = {
  sortable: ["name", "products", "updatedAt"],
  defaultSort: { id: "name", desc: false },
  filters: { status: ["active", "archived"] },
};

export const PRODUCT_LIST: ListQueryOptions = {
  sortable: ["name", "vendor", "tier", "deploymentModel", "trainingPolicy", "currentScore", "updatedAt"],
  defaultSort: { id: "name", desc: false },
  filters: { tier: PRODUCT_TIERS, deploymentModel: DEPLOYMENT_MODELS, trainingPolicy: TRAINING_POLICIES, riskTier: RISK_TIERS, status: ["active", "archived"] },
};

const archivedFilter = (status: string[] | undefined) =>
  status?.length === 1 ? (status[0] === "archived" ? { archivedAt: { not: null } } : { archivedAt: null }) : status?.length ? {} : { archivedAt: null };

export async function listVendors(ctx: TenantContext, query: ListQuery) {
  const where: Prisma.VendorWhereInput = {
    ...archivedFilter(query.filters.status),
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { products: { some: { name: { contains: query.q, mode: "insensitive" } } } }] } : {}),
    ...tenant(ctx),
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  const orderBy: Prisma.VendorOrderByWithRelationInput[] =
    query.sort?.id === "products" ? [{ products: { _count: dir } }, { name: "asc" }] : query.sort?.id === "updatedAt" ? [{ updatedAt: dir }, { id: "asc" }] : [{ name: dir }, { id: "asc" }];
  const [rows, total] = await prisma.$transaction([
    prisma.vendor.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, name: true, website: true, isSample: true, archivedAt: true, updatedAt: true, _count: { select: { products: { where: { archivedAt: null } } } } },
    }),
    prisma.vendor.count({ where }),
  ]);
  return { rows: rows.map(({ _count, ...v }) => ({ ...v, products: _count.products })), total };
}

export async function listProducts(ctx: TenantContext, query: ListQuery) {
  const f = query.filters;
  const where: Prisma.ProductWhereInput = {
    ...archivedFilter(f.status),
    ...(f.tier ? { tier: { in: f.tier as Prisma.EnumProductTierFilter["in"] } } : {}),
    ...(f.deploymentModel ? { deploymentModel: { in: f.deploymentModel as Prisma.EnumDeploymentModelFilter["in"] } } : {}),
    ...(f.trainingPolicy ? { trainingPolicy: { in: f.trainingPolicy as Prisma.EnumTrainingPolicyFilter["in"] } } : {}),
    ...(f.riskTier ? { currentTier: { in: f.riskTier as Prisma.EnumRiskTierNullableFilter["in"] } } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { vendor: { name: { contains: query.q, mode: "insensitive" } } }] } : {}),
    ...tenant(ctx),
  };
  const dir = query.sort?.desc ? "desc" : "asc";
  const sortable: Record<string, Prisma.ProductOrderByWithRelationInput> = {
    name: { name: dir },
    vendor: { vendor: { name: dir } },
    tier: { tier: dir },
    deploymentModel: { deploymentModel: dir },
    trainingPolicy: { trainingPolicy: dir },
    currentScore: { currentScore: { sort: dir, nulls: "last" } },
    updatedAt: { updatedAt: dir },
  };
  const [rows, total] = await prisma.$transaction([
    prisma.product.findMany({
      where,
      orderBy: [sortable[query.sort?.id ?? "name"] ?? { name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        tier: true,
        deploymentModel: true,
        trainingPolicy: true,
        processingRegions: true,
        currentScore: true,
        currentTier: true,
        isSample: true,
        archivedAt: true,
        updatedAt: true,
        vendor: { select: { id: true, name: true } },
      },
    }),
    prisma.product.count({ where }),
  ]);
  return { rows, total };
}
