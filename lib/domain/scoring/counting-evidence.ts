/**
 * Evidence that counts (PRODUCT.md "Rules added since the first release"): the current DPA, and
 * per certification type the newest record (by issued date, else by when it was recorded). Older
 * records are superseded: they earn nothing and raise nothing (last year's expired SOC 2 beside
 * this year's is history, not a finding).
 *
 * A SOC 2 Type II or ISO 27001 without its report or certificate file attached is unverified:
 * the vendor's word, not evidence. It earns half credit and does not clear NO_INDEPENDENT_AUDIT.
 */
import type { CertificationType } from "@/lib/domain/vocabulary";

export interface CertificationEvidence {
  id?: string;
  type: CertificationType;
  /** "YYYY-MM-DD" */
  expiresAt: string | null;
  /** "YYYY-MM-DD"; absent in snapshots made before supersession existed. */
  issuedAt?: string | null;
  /** ISO instant the record was made; the tie-breaker when issue dates are equal or unknown. */
  createdAt?: string | null;
  /** Whether the report or certificate file is attached; absent in older snapshots (read as attached). */
  hasFile?: boolean;
}

export type EvidenceStanding = "COUNTS" | "SUPERSEDED";

/** Independent audits need their document to count in full. */
export const AUDIT_TYPES: ReadonlySet<CertificationType> = new Set<CertificationType>(["SOC2_TYPE_II", "ISO_27001"]);

const newestKey = (c: CertificationEvidence) => `${c.issuedAt ?? (c.createdAt ?? "").slice(0, 10)}|${c.createdAt ?? ""}`;

/** The key records compete under: the type, except that every "OTHER" record is its own scheme. */
const groupOf = (c: CertificationEvidence, i: number) => (c.type === "OTHER" ? `OTHER#${c.id ?? i}` : c.type);

/**
 * The records that count: one per type, the newest. "OTHER" records name different schemes, so
 * none of them supersedes another. Input order breaks exact ties (the later record wins).
 *
 * Scoring calls this for every product (issue 17: tens of thousands per rescoring), and a product
 * holds a handful of records, mostly one per type: records are compared pairwise, and the
 * newest-first keys are only built for the rare pair of the same type. When nothing is
 * superseded the input array itself is returned (callers read it, never change it).
 */
export function countingCertifications<T extends CertificationEvidence>(certifications: T[]): T[] {
  const n = certifications.length;
  if (n < 2) return certifications;
  let superseded: boolean[] | null = null;
  for (let i = 0; i < n; i++) {
    const c = certifications[i]!;
    for (let j = i + 1; j < n; j++) {
      const d = certifications[j]!;
      // Different types never compete; "OTHER" records only under the same id (or index).
      // The same record listed twice is kept (or dropped) in both places, as a Set of winners did.
      if (c === d || c.type !== d.type || (c.type === "OTHER" && groupOf(c, i) !== groupOf(d, j))) continue;
      // Scanning in order and replacing on ">=" keeps, per group, the LAST record of the greatest key.
      superseded ??= new Array<boolean>(n).fill(false);
      if (newestKey(d) >= newestKey(c)) superseded[i] = true;
      else superseded[j] = true;
    }
  }
  if (!superseded) return certifications;
  const kept: T[] = [];
  for (let i = 0; i < n; i++) if (!superseded[i]) kept.push(certifications[i]!);
  return kept;
}

/** Each record's standing, for lists that show every record (the product page). */
export function certificationStanding<T extends CertificationEvidence>(certifications: T[]): Map<T, EvidenceStanding> {
  const counting = new Set(countingCertifications(certifications));
  return new Map(certifications.map((c) => [c, counting.has(c) ? "COUNTS" : "SUPERSEDED"]));
}

/** An independent audit (SOC 2 Type II, ISO 27001) recorded without its report or certificate. */
export const isUnverifiedAudit = (c: CertificationEvidence) => AUDIT_TYPES.has(c.type) && c.hasFile === false;

export const isValidOn = (expiresAt: string | null, asOf: string) => expiresAt === null || expiresAt >= asOf;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A stored certification record (dates as UTC-midnight Dates) as scoring reads it. */
export function certificationEvidenceOf(c: { id: string; type: CertificationType; issuedAt: Date | null; expiresAt: Date | null; createdAt: Date; fileId: string | null }): CertificationEvidence {
  return { id: c.id, type: c.type, issuedAt: day(c.issuedAt), expiresAt: day(c.expiresAt), createdAt: c.createdAt.toISOString(), hasFile: c.fileId !== null };
}

/**
 * Each non-archived record's standing on a list that shows them all: superseded (a newer record of
 * its type counts instead), unverified (an audit without its document), or counting.
 */
export function certificationBadges<T extends { id: string; type: CertificationType; issuedAt: Date | null; expiresAt: Date | null; createdAt: Date; fileId: string | null; archivedAt: Date | null }>(records: T[]): Map<string, "SUPERSEDED" | "UNVERIFIED" | "COUNTS"> {
  const live = records.filter((r) => r.archivedAt === null).map(certificationEvidenceOf);
  const counting = new Set(countingCertifications(live).map((c) => c.id));
  return new Map(live.map((c) => [c.id!, !counting.has(c.id) ? "SUPERSEDED" : isUnverifiedAudit(c) ? "UNVERIFIED" : "COUNTS"]));
}
