import { describe, expect, it } from "vitest";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { productInput } from "@/lib/validation/product";
import { templateSchema } from "@/lib/validation/questionnaire-template";
import { contradictionAcknowledgementInput } from "@/lib/validation/contradictions";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { saveAnswer, startAssessment } from "./assessments";
import { prisma } from "./prisma-client";
import { acknowledgeContradiction, productContradictions } from "./contradictions";
import { createProduct, updateProduct } from "./products";
import { createTemplate } from "./questionnaires";
import { createVendor } from "./vendors";

const product = (vendorId: string, retention: { retentionKind: string; retentionDays?: string }) =>
  productInput.parse({ vendorId, name: "Assistant", tier: "ENTERPRISE", deploymentModel: "CLOUD_API", processingRegions: "EU", zeroRetentionAvailable: false, trainingPolicy: "NEVER", encryptionInTransit: "YES", encryptionAtRest: "YES", ...retention });

describe("contradictions and their acknowledgement", () => {
  it("shows a contradiction until one side changes or someone records why both stand; a burst of acknowledgements leaves one audited record", async () => {
    const org = await createTestOrganization("Contradictions");
    const other = await createTestOrganization("Contradictions other");
    const me = org.as.ACCOUNT_MANAGER;
    const v = await createVendor(me, { name: "V", website: null, description: null });
    const p = await createProduct(me, product(v.id, { retentionKind: "UNKNOWN" }));
    await createTemplate(org.as.ADMIN, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
    const { id: assessmentId } = await startAssessment(me, p.id);
    await saveAnswer(me, assessmentId, { questionKey: "retention_days", value: 30 });

    const before = await productContradictions(me, p.id, { assessmentId });
    const retention = before.open.find((c) => c.key === "fact:retention_days");
    expect(retention).toMatchObject({ left: { source: "answer", value: "30" }, right: { source: "product", value: "Unknown" } });
    // Not submitted yet: the product page (latest submitted answers) shows no answer-based contradiction.
    expect((await productContradictions(me, p.id)).open.map((c) => c.key)).not.toContain("fact:retention_days");

    // Bad input names the field; a contradiction that is not there cannot be acknowledged.
    expect(contradictionAcknowledgementInput.safeParse({ productId: p.id, key: "fact:retention_days", reason: "ok" }).error?.issues[0]?.path).toEqual(["reason"]);
    await expect(acknowledgeContradiction(me, contradictionAcknowledgementInput.parse({ productId: p.id, assessmentId, key: "certificate:iso27001", reason: "Not applicable here" }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { key: expect.any(String) } });
    // Another organisation cannot see or acknowledge it.
    await expect(acknowledgeContradiction(other.as.ACCOUNT_MANAGER, contradictionAcknowledgementInput.parse({ productId: p.id, key: "fact:retention_days", reason: "Someone else's product" }))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const reason = "Vendor confirmed 30 days by e-mail; the record waits for the signed DPA.";
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => acknowledgeContradiction(i % 2 ? me : org.as.COMPLIANCE_OFFICER, contradictionAcknowledgementInput.parse({ productId: p.id, assessmentId, key: "fact:retention_days", reason }))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.contradictionAcknowledgement.count({ where: { productId: p.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: "contradiction.acknowledge" } })).toBe(40);

    const acknowledged = await productContradictions(me, p.id, { assessmentId });
    expect(acknowledged.open.map((c) => c.key)).not.toContain("fact:retention_days");
    expect(acknowledged.acknowledged).toEqual([expect.objectContaining({ key: "fact:retention_days", acknowledgement: expect.objectContaining({ reason, by: expect.stringMatching(/^(ACCOUNT_MANAGER|COMPLIANCE_OFFICER) /) }) })]);

    // One side changes but still disagrees: the contradiction is open again.
    await updateProduct(me, p.id, product(v.id, { retentionKind: "DAYS", retentionDays: "60" }));
    const changed = await productContradictions(me, p.id, { assessmentId });
    expect(changed.open.find((c) => c.key === "fact:retention_days")?.right.value).toBe("60 days");
    expect(changed.acknowledged).toEqual([]);

    // The sides agree: it is gone.
    await updateProduct(me, p.id, product(v.id, { retentionKind: "DAYS", retentionDays: "30" }));
    const resolved = await productContradictions(me, p.id, { assessmentId });
    expect([...resolved.open, ...resolved.acknowledged].map((c) => c.key)).not.toContain("fact:retention_days");
  });
});
