import "server-only";
import { GENESIS_HASH, hashEvent, createChainVerifier, type ChainBreak } from "@/lib/domain/audit-chain";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import type { TenantContext } from "./tenant";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Before/after summary of what changed; never secrets or file contents. */
  summary?: Record<string, unknown>;
}

/**
 * SECURITY-CRITICAL. Appends one event to the organisation's hash chain inside the caller's
 * transaction, so the change and its audit event commit or roll back together. A per-organisation
 * advisory lock orders concurrent writers, so two events never claim the same seq.
 */
export async function recordAudit(tx: Tx, ctx: Pick<TenantContext, "organizationId" | "userId" | "actorLabel" | "ip">, entry: AuditEntry) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.organizationId}, 42))`;
  const last = await tx.auditEvent.findFirst({
    where: { organizationId: ctx.organizationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const event = {
    organizationId: ctx.organizationId,
    seq: (last?.seq ?? 0) + 1,
    actorId: ctx.userId || null,
    actorLabel: ctx.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    summary: JSON.parse(JSON.stringify(entry.summary ?? {})) as Prisma.InputJsonObject,
    ip: ctx.ip,
    // Millisecond precision is what PostgreSQL's timestamp(3) keeps, so the hash survives a round trip.
    createdAt: new Date(Math.floor(Date.now())),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({ data: { ...event, hash: hashEvent(event) } });
}

/**
 * Runs a change and its audit event in one transaction. `audit` may depend on the change's result
 * (the id of a created record, the before/after of an update).
 */
export async function withAudit<T>(
  ctx: TenantContext,
  change: (tx: Tx) => Promise<T>,
  audit: (result: T) => AuditEntry,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, ctx, audit(result));
    return result;
  });
}

/** An audit event that goes with no other write (a sign-in, a recovery code used): its own transaction. */
export async function recordAuditEvent(ctx: Pick<TenantContext, "organizationId" | "userId" | "actorLabel" | "ip">, entry: AuditEntry) {
  return prisma.$transaction((tx) => recordAudit(tx, ctx, entry));
}

export async function findAuditEvents(ctx: TenantContext, filter: { entityType?: string; entityId?: string; take?: number } = {}) {
  return prisma.auditEvent.findMany({
    where: { organizationId: ctx.organizationId, entityType: filter.entityType, entityId: filter.entityId },
    orderBy: { seq: "desc" },
    take: Math.min(filter.take ?? 50, 500),
  });
}

export interface ChainReport {
  organizationId: string;
  organizationName: string;
  events: number;
  broken: ChainBreak | null;
}

/** Walks every organisation's chain (used by `npm run audit:verify`), a page of events at a time. */
export async function verifyAuditChains(pageSize = 2000): Promise<ChainReport[]> {
  const orgs = await prisma.organization.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
  const reports: ChainReport[] = [];
  for (const org of orgs) {
    const verifier = createChainVerifier();
    let broken: ChainBreak | null = null;
    let count = 0;
    let afterSeq = 0;
    for (;;) {
      const page = await prisma.auditEvent.findMany({
        where: { organizationId: org.id, seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
        take: pageSize,
      });
      for (const event of page) broken = verifier.push(event);
      count += page.length;
      if (page.length < pageSize || broken) break;
      afterSeq = page[page.length - 1]!.seq;
    }
    reports.push({ organizationId: org.id, organizationName: org.name, events: count, broken });
  }
  return reports;
}
