/**
 * Test fixtures: a fresh organisation per test (or file), with one user per role, so tests never
 * see each other's rows. Runs against the real test database.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createOrganization } from "@/lib/db/organizations";
import type { TenantContext } from "@/lib/db/tenant";
import type { Role } from "@/lib/domain/vocabulary";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | null = null;

export interface TestOrganization {
  organizationId: string;
  clientId: string;
  as: Record<Role, TenantContext>;
  emails: Record<Role, string>;
}

export async function createTestOrganization(label = "Test MSP"): Promise<TestOrganization> {
  const suffix = randomBytes(5).toString("hex");
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const emails: Record<Role, string> = {
    ADMIN: `admin-${suffix}@test.example`,
    ACCOUNT_MANAGER: `am-${suffix}@test.example`,
    COMPLIANCE_OFFICER: `co-${suffix}@test.example`,
    CLIENT_VIEWER: `viewer-${suffix}@test.example`,
  };
  const created = await createOrganization({
    name: `${label} ${suffix}`,
    slug: `test-${suffix}`,
    clients: [{ name: "Client A", dataClasses: ["PII"], residency: "EU", frameworks: ["GDPR"] }],
    users: (Object.keys(emails) as Role[]).map((role) => ({
      email: emails[role],
      name: `${role} ${suffix}`,
      role,
      passwordHash,
      clientName: role === "CLIENT_VIEWER" ? "Client A" : undefined,
    })),
  });
  const clientId = created.clientIds["Client A"]!;
  const as = Object.fromEntries(
    created.users.map((u) => [
      u.role,
      { organizationId: created.organization.id, userId: u.id, role: u.role, clientId: u.role === "CLIENT_VIEWER" ? clientId : null, actorLabel: u.email, ip: "127.0.0.1" },
    ]),
  ) as Record<Role, TenantContext>;
  return { organizationId: created.organization.id, clientId, as, emails };
}

/**
 * A recorded evidence file (the row a real upload makes) to attach to a DPA or certification.
 * Scoring reads only whether a file is attached, so no bytes are stored.
 */
export async function recordTestEvidenceFile(ctx: TenantContext, name = "report.pdf"): Promise<string> {
  const { recordEvidenceFile } = await import("@/lib/db/evidence-files");
  const file = await recordEvidenceFile(ctx, { storageKey: `test/${randomBytes(8).toString("hex")}`, originalName: name, mimeType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), wrappedKey: "x", iv: "x", authTag: "x" });
  return file.id;
}
