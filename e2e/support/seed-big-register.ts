/**
 * An organisation with a register of 2,000 products (500 vendors) for the pickers' e2e spec:
 * pages must stay small however big the register (issue 17). Prints what the spec needs as JSON.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { createOrganization } from "../../lib/db/organizations";
import pg from "pg";

const PRODUCTS = 2000;
const suffix = randomBytes(4).toString("hex");
const password = "bulk register password 2026";
const created = await createOrganization({
  name: `Bulk MSP ${suffix}`,
  slug: `bulk-${suffix}`,
  requireMfa: false,
  clients: [{ name: "Bulk Client", dataClasses: ["PII"], residency: "EU", frameworks: ["GDPR"] }],
  users: [{ email: `admin-${suffix}@bulk.example`, name: "Bo Bulk", role: "ADMIN", passwordHash: await hashPassword(password) }],
});
const organizationId = created.organization.id;
// Straight into the tables: 2,000 audited creations would only slow the spec down.
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
await db.query(
  `INSERT INTO "Vendor" ("id", "organizationId", "name", "updatedAt")
   SELECT 'bulk-' || $2 || '-v' || v, $1, 'Bulk vendor ' || lpad(v::text, 3, '0'), now() FROM generate_series(0, $3::int / 4 - 1) AS v`,
  [organizationId, suffix, PRODUCTS],
);
await db.query(
  `INSERT INTO "Product" ("id", "organizationId", "vendorId", "name", "tier", "deploymentModel", "processingRegions", "updatedAt")
   SELECT 'bulk-' || $2 || '-p' || i, $1, 'bulk-' || $2 || '-v' || (i / 4), 'Bulk model ' || lpad(i::text, 4, '0'), 'BUSINESS'::"ProductTier", 'CLOUD_API'::"DeploymentModel", '{}'::text[], now()
   FROM generate_series(0, $3::int - 1) AS i`,
  [organizationId, suffix, PRODUCTS],
);
await db.end();
process.stdout.write(JSON.stringify({ email: `admin-${suffix}@bulk.example`, password, clientId: created.clientIds["Bulk Client"], productId: `bulk-${suffix}-p1999`, vendorId: `bulk-${suffix}-v499`, suffix }));
process.exit(0);
