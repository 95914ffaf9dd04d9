/**
 * The product's vocabulary (PRODUCT.md), usable from client components. lib/db checks at compile
 * time that these lists match the database enums, so the two cannot drift apart.
 */
export const ROLES = ["ADMIN", "ACCOUNT_MANAGER", "COMPLIANCE_OFFICER", "CLIENT_VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  ACCOUNT_MANAGER: "Account manager",
  COMPLIANCE_OFFICER: "Compliance officer",
  CLIENT_VIEWER: "Client viewer",
};

export const PRODUCT_TIERS = ["CONSUMER", "BUSINESS", "ENTERPRISE"] as const;
export type ProductTier = (typeof PRODUCT_TIERS)[number];

export const DEPLOYMENT_MODELS = ["CLOUD_API", "PRIVATE_CLOUD", "ON_PREMISE"] as const;
export type DeploymentModel = (typeof DEPLOYMENT_MODELS)[number];

export const TRAINING_POLICIES = ["NEVER", "OPT_OUT_AVAILABLE", "YES_NO_OPT_OUT", "UNKNOWN"] as const;
export type TrainingPolicy = (typeof TRAINING_POLICIES)[number];

export const RETENTION_KINDS = ["DAYS", "UNLIMITED", "UNKNOWN"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const DPA_CLAUSES = [
  "PURPOSE",
  "DATA_CATEGORIES",
  "RETENTION",
  "SUBPROCESSORS",
  "SECURITY_MEASURES",
  "LOCATION",
  "AUDIT_RIGHTS",
  "NO_TRAINING",
  "BREACH_NOTIFICATION",
  "DELETION_RETURN",
  "DATA_OWNERSHIP",
  "PORTABILITY_EXIT",
] as const;
export type DpaClause = (typeof DPA_CLAUSES)[number];

/** Each DPA clause in words: one table for the DPA form, the product page and the reports. */
export const DPA_CLAUSE_LABELS: Record<DpaClause, string> = {
  PURPOSE: "Purpose limitation",
  DATA_CATEGORIES: "Data categories",
  RETENTION: "Retention limit",
  SUBPROCESSORS: "Sub-processors",
  SECURITY_MEASURES: "Security measures",
  LOCATION: "Processing location",
  AUDIT_RIGHTS: "Audit rights",
  NO_TRAINING: "No training on customer data",
  BREACH_NOTIFICATION: "Breach notification",
  DELETION_RETURN: "Deletion or return at exit",
  DATA_OWNERSHIP: "Data ownership",
  PORTABILITY_EXIT: "Portability and exit",
};
export const clauseLabel = (clause: string) => DPA_CLAUSE_LABELS[clause as DpaClause] ?? enumLabel(clause);

export const CLAUSE_STATUSES = ["PRESENT", "PARTIAL", "MISSING", "NOT_APPLICABLE"] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

export const TRANSFER_MECHANISMS = ["SCCS", "DPF", "NONE"] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const CERTIFICATION_TYPES = [
  "SOC2_TYPE_I",
  "SOC2_TYPE_II",
  "ISO_27001",
  "ISO_27701",
  "ISO_42001",
  "HIPAA_BAA",
  "CSA_STAR",
  "OTHER",
] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

export const DATA_CLASSES = ["PII", "PHI", "PCI", "CUI", "CONFIDENTIAL"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const RESIDENCIES = ["EU", "US", "UK", "ANY"] as const;
export type Residency = (typeof RESIDENCIES)[number];

export const FRAMEWORKS = ["GDPR", "HIPAA", "CCPA"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const ASSESSMENT_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "APPROVED",
  "APPROVED_WITH_CONDITIONS",
  "REJECTED",
  "CHANGES_REQUESTED",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const RISK_TIERS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** Human labels for enum values: "SOC2_TYPE_II" reads as "Soc2 type ii" without this. */
export function enumLabel(value: string): string {
  const special: Record<string, string> = {
    SOC2_TYPE_I: "SOC 2 Type I",
    SOC2_TYPE_II: "SOC 2 Type II",
    ISO_27001: "ISO 27001",
    ISO_27701: "ISO 27701",
    ISO_42001: "ISO 42001",
    HIPAA_BAA: "HIPAA BAA",
    CSA_STAR: "CSA STAR",
    CLOUD_API: "Cloud API",
    YES_NO_OPT_OUT: "Yes, no opt-out",
    OPT_OUT_AVAILABLE: "Opt-out available",
    SCCS: "SCCs",
    DPF: "DPF",
    PII: "PII",
    PHI: "PHI",
    PCI: "PCI",
    CUI: "CUI",
    EU: "EU",
    US: "US",
    UK: "UK",
    GDPR: "GDPR",
    HIPAA: "HIPAA",
    CCPA: "CCPA",
  };
  if (special[value]) return special[value];
  if (value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  const words = value.toLowerCase().split("_");
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(" ");
}
