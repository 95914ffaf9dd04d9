import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { serverEnv } from "@/lib/config/server-env";

/**
 * The one Prisma client. Only files under lib/db import it (STYLE.md rule 1); everything else
 * calls the named, tenant-scoped functions beside it.
 */
const globalForPrisma = globalThis as unknown as { vettaPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: serverEnv.databaseUrl(), max: 10 });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = globalForPrisma.vettaPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.vettaPrisma = prisma;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "./generated/client";
