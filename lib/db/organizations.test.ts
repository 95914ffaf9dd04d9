import { describe, expect, it } from "vitest";
import { scoreProduct } from "@/lib/domain/scoring/score-product";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { certificationInput } from "@/lib/validation/evidence";
import { productInput } from "@/lib/validation/product";
import { createCertification } from "./certifications";
import { prisma } from "./prisma-client";
import { getOrganizationSettings, updateOrganizationSettings } from "./organizations";
import { createProduct } from "./products";
import { sendDueReminders } from "./reminders";
import { renewalBuckets } from "./renewals";
import { buildScoringInput } from "./scoring";
import type { TenantContext } from "./tenant";
import { loadSessionMember } from "./users";
import { createVendor } from "./vendors";

// Noon UTC on the 23rd is already 01:00 on the 24th in Auckland (NZDT, UTC+13).
const INSTANT = new Date("2026-11-23T12:00:00Z");

/** A product whose only certificate expires on 2026-11-23. */
async function productExpiringOn23rd(org: TestOrganization) {
  const me = org.as.ACCOUNT_MANAGER;
  const v = await createVendor(me, { name: `V ${Math.random()}`, website: null, description: null });
  const p = await createProduct(me, productInput.parse({ vendorId: v.id, name: "Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
  await createCertification(me, certificationInput.parse({ productId: p.id, type: "ISO_27001", issuer: "BSI", issuedAt: "2023-11-24", expiresAt: "2026-11-23" }));
  return p.id;
}

describe("the organisation's time zone", () => {
  it("decides what today is: the same instant is the expiry day in UTC and the day after in Auckland", async () => {
    const utc = await createTestOrganization("TZ UTC");
    const nz = await createTestOrganization("TZ Auckland");
    const [utcProduct, nzProduct] = await Promise.all([productExpiringOn23rd(utc), productExpiringOn23rd(nz)]);

    await updateOrganizationSettings(nz.as.ADMIN, { timeZone: "Pacific/Auckland" });
    expect(await getOrganizationSettings(nz.as.ADMIN)).toMatchObject({ timeZone: "Pacific/Auckland" });
    expect(await prisma.auditEvent.findFirst({ where: { organizationId: nz.organizationId, action: "organization.update" }, select: { summary: true } })).toMatchObject({
      summary: { before: { timeZone: "UTC" }, after: { timeZone: "Pacific/Auckland" } },
    });
    // Sessions carry it from the next request on.
    const member = await loadSessionMember(nz.as.ADMIN.userId, nz.organizationId, 1);
    expect(member?.timeZone).toBe("Pacific/Auckland");
    const nzAdmin = { ...nz.as.ADMIN, timeZone: member!.timeZone };

    // Renewals: due today in UTC, overdue in Auckland.
    const inUtc = await renewalBuckets(utc.as.ADMIN, {}, INSTANT);
    const inNz = await renewalBuckets(nzAdmin, {}, INSTANT);
    expect([inUtc.today, inNz.today]).toEqual(["2026-11-23", "2026-11-24"]);
    expect(inUtc.buckets.get("DUE_7")?.map((i) => i.kind)).toEqual(["CERTIFICATION_EXPIRY"]);
    expect(inNz.buckets.get("OVERDUE")?.map((i) => i.kind)).toEqual(["CERTIFICATION_EXPIRY"]);

    // Scoring: the certificate still counts in UTC, and has expired in Auckland.
    const flagsOf = async (ctx: TenantContext, productId: string) => scoreProduct(await buildScoringInput(ctx, productId, { asOf: INSTANT })).flags.map((f) => f.id);
    expect(await flagsOf(utc.as.ADMIN, utcProduct)).not.toContain("EXPIRED_EVIDENCE");
    expect(await flagsOf(nzAdmin, nzProduct)).toContain("EXPIRED_EVIDENCE");

    // Reminders: the job reads the zone itself; Auckland's owner is told it is overdue.
    await sendDueReminders(utc.organizationId, INSTANT);
    await sendDueReminders(nz.organizationId, INSTANT);
    const thresholds = async (organizationId: string) => (await prisma.reminderDelivery.findMany({ where: { organizationId }, select: { threshold: true } })).map((d) => d.threshold);
    expect(await thresholds(utc.organizationId)).toEqual(["7_DAYS"]);
    expect(await thresholds(nz.organizationId)).toEqual(["OVERDUE"]);
  });
});
