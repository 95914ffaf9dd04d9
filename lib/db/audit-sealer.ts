import "server-only";
import { appendAnchors, readAnchors } from "@/lib/audit/anchor-file";
import { serverEnv } from "@/lib/config/server-env";
import { createSealVerifier, deriveAuditKeys, GENESIS_MAC, sealMac, type Anchor, type AuditKeys, type SealBreak, type SealedEventContent } from "@/lib/domain/audit-seal";
import { prisma, Prisma } from "./prisma-client";

/**
 * SECURITY-CRITICAL. The sealer: links committed audit events into each organisation's keyed
 * chain (AuditSeal), then anchors the chain head outside the database.
 *
 * Why after commit, and not in the writer's transaction: a chain needs a total order, and taking
 * the next link inside the write transaction means every writer of an organisation queues on one
 * lock held to commit (issue 16: 706 of 1,000 concurrent writes refused). Writers now only insert
 * (seq from a sequence, txid from the transaction); one sealer at a time per organisation (an
 * advisory lock that only sealers take) appends links in a stable order: the chain order is the
 * order of sealing, and within one pass, event seq. A row once sealed never moves: AuditSeal is
 * insert-only for the app role and refuses UPDATE/DELETE/TRUNCATE by trigger.
 *
 * Which events a pass must look at. An event that is not sealed yet is either visible to this
 * pass (committed) and gets sealed, or belongs to a transaction still running. A pass reads the
 * xmin of its snapshot, X: every transaction with an id below X had finished when the pass
 * looked, so each of their committed events was visible and is now sealed. The next pass
 * therefore only considers events with txid ≥ X (stored as floorTxid). Pass sizes are capped;
 * a capped pass keeps the previous floor, so nothing is skipped.
 *
 * The window this leaves: an event is in the keyed chain and anchored once a pass has run after
 * its commit, i.e. within VETTA_AUDIT_SEAL_SECONDS (default 2 s) while the worker runs. An event
 * deleted by a database administrator before then leaves no trace.
 */
const SEAL_BATCH = 5_000;

let cachedKeys: { secret: string; keys: AuditKeys } | null = null;
function auditKeys(): AuditKeys {
  const secret = serverEnv.auditKey();
  if (cachedKeys?.secret !== secret) cachedKeys = { secret, keys: deriveAuditKeys(secret) };
  return cachedKeys.keys;
}

const eventContent = {
  id: true,
  organizationId: true,
  seq: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  summary: true,
  ip: true,
  createdAt: true,
  prevHash: true,
  hash: true,
} as const;

