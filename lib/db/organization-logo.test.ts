import { describe, expect, it } from "vitest";
import { logoEmbeds } from "@/lib/pdf/logo-check";
import { createTestOrganization } from "@/lib/testing/fixtures";
import { solidPng } from "@/lib/testing/png";
import { PNG } from "@/lib/files/test-fixtures";
import { prisma } from "./prisma-client";
import { getOrganizationLogo, removeOrganizationLogo, setOrganizationLogo } from "./organization-logo";
import { createReport, getReport, renderStoredReport } from "./reports";

describe("organisation logo on reports", () => {
  it("is stored once per organisation (a burst of 40 uploads leaves one), printed on new reports, and frozen into them", { timeout: 60_000 }, async () => {
    const org = await createTestOrganization("Logo");
    const admin = org.as.ADMIN;
    const logos = Array.from({ length: 40 }, (_, i) => solidPng(4, 2, [i, 80, 160]));
    // Audited writes queue on the organisation's audit chain (issue 16, h4-audit): some of a burst may
    // time out waiting, but none leaves a second logo or a half-written one.
    const settled = await Promise.allSettled(logos.map((bytes) => setOrganizationLogo(admin, { mimeType: "image/png", bytes })));
    expect(settled.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await prisma.organizationLogo.count({ where: { organizationId: org.organizationId } })).toBe(1);
    const stored = await getOrganizationLogo(admin);
    expect(logos.some((l) => Buffer.compare(l, Buffer.from(stored!.bytes)) === 0)).toBe(true);

    const report = await createReport(org.as.COMPLIANCE_OFFICER, { kind: "PORTFOLIO", clientId: org.clientId }, "https://vetta.example");
    const { snapshot, ...row } = await getReport(admin, report.id);
    expect(snapshot.meta.logo).toEqual({ mime: "image/png", base64: Buffer.from(stored!.bytes).toString("base64") });
    expect(report.pdf.toString("latin1")).toContain("/Subtype /Image");
    // Replacing or removing the logo later does not change an issued report.
    await removeOrganizationLogo(admin);
    expect(await getOrganizationLogo(admin)).toBeNull();
    expect(Buffer.compare(await renderStoredReport({ ...row, snapshot }), report.pdf)).toBe(0);
    // Another organisation's reports never carry it.
    const other = await createTestOrganization("Other logo");
    const otherReport = await createReport(other.as.COMPLIANCE_OFFICER, { kind: "PORTFOLIO", clientId: other.clientId }, "https://vetta.example");
    expect((await getReport(other.as.ADMIN, otherReport.id)).snapshot.meta.logo).toBeNull();
  });

  it("refuses an image pdfkit cannot place (a PNG header with no pixels)", async () => {
    expect(await logoEmbeds(PNG)).toBe(false);
    expect(await logoEmbeds(solidPng(2, 2, [0, 0, 0]))).toBe(true);
  });
});
