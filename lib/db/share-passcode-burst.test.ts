/**
 * A burst of guesses against a share link's passcode: 40 at once get exactly the limit's worth
 * checked, and the right passcode is then refused until the lock ends.
 */
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { unlockSharedReport } from "@/lib/auth/share-access";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createReport } from "./reports";
import { createShareLink } from "./share-links";
import { SHARE_PASSCODE_LIMIT } from "./sign-in-throttle";
import { createVendor } from "./vendors";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";

describe("share-link passcode lockout under a burst", () => {
  it("40 wrong passcodes at once: 10 checked, 30 refused, then the right passcode is refused too", async () => {
    const org = await createTestOrganization("Passcode burst");
    const me = org.as.ACCOUNT_MANAGER;
    const vendor = await createVendor(me, { name: `Vendor ${Math.random()}`, website: "https://vendor.example", description: null });
    const product = await createProduct(me, productInput.parse({ vendorId: vendor.id, name: "Burst Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", retentionKind: "DAYS", retentionDays: 30, zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES" }));
    const report = await createReport(me, { kind: "PRODUCT", productId: product.id }, "https://vetta.example");
    const link = await createShareLink(me, { reportId: report.id, clientId: org.clientId, expiresAt: new Date(Date.now() + 86_400_000), passcodeHash: await hashPassword("open sesame") });

    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => unlockSharedReport(link.token, `guess ${i}`, { ip: `203.0.113.${i}`, userAgent: "burst" })));
    const reasons = results.map((r) => (r.ok ? "OK" : r.reason));
    expect(reasons.filter((r) => r === "WRONG")).toHaveLength(SHARE_PASSCODE_LIMIT);
    expect(reasons.filter((r) => r === "LOCKED")).toHaveLength(40 - SHARE_PASSCODE_LIMIT);
    expect(await unlockSharedReport(link.token, "open sesame", { ip: "203.0.113.250", userAgent: "owner" })).toEqual({ ok: false, reason: "LOCKED" });
    // The access log says the same: ten checked guesses, the rest refused.
    const logged = await prisma.shareAccess.groupBy({ by: ["outcome"], where: { shareLinkId: link.id }, _count: true });
    expect(Object.fromEntries(logged.map((l) => [l.outcome, l._count]))).toEqual({ BAD_PASSCODE: 10, REFUSED_LOCKED: 31 });
  });
});
