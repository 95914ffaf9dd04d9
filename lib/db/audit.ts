import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import type { Anchor, SealBreak } from "@/lib/domain/audit-seal";
import { latestAnchor } from "./audit-sealer";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import type { TenantContext } from "./tenant";

export { auditSealingLag, sealAllOrganizations, sealOrganization, verifyAuditChains, type ChainReport, type VerificationResult } from "./audit-sealer";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Before/after summary of what changed; never secrets or file contents. */
  summary?: Record<string, unknown>;
}

/**
 * SECURITY-CRITICAL. Appends one event inside the caller's transaction, so the change and its
 * audit event commit or roll back together. It takes no lock and reads nothing: seq comes from a
 * database sequence and txid from the transaction, so any number of writers in one organisation
 * proceed in parallel. The event is not yet chained: the sealer (lib/db/audit-sealer.ts, run by
 * the job worker every couple of seconds) links committed events into the keyed chain after
 * commit. Until then the row is protected by the table's privileges and triggers only.
 */
export async function recordAudit(tx: Tx, ctx: Pick<TenantContext, "organizationId" | "userId" | "actorLabel" | "ip">, entry: AuditEntry) {
  return tx.auditEvent.create({
    data: {
      organizationId: ctx.organizationId,
      actorId: ctx.userId || null,
      actorLabel: ctx.actorLabel,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: JSON.parse(JSON.stringify(entry.summary ?? {})) as Prisma.InputJsonObject,
      ip: ctx.ip,
      // Millisecond precision is what PostgreSQL's timestamp(3) keeps, so the seal survives a round trip.
      createdAt: new Date(Math.floor(Date.now())),
    },
    omit: { txid: true },
  });
}

/**
 * How long an audited write may wait for a connection before it is refused. Audited writes no
 * longer wait on each other (no lock), so a burst drains at the pool's pace: 1,000 at once take
 * seconds (BENCHMARKS.md), longer than the pool's own queue limit (VETTA_DB_CONNECT_TIMEOUT_MS,
 * 5 s) and Prisma's maxWait. So a burst queues here instead, in order, with a longer limit, and at
 * most (pool size − 2) audited transactions hold connections at once: page loads and other reads
 * always find a connection during a burst of writes.
 */
const AUDITED_TX_MAX_WAIT_MS = 30_000;

const gate = (() => {
  let active = 0;
  const waiting: Array<() => void> = [];
  const limit = () => Math.max(1, serverEnv.databaseLimits().poolSize - 2);
  return {
    async acquire(deadline: number): Promise<void> {
      if (active < limit()) {
        active += 1;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          clearTimeout(timer);
          active += 1;
          resolve();
        };
        const timer = setTimeout(() => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          reject(new Error("timeout exceeded when trying to connect (audited writes are queued)"));
        }, Math.max(0, deadline - Date.now()));
        waiting.push(grant);
      });
    },
    release() {
      active -= 1;
      waiting.shift()?.();
    },
  };
})();

/** "No connection came in time": the pool's queue limit, or Prisma's maxWait (P2028). */
function neverStarted(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as { message?: unknown; cause?: unknown };
  if (typeof e.message === "string" && /timeout exceeded when trying to connect|unable to start a transaction in the given time/i.test(e.message)) return true;
  return neverStarted(e.cause, depth + 1);
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
  const deadline = Date.now() + AUDITED_TX_MAX_WAIT_MS;
  await gate.acquire(deadline);
  try {
    for (;;) {
      let started = false;
      try {
        return await prisma.$transaction(
          async (tx) => {
            started = true;
            const result = await change(tx);
            await recordAudit(tx, ctx, audit(result));
            return result;
          },
          { maxWait: Math.max(1, deadline - Date.now()) },
        );
      } catch (error) {
        // Other work held the pool: try again while the transaction never started (nothing ran).
        if (started || !neverStarted(error) || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 75));
      }
    }
  } finally {
    gate.release();
  }
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
    omit: { txid: true },
  });
}

export interface AuditTrailState {
  events: number;
  sealed: number;
  pending: number;
  lastSealAt: Date | null;
  lastAnchor: Anchor | null;
  anchorFile: string;
  role: { name: string; superuser: boolean; ownsAuditTable: boolean };
}

/**
 * What Settings → Audit trail shows before anyone presses "verify now". Counting the events would
 * read the organisation's whole history, which every write lengthens (issue 17); instead: the
 * chain is gapless (link #n is the n-th sealed event), so sealed = the head's seq, and only events
 * at or past the head's floorTxid can still be waiting (the sealer's own invariant,
 * lib/db/audit-sealer.ts), so pending reads the unsealed tail only. events = sealed + pending.
 */
export async function getAuditTrailState(ctx: TenantContext): Promise<AuditTrailState> {
  const head = await prisma.auditSeal.findFirst({ where: { organizationId: ctx.organizationId }, orderBy: { seq: "desc" }, select: { seq: true, sealedAt: true, floorTxid: true } });
  const [lastAnchor, pending, role] = await Promise.all([
    latestAnchor(ctx.organizationId),
    prisma.auditEvent.count({ where: { organizationId: ctx.organizationId, txid: { gte: head?.floorTxid ?? 0n }, seal: { is: null } } }),
    prisma.$queryRaw<Array<{ name: string; superuser: boolean; owns: boolean }>>`
      SELECT current_user AS name, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'MEMBER') AS owns
      FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = '"AuditEvent"'::regclass`,
  ]);
  const r = role[0];
  const sealed = head?.seq ?? 0;
  return {
    events: sealed + pending,
    sealed,
    pending,
    lastSealAt: head?.sealedAt ?? null,
    lastAnchor,
    anchorFile: serverEnv.auditAnchorFile(),
    role: { name: r?.name ?? "?", superuser: r?.superuser ?? false, ownsAuditTable: r?.owns ?? false },
  };
}

export type { SealBreak };
