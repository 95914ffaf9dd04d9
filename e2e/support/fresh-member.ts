import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { e2eState } from "./env";

/**
 * A member of the second organisation with the given role and, optionally, a draft assessment of
 * that organisation's product started by them, written straight to the database: a home page's
 * "my work" numbers then depend on this test alone, whatever other specs do beside it.
 */
export async function freshMember(password: string, role: "ACCOUNT_MANAGER" | "COMPLIANCE_OFFICER" | "ADMIN", options: { draft?: boolean } = {}) {
  const { databaseUrl, other } = e2eState();
  const email = `home-${randomBytes(4).toString("hex")}@rival.example`;
  const userId = `home${randomBytes(8).toString("hex")}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "homeOrganizationId", "updatedAt") VALUES ($1, $2, 'Home Tester', $3, $4, now())`, [userId, email, await hash(password, { algorithm: 2 }), other.organizationId]);
    await db.query(`INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [`m${userId}`, other.organizationId, userId, role]);
    if (options.draft) {
      await db.query(
        `INSERT INTO "Assessment" (id, "organizationId", "productId", "templateVersionId", status, "createdById", "updatedAt")
         SELECT $1, a."organizationId", a."productId", a."templateVersionId", 'DRAFT', $2, now() FROM "Assessment" a WHERE a.id = $3`,
        [`a${userId}`, userId, other.assessmentId],
      );
    }
  } finally {
    await db.end();
  }
  return email;
}
