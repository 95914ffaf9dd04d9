/**
 * The clients list reads each client's use-case count from Client.useCaseCount (kept by a trigger,
 * issue 17): the counts are right whichever way the list is sorted and never include another
 * organisation's; sorting by the count gives what Prisma's `_count` ordering gave, and reads about
 * a page of clients from the (organizationId, useCaseCount, name) indexes, no use case at all.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { analyzeAsOwner, planNodes, topPlan, type ExplainRow } from "@/lib/testing/query-plan";
import { parseListQuery } from "@/lib/validation/list-query";
import { CLIENT_LIST, listClients } from "./clients";
import { prisma, Prisma } from "./prisma-client";

let a: TestOrganization;
let b: TestOrganization;

async function fill(org: TestOrganization, prefix: string, useCasesOf: (i: number) => number) {
  await prisma.client.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ id: `${prefix}c${i}`, organizationId: org.organizationId, name: `Client ${String(i).padStart(2, "0")}` })) });
  await prisma.vendor.create({ data: { id: `${prefix}v`, organizationId: org.organizationId, name: "Vendor" } });
  await prisma.product.create({ data: { id: `${prefix}p`, organizationId: org.organizationId, vendorId: `${prefix}v`, name: "Model", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: ["EU"] } });
  await prisma.useCase.createMany({
    data: Array.from({ length: 12 }, (_, i) => Array.from({ length: useCasesOf(i) }, (_, k) => ({ organizationId: org.organizationId, clientId: `${prefix}c${i}`, productId: `${prefix}p`, purpose: `Purpose ${k}` }))).flat(),
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrganization("Client list A"), createTestOrganization("Client list B")]);
  await Promise.all([fill(a, "a", (i) => i % 4), fill(b, "b", () => 5)]);
});

describe("clients list", () => {
  it("counts each listed client's use cases, the same under every sort, and only its own organisation's", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    const expected = new Map((await prisma.useCase.groupBy({ by: ["clientId"], where: { organizationId: a.organizationId }, _count: { _all: true } })).map((c) => [c.clientId, c._count._all]));
    for (const sort of ["name", "-useCases", "useCases", "-updatedAt"]) {
      const { rows, total } = await listClients(me, parseListQuery({ sort, pageSize: "10" }, CLIENT_LIST));
      expect(total).toBe(13); // 12 + the fixture's "Client A"
      for (const row of rows) expect(row.useCases, `${sort} ${row.name}`).toBe(expected.get(row.id) ?? 0);
      if (sort === "-useCases") expect(rows.map((r) => r.useCases)).toEqual([...rows.map((r) => r.useCases)].sort((x, y) => y - x));
    }
    const page2 = await listClients(me, parseListQuery({ page: "2", pageSize: "10" }, CLIENT_LIST));
    // Names sort in the database's collation: digits before letters, so the fixture's "Client A" comes last.
    expect(page2.rows.map((r) => [r.name, r.useCases])).toEqual([
      ["Client 10", 2],
      ["Client 11", 3],
      ["Client A", 0],
    ]);
  });

  it("sorts by use-case count as Prisma's _count ordering did, page by page, both ways", async () => {
    const me = a.as.ACCOUNT_MANAGER;
    for (const desc of [false, true]) {
      const reference = await prisma.client.findMany({
        where: { organizationId: a.organizationId, archivedAt: null },
        orderBy: [{ useCases: { _count: desc ? "desc" : "asc" } }, { name: "asc" }],
        select: { id: true, _count: { select: { useCases: true } } },
      });
      const pages = await Promise.all([1, 2].map((page) => listClients(me, parseListQuery({ sort: desc ? "-useCases" : "useCases", pageSize: "10", page: String(page) }, CLIENT_LIST))));
      expect(pages.flatMap((p) => p.rows.map((r) => [r.id, r.useCases]))).toEqual(reference.map((r) => [r.id, r._count.useCases]));
    }
  });

  it("reads about a page of clients to sort 400 by use-case count", async () => {
    const c = await createTestOrganization("Client list C");
    await prisma.client.createMany({ data: Array.from({ length: 400 }, (_, i) => ({ id: `cc${i}`, organizationId: c.organizationId, name: `Client ${String(i).padStart(3, "0")}`, archivedAt: i % 20 === 0 ? new Date() : null })) });
    await prisma.vendor.create({ data: { id: "ccv", organizationId: c.organizationId, name: "Vendor" } });
    await prisma.product.create({ data: { id: "ccp", organizationId: c.organizationId, vendorId: "ccv", name: "Model", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: ["EU"] } });
    await prisma.useCase.createMany({ data: Array.from({ length: 400 }, (_, i) => Array.from({ length: i % 6 }, (_, k) => ({ organizationId: c.organizationId, clientId: `cc${i}`, productId: "ccp", purpose: `P${k}` }))).flat() });
    await analyzeAsOwner(inject("ownerUrl"), ["Client", "UseCase"]);
    const page = await listClients(c.as.ACCOUNT_MANAGER, parseListQuery({ sort: "-useCases" }, CLIENT_LIST));
    expect(page.rows.map((r) => r.useCases)).toEqual(Array(25).fill(5));
    for (const dir of [Prisma.sql`DESC`, Prisma.sql`ASC`]) {
      // The statement Prisma sends for listClients' page (ORDER BY the count, then the name).
      const [row] = await prisma.$queryRaw<ExplainRow[]>`EXPLAIN (ANALYZE, FORMAT JSON)
        SELECT id, name, "useCaseCount" FROM "Client" WHERE "archivedAt" IS NULL AND "organizationId" = ${c.organizationId}
        ORDER BY "useCaseCount" ${dir}, name ASC LIMIT 25 OFFSET 0`;
      const nodes = planNodes(topPlan(row));
      expect(nodes.some((n) => n["Relation Name"] === "UseCase")).toBe(false);
      const scans = nodes.filter((n) => n["Relation Name"] === "Client");
      for (const n of scans) expect(n["Node Type"]).not.toBe("Seq Scan");
      expect(scans.reduce((sum, n) => sum + ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1), 0)).toBeLessThanOrEqual(30);
    }
  });
});
