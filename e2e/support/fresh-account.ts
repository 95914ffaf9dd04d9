import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { e2eState } from "./env";

/**
 * A compliance officer of its own in the second organisation (no two-step rule there), written
 * straight to the database: for specs that lock an account or end all its sessions, so no other
 * spec running beside them is disturbed.
 */
export async function freshAccount(password: string, label = "fresh") {
  const { databaseUrl, other } = e2eState();
  const email = `${label}-${randomBytes(4).toString("hex")}@rival.example`;
  const userId = `${label}${randomBytes(8).toString("hex")}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", "homeOrganizationId", "updatedAt") VALUES ($1, $2, 'Fresh Account', $3, $4, now())`, [userId, email, await hash(password, { algorithm: 2 }), other.organizationId]);
    await db.query(`INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'COMPLIANCE_OFFICER', now())`, [`m${userId}`, other.organizationId, userId]);
  } finally {
    await db.end();
  }
  return email;
}
