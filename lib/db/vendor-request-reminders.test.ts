import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { createTestOrganization, type TestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { prisma } from "./prisma-client";
import { createProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { createVendor } from "./vendors";
import { sendVendorRequestReminders } from "./vendor-request-reminders";
import { revokeVendorRequest, sendVendorRequest } from "./vendor-requests";

let org: TestOrganization;
let versionId: string;
const today = new Date();
const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset, 12));

beforeAll(async () => {
  org = await createTestOrganization("Vendor reminders");
  versionId = (await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true })).versionId;
});

async function send(dueInDays: number) {
  const v = await createVendor(org.as.ACCOUNT_MANAGER, { name: `Vendor ${Math.random()}`, website: null, description: null });
  const p = await createProduct(
    org.as.ACCOUNT_MANAGER,
    productInput.parse({ vendorId: v.id, name: "Assistant", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }),
  );
  const email = `contact-${Math.random().toString(36).slice(2)}@vendor.example`;
  const sent = await sendVendorRequest(org.as.ACCOUNT_MANAGER, {
    productId: p.id,
    templateVersionId: versionId,
    contactName: "Vera",
    contactEmail: email,
    dueOn: new Date(`${day(dueInDays).toISOString().slice(0, 10)}T00:00:00Z`),
    message: null,
    skippedSectionKeys: [],
    passcodeHash: null,
    reuseLastAnswers: false,
  });
  return { ...sent, email };
}

const mailTo = (to: string) => prisma.outboxEmail.findMany({ where: { organizationId: org.organizationId, to }, orderBy: { createdAt: "asc" } });
const deliveries = (id: string) => prisma.reminderDelivery.findMany({ where: { organizationId: org.organizationId, itemKind: "VENDOR_REQUEST", itemId: id }, orderBy: { sentAt: "asc" } });

describe("vendor questionnaire reminders", () => {
  it("go out 7 days and 1 day before and when overdue, to the contact and the owner, once each even when 40 runs race", async () => {
    const sent = await send(8);
    // 8 days before: nothing yet.
    expect(await sendVendorRequestReminders(org.organizationId, day(0))).toBe(0);
    const counts = await Promise.all(Array.from({ length: 40 }, () => sendVendorRequestReminders(org.organizationId, day(1))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    await Promise.all(Array.from({ length: 40 }, () => sendVendorRequestReminders(org.organizationId, day(7))));
    await Promise.all(Array.from({ length: 40 }, () => sendVendorRequestReminders(org.organizationId, day(9))));
    await sendVendorRequestReminders(org.organizationId, day(12));
    expect((await deliveries(sent.id)).map((d) => d.threshold)).toEqual(["7_DAYS", "1_DAY", "OVERDUE"]);
    // The first mail is the request itself; then one per reminder, none carrying the link.
    const vendorMail = await mailTo(sent.email);
    expect(vendorMail).toHaveLength(4);
    expect(vendorMail.slice(1).every((m) => !m.body.includes("/questionnaire/"))).toBe(true);
    const ownerMail = await mailTo(org.emails.ACCOUNT_MANAGER);
    expect(ownerMail.filter((m) => m.body.includes(`/vendor-requests/${sent.id}`))).toHaveLength(3);
    expect(await prisma.notification.count({ where: { userId: org.as.ACCOUNT_MANAGER.userId, link: `/vendor-requests/${sent.id}` } })).toBe(3);
  });

  it("stop for revoked requests", async () => {
    const sent = await send(3);
    await revokeVendorRequest(org.as.ACCOUNT_MANAGER, sent.id);
    await sendVendorRequestReminders(org.organizationId, day(0));
    expect(await deliveries(sent.id)).toHaveLength(0);
  });
});
