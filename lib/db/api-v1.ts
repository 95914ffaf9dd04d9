import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { AssessmentListQuery, CertificationListQuery, ClientListQuery, DpaListQuery, ProductListQuery, ReportListQuery, UseCaseListQuery, VendorListQuery } from "@/lib/validation/api-v1/queries";
import { prisma, type Prisma } from "./prisma-client";
import { tenant, type TenantContext } from "./tenant";

/**
 * Reads behind /api/v1. Lists are ordered by id and paged by cursor (the last id seen), so each
 * page is one index range scan within the tenant whatever its depth, and a page never repeats or
 * skips a row while others write. One row more than asked says whether there is a next page.
 */
function page<T extends { id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? data[data.length - 1]!.id : null };
}

const archivedWhere = (archived: "false" | "true" | "all") => (archived === "all" ? {} : archived === "true" ? { archivedAt: { not: null } } : { archivedAt: null });
const nameContains = (q: string | undefined) => (q ? { name: { contains: q, mode: "insensitive" as const } } : {});
const after = (cursor: string | undefined) => (cursor ? { id: { gt: cursor } } : {});

export async function apiListVendors(ctx: TenantContext, query: VendorListQuery) {
  const rows = await prisma.vendor.findMany({
    where: { ...archivedWhere(query.archived), ...nameContains(query.q), ...after(query.cursor), ...tenant(ctx) },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetVendor(ctx: TenantContext, id: string) {
  const vendor = await prisma.vendor.findFirst({ where: { id, ...tenant(ctx) } });
  if (!vendor) throw notFound("vendor");
  return vendor;
}

const productSelect = { vendor: { select: { name: true } } } satisfies Prisma.ProductInclude;

export async function apiListProducts(ctx: TenantContext, query: ProductListQuery) {
  const rows = await prisma.product.findMany({
    where: {
      ...archivedWhere(query.archived),
      ...nameContains(query.q),
      ...after(query.cursor),
      ...(query.vendorId ? { vendorId: query.vendorId } : {}),
      ...(query.tier ? { tier: query.tier } : {}),
      ...(query.riskTier ? { currentTier: query.riskTier } : {}),
      ...tenant(ctx),
    },
    include: productSelect,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetProduct(ctx: TenantContext, id: string) {
  const product = await prisma.product.findFirst({ where: { id, ...tenant(ctx) }, include: productSelect });
  if (!product) throw notFound("product");
  return product;
}

export async function apiListClients(ctx: TenantContext, query: ClientListQuery) {
  const rows = await prisma.client.findMany({
    where: { ...archivedWhere(query.archived), ...nameContains(query.q), ...after(query.cursor), ...tenant(ctx) },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetClient(ctx: TenantContext, id: string) {
  const client = await prisma.client.findFirst({ where: { id, ...tenant(ctx) } });
  if (!client) throw notFound("client");
  return client;
}

const useCaseInclude = { client: { select: { name: true } }, product: { select: { name: true, vendor: { select: { name: true } } } } } satisfies Prisma.UseCaseInclude;

export async function apiListUseCases(ctx: TenantContext, query: UseCaseListQuery) {
  const rows = await prisma.useCase.findMany({
    where: {
      ...after(query.cursor),
      ...(query.clientId ? { clientId: query.clientId } : {}),
      ...(query.productId ? { productId: query.productId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.riskTier ? { currentTier: query.riskTier } : {}),
      ...(query.validBefore ? { validUntil: { lte: new Date(`${query.validBefore}T00:00:00Z`) } } : {}),
      ...tenant(ctx),
    },
    include: useCaseInclude,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetUseCase(ctx: TenantContext, id: string) {
  const useCase = await prisma.useCase.findFirst({ where: { id, ...tenant(ctx) }, include: useCaseInclude });
  if (!useCase) throw notFound("use case");
  return useCase;
}

const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

export async function apiListDpas(ctx: TenantContext, query: DpaListQuery) {
  const rows = await prisma.dpa.findMany({
    where: { ...after(query.cursor), ...(query.productId ? { productId: query.productId } : {}), ...(query.current === "all" ? {} : { isCurrent: query.current === "true" }), ...tenant(ctx) },
    include: { clauses: { orderBy: { clause: "asc" } } },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetDpa(ctx: TenantContext, id: string) {
  const dpa = await prisma.dpa.findFirst({ where: { id, ...tenant(ctx) }, include: { clauses: { orderBy: { clause: "asc" } } } });
  if (!dpa) throw notFound("DPA");
  return dpa;
}

export async function apiListCertifications(ctx: TenantContext, query: CertificationListQuery) {
  const rows = await prisma.certification.findMany({
    where: {
      ...archivedWhere(query.archived),
      ...after(query.cursor),
      ...(query.productId ? { productId: query.productId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.expiresBefore ? { expiresAt: { lte: dateColumn(query.expiresBefore) } } : {}),
      ...tenant(ctx),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetCertification(ctx: TenantContext, id: string) {
  const certification = await prisma.certification.findFirst({ where: { id, ...tenant(ctx) } });
  if (!certification) throw notFound("certification");
  return certification;
}

/** A product's sub-processors (a product of another organisation does not exist). */
export async function apiListSubProcessors(ctx: TenantContext, productId: string) {
  const product = await prisma.product.findFirst({ where: { id: productId, ...tenant(ctx) }, select: { id: true } });
  if (!product) throw notFound("product");
  const items = await prisma.subProcessor.findMany({ where: { productId, ...tenant(ctx) }, orderBy: { name: "asc" }, select: { name: true, purpose: true, country: true, region: true } });
  return { productId, items };
}

const assessmentInclude = { product: { select: { name: true } }, _count: { select: { answers: true } } } satisfies Prisma.AssessmentInclude;

export async function apiListAssessments(ctx: TenantContext, query: AssessmentListQuery) {
  const rows = await prisma.assessment.findMany({
    where: { ...after(query.cursor), ...(query.productId ? { productId: query.productId } : {}), ...(query.status ? { status: query.status } : {}), ...tenant(ctx) },
    include: assessmentInclude,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export async function apiGetAssessment(ctx: TenantContext, id: string) {
  const assessment = await prisma.assessment.findFirst({
    where: { id, ...tenant(ctx) },
    include: {
      ...assessmentInclude,
      answers: { orderBy: [{ question: { section: { position: "asc" } } }, { question: { position: "asc" } }], include: { question: { select: { key: true, prompt: true } } } },
    },
  });
  if (!assessment) throw notFound("assessment");
  return assessment;
}

export async function apiListReports(ctx: TenantContext, query: ReportListQuery) {
  const rows = await prisma.report.findMany({
    where: { ...after(query.cursor), ...(query.productId ? { productId: query.productId } : {}), ...(query.clientId ? { clientId: query.clientId } : {}), ...tenant(ctx) },
    select: { id: true, kind: true, title: true, productId: true, clientId: true, useCaseId: true, contentSha256: true, pdfSha256: true, createdAt: true },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit);
}

export type ApiVendorRow = Awaited<ReturnType<typeof apiGetVendor>>;
export type ApiProductRow = Awaited<ReturnType<typeof apiGetProduct>>;
export type ApiClientRow = Awaited<ReturnType<typeof apiGetClient>>;
export type ApiUseCaseRow = Awaited<ReturnType<typeof apiGetUseCase>>;
export type ApiDpaRow = Awaited<ReturnType<typeof apiGetDpa>>;
export type ApiCertificationRow = Awaited<ReturnType<typeof apiGetCertification>>;
export type ApiAssessmentRow = Awaited<ReturnType<typeof apiListAssessments>>["data"][number];
export type ApiAssessmentDetailRow = Awaited<ReturnType<typeof apiGetAssessment>>;
export type ApiReportRow = Awaited<ReturnType<typeof apiListReports>>["data"][number];
