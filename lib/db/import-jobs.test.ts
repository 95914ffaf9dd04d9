import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startImportWorker, runImportJob } from "@/lib/jobs/import-jobs";
import { enqueueImport } from "@/lib/jobs/job-queue";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { prisma } from "./prisma-client";
import { createImportJob, getImportJobStatus } from "./import-jobs";

const HEADER = "vendor,vendor_website,product,tier,deployment_model,processing_regions,retention_kind,retention_days,training_policy";
const line = (vendor: string, product: string, tier = "BUSINESS") => `${vendor},https://example.com,${product},${tier},CLOUD_API,EU;US,DAYS,30,NEVER`;

/** 10,000 vendors with three products each: 30,000 data rows. */
function bigCsv(prefix: string, vendors = 10_000) {
  const lines = [HEADER];
  for (let v = 0; v < vendors; v++) for (let p = 0; p < 3; p++) lines.push(line(`${prefix} ${v}`, `Model ${p}`));
  return lines;
}

let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization("Import");
});

async function counts(prefix: string) {
  const vendors = await prisma.vendor.count({ where: { organizationId: org.organizationId, name: { startsWith: prefix } } });
  const products = await prisma.product.count({ where: { organizationId: org.organizationId, vendor: { name: { startsWith: prefix } } } });
  return { vendors, products };
}

describe("register import as a job", () => {
  it("a 30,000-row file with one bad row at the end writes nothing and names the row and column", { timeout: 120_000 }, async () => {
    const lines = bigCsv("Bad");
    lines[lines.length - 1] = line("Bad 9999", "Model 2", "FREE");
    const job = await createImportJob(org.as.ACCOUNT_MANAGER, { kind: "REGISTER", fileName: "bad.csv", payload: lines.join("\n") });
    expect(await runImportJob(job.id)).toBe("FAILED");
    const status = await getImportJobStatus(org.as.ACCOUNT_MANAGER, job.id);
    expect(status?.rowErrors).toEqual([expect.objectContaining({ row: 30_001, column: "tier" })]);
    expect(await counts("Bad")).toEqual({ vendors: 0, products: 0 });
  });

  it("a 30,000-row file (10,000 vendors, 30,000 products) finishes, with progress and one summarising audit event", { timeout: 240_000 }, async () => {
    const job = await createImportJob(org.as.ACCOUNT_MANAGER, { kind: "REGISTER", fileName: "big.csv", payload: bigCsv("Big").join("\n") });
    expect(await runImportJob(job.id)).toBe("DONE");
    const status = await getImportJobStatus(org.as.ACCOUNT_MANAGER, job.id);
    expect(status).toMatchObject({ status: "DONE", total: 40_000, processed: 40_000, result: { vendors: 10_000, products: 30_000 } });
    expect(await counts("Big")).toEqual({ vendors: 10_000, products: 30_000 });
    const events = await prisma.auditEvent.findMany({ where: { organizationId: org.organizationId, action: "register.import" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ after: { vendors: 10_000, products: 30_000, rows: 30_000 } });
    // The file is not kept once the job ends.
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).payload).toBeNull();
  });

  it("a row that clashes with the register (any case) fails the whole file; another organisation never sees the job", async () => {
    const lines = [HEADER, line("Fresh Vendor", "Alpha"), line("BIG 42", "model 1")];
    const job = await createImportJob(org.as.ACCOUNT_MANAGER, { kind: "REGISTER", fileName: null, payload: lines.join("\n") });
    expect(await runImportJob(job.id)).toBe("FAILED");
    const status = await getImportJobStatus(org.as.ACCOUNT_MANAGER, job.id);
    expect(status?.rowErrors).toEqual([expect.objectContaining({ row: 3, column: "product", message: expect.stringContaining("already has") })]);
    expect(await counts("Fresh")).toEqual({ vendors: 0, products: 0 });
    const other = await createTestOrganization("Import other");
    expect(await getImportJobStatus(other.as.ADMIN, job.id)).toBeNull();
  });

  it("40 workers taking the same job at once: one runs it, the rest find it taken", async () => {
    const job = await createImportJob(org.as.ACCOUNT_MANAGER, { kind: "REGISTER", fileName: null, payload: [HEADER, line("Race Vendor", "One"), line("Race Vendor", "Two")].join("\n") });
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => runImportJob(job.id)));
    expect(outcomes.filter((o) => o === "DONE")).toHaveLength(1);
    expect(outcomes.filter((o) => o === null)).toHaveLength(39);
    expect(await counts("Race")).toEqual({ vendors: 1, products: 2 });
  });

  describe("through pg-boss", () => {
    let boss: PgBoss;
    beforeAll(async () => {
      boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2, schedule: false });
      await boss.start();
      await startImportWorker(boss);
    });
    afterAll(async () => {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
    });

    it("an enqueued import is run by the worker and the status says so", async () => {
      const job = await createImportJob(org.as.ACCOUNT_MANAGER, { kind: "REGISTER", fileName: null, payload: [HEADER, line("Queued Vendor", "One")].join("\n") });
      await enqueueImport(job.id);
      await expect.poll(async () => (await getImportJobStatus(org.as.ACCOUNT_MANAGER, job.id))?.status, { timeout: 20_000, interval: 250 }).toBe("DONE");
      expect(await counts("Queued")).toEqual({ vendors: 1, products: 1 });
    });
  });
});
