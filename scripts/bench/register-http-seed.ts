/**
 * Child of register-http.ts: seeds ONE database (DATABASE_URL, the app role) with the tenants
 * named in argv[2] (JSON: [{ slug, vendors }]), each with one admin who signs in with argv[3]
 * and no two-step requirement (the bench signs in over plain HTTP). A child process because the
 * app's Prisma client is bound to one DATABASE_URL per process, and the HTTP part needs two
 * databases (a 5-vendor tenant alone, and the same next to the 30,000-product tenant).
 * Prints one JSON line: each tenant's organisation id, user id and e-mail.
 */
import { hashPassword } from "../../lib/auth/password";
import { createOrganization } from "../../lib/db/organizations";
import { fillRegister } from "./register";

// The bench writes rows the way register.ts does (createMany through the app's client).
const { prisma } = await import("../../lib/db/prisma-client");

const tenants = JSON.parse(process.argv[2]!) as Array<{ slug: string; vendors: number }>;
const passwordHash = await hashPassword(process.argv[3]!);
const seeded: Array<{ slug: string; organizationId: string; userId: string; email: string }> = [];
for (const { slug, vendors } of tenants) {
  const email = `${slug}@bench.example`;
  const org = await createOrganization({ name: `Bench ${slug}`, slug, requireMfa: false, clients: [], users: [{ email, name: slug, role: "ADMIN", passwordHash }] });
  await fillRegister(prisma, org.organization.id, `${slug}-`, vendors);
  seeded.push({ slug, organizationId: org.organization.id, userId: org.users[0]!.id, email });
}
await prisma.$disconnect();
console.log(`SEEDED ${JSON.stringify(seeded)}`);
process.exit(0);
