/**
 * A second organisation for the e2e suite: its records must never be reachable from the demo
 * organisation. Prints what the tests need as JSON on stdout.
 */
import { hashPassword } from "../../lib/auth/password";
import { createOrganization } from "../../lib/db/organizations";
import { createVendor } from "../../lib/db/vendors";

const password = "other org password 2026";
const passwordHash = await hashPassword(password);
const created = await createOrganization({
  name: "Rival MSP",
  slug: "rival-msp",
  clients: [{ name: "Rival Client", dataClasses: ["PII"], residency: "EU", frameworks: ["GDPR"] }],
  users: [
    { email: "admin@rival.example", name: "Rita Rival", role: "ADMIN", passwordHash },
    { email: "throttled@rival.example", name: "Theo Throttled", role: "ACCOUNT_MANAGER", passwordHash },
  ],
});
const admin = created.users.find((u) => u.role === "ADMIN")!;
const vendor = await createVendor(
  { organizationId: created.organization.id, userId: admin.id, role: "ADMIN", clientId: null, actorLabel: admin.email, ip: null },
  { name: "Rival's Secret Vendor", website: null, description: null },
);
process.stdout.write(
  JSON.stringify({ organizationId: created.organization.id, adminEmail: admin.email, adminUserId: admin.id, throttledEmail: "throttled@rival.example", password, vendorId: vendor.id }),
);
process.exit(0);