/** Seals every committed, unsealed event of one organisation; returns the new head and how many it sealed, if any. */
export async function sealOrganization(organizationId: string): Promise<(Anchor & { sealed: number }) | null> {
  const keys = auditKeys();
  const head = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`vetta-audit-seal:${organizationId}`}, 0))`;
      const last = await tx.auditSeal.findFirst({ where: { organizationId }, orderBy: { seq: "desc" }, select: { seq: true, mac: true, floorTxid: true } });
      const floor = last?.floorTxid ?? 0n;
      // One statement, so the candidates and the snapshot's xmin come from the same snapshot.
      const candidates = await tx.$queryRaw<Array<{ id: string; xmin: bigint }>>`
        SELECT e."id", (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS xmin
        FROM "AuditEvent" e
        WHERE e."organizationId" = ${organizationId} AND e."txid" >= ${floor}
          AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")
        ORDER BY e."seq"
        LIMIT ${SEAL_BATCH + 1}`;
      if (candidates.length === 0) return null;
      const complete = candidates.length <= SEAL_BATCH;
      const ids = candidates.slice(0, SEAL_BATCH).map((c) => c.id);
      const nextFloor = complete ? BigInt(candidates[0]!.xmin) : floor;
      const events = await tx.auditEvent.findMany({ where: { id: { in: ids } }, orderBy: { seq: "asc" }, select: eventContent });
      let prevMac = last?.mac ?? GENESIS_MAC;
      let seq = last?.seq ?? 0;
      const seals = events.map((event) => {
        seq += 1;
        const mac = sealMac(keys.chain, prevMac, seq, event as SealedEventContent);
        const row = { organizationId, seq, eventId: event.id, prevMac, mac, floorTxid: nextFloor };
        prevMac = mac;
        return row;
      });
      await tx.auditSeal.createMany({ data: seals });
      return { anchor: { organizationId, seq, mac: prevMac, at: new Date().toISOString() } satisfies Anchor, sealed: seals.length };
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
  if (!head) return null;
  // After commit: an anchor must never name a link the database does not have.
  await appendAnchors(serverEnv.auditAnchorFile(), keys.anchor, [head.anchor]);
  return { ...head.anchor, sealed: head.sealed };
}

/** One sealing pass over every organisation (the job worker runs this every couple of seconds). */
export async function sealAllOrganizations(): Promise<{ organizations: number; sealed: number }> {
  const orgs = await prisma.organization.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  let organizations = 0;
  let sealed = 0;
  for (const org of orgs) {
    const result = await sealOrganization(org.id);
    if (result) {
      organizations += 1;
      sealed += result.sealed;
    }
  }
  return { organizations, sealed };
}

/**
 * How far the sealer is behind, over all organisations: for health checks and metrics. Only each
 * organisation's tail at or past its head's floorTxid can hold unsealed events (see above), so
 * this reads those tails (index organizationId, txid), not every event ever written (issue 17:
 * the anti-join over the whole table grew with every write and ran on every scrape).
 */
export const auditSealingLagStatement = () => Prisma.sql`
    SELECT count(e.id)::int AS pending, min(e."createdAt") AS oldest,
           COALESCE(EXTRACT(EPOCH FROM now() - min(e."createdAt")), 0)::float8 AS "oldestSeconds"
    FROM "Organization" o
    LEFT JOIN LATERAL (SELECT s."floorTxid" FROM "AuditSeal" s WHERE s."organizationId" = o.id ORDER BY s.seq DESC LIMIT 1) head ON TRUE
    JOIN "AuditEvent" e ON e."organizationId" = o.id AND e."txid" >= COALESCE(head."floorTxid", 0)
    WHERE NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")`;

export async function auditSealingLag(): Promise<{ pending: number; oldestPendingAt: Date | null; oldestSeconds: number }> {
  // The age is taken by the database's clock, like the events' createdAt, so a skewed app clock
  // (another machine) does not show a lag that is not there.
  const [row] = await prisma.$queryRaw<Array<{ pending: number; oldest: Date | null; oldestSeconds: number }>>(auditSealingLagStatement());
  return { pending: row?.pending ?? 0, oldestPendingAt: row?.oldest ?? null, oldestSeconds: Math.max(0, row?.oldestSeconds ?? 0) };
}

/** The newest anchor of one organisation (what Settings → Audit trail shows). */
export async function latestAnchor(organizationId: string): Promise<Anchor | null> {
  const { anchors } = await readAnchors(serverEnv.auditAnchorFile(), auditKeys().anchor);
  return anchors.filter((a) => a.organizationId === organizationId).reduce<Anchor | null>((newest, a) => (!newest || a.seq >= newest.seq ? a : newest), null);
}

export interface ChainReport {
  organizationId: string;
  organizationName: string;
  /** Every event in the table. */
  events: number;
  /** Length of the keyed chain (events sealed). */
  sealed: number;
  /** Committed events the sealer has not reached yet. */
  pending: number;
  lastSealAt: Date | null;
  /** The newest anchor for this organisation in the anchor file. */
  lastAnchor: Anchor | null;
  broken: SealBreak | null;
}

export interface VerificationResult {
  organizations: ChainReport[];
  anchorFile: { path: string; exists: boolean; invalid: Array<{ line: number; error: string }> };
}

/**
 * Walks each organisation's keyed chain (a page at a time, so a long trail never sits in memory
 * at once) and checks it against the anchors outside the database. Finds: an altered event or
 * seal (mac), a removed or reordered one (seq and link), a removed event row (missing), and
 * removed newest events with their seals (the chain is shorter than, or differs from, an anchor).
 */
export async function verifyAuditChains(options: { organizationId?: string; pageSize?: number } = {}): Promise<VerificationResult> {
  const pageSize = options.pageSize ?? 2000;
  const keys = auditKeys();
  const anchorPath = serverEnv.auditAnchorFile();
  const anchorFile = await readAnchors(anchorPath, keys.anchor);
  const orgs = await prisma.organization.findMany({
    where: options.organizationId ? { id: options.organizationId } : undefined,
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  const reports: ChainReport[] = [];
  for (const org of orgs) {
    const anchors = anchorFile.anchors.filter((a) => a.organizationId === org.id);
    const anchoredSeqs = new Set(anchors.map((a) => a.seq));
    const macAt = new Map<number, string>();
    const verifier = createSealVerifier(keys.chain, org.id);
    let broken: SealBreak | null = null;
    let afterSeq = 0;
    let lastSealAt: Date | null = null;
    for (;;) {
      const seals = await prisma.auditSeal.findMany({ where: { organizationId: org.id, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: pageSize });
      // Fetched apart from the seals: a row deleted with triggers off must read as missing, not fail the query.
      const events = await prisma.auditEvent.findMany({ where: { id: { in: seals.map((s) => s.eventId) } }, select: eventContent });
      const byId = new Map(events.map((e) => [e.id, e as SealedEventContent]));
      for (const seal of seals) {
        broken = verifier.push(seal, byId.get(seal.eventId) ?? null);
        if (anchoredSeqs.has(seal.seq)) macAt.set(seal.seq, seal.mac);
        lastSealAt = seal.sealedAt;
        if (broken) break;
      }
      if (seals.length < pageSize || broken) break;
      afterSeq = seals[seals.length - 1]!.seq;
    }
    const { seq: length } = verifier.head();
    if (!broken) {
      for (const anchor of anchors) {
        if (anchor.seq > length) {
          broken = {
            seq: anchor.seq,
            eventId: "",
            reason: `the anchor written ${anchor.at} records the chain up to #${anchor.seq}, but the database's chain ends at #${length}: sealed events were deleted`,
          };
          break;
        }
        if (macAt.get(anchor.seq) !== anchor.mac) {
          broken = { seq: anchor.seq, eventId: "", reason: `link #${anchor.seq} differs from the one anchored ${anchor.at}: the chain was rebuilt` };
          break;
        }
      }
    }
    if (!broken && length > 0 && anchors.length === 0) {
      broken = { seq: length, eventId: "", reason: `no anchor for this organisation in ${anchorPath}: the newest events cannot be shown to be all there` };
    }
    const [events, pending] = await Promise.all([
      prisma.auditEvent.count({ where: { organizationId: org.id } }),
      prisma.auditEvent.count({ where: { organizationId: org.id, seal: { is: null } } }),
    ]);
    reports.push({
      organizationId: org.id,
      organizationName: org.name,
      events,
      sealed: length,
      pending,
      lastSealAt,
      lastAnchor: anchors.reduce<Anchor | null>((newest, a) => (!newest || a.seq >= newest.seq ? a : newest), null),
      broken,
    });
  }
  return { organizations: reports, anchorFile: { path: anchorPath, exists: anchorFile.exists, invalid: anchorFile.invalid } };
}
