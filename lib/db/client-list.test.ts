/**
 * The clients list counts use cases for its page's clients only (issue 17), and the counts are
 * the same whichever way the list is sorted, and never include another organisation's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { parseListQuery } from "@/lib/validation/list-query";
import { CLIENT_LIST, listClients } from "./clients";
import { prisma } from "./prisma-client";

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
});
