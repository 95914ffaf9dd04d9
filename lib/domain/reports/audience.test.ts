import { describe, expect, it } from "vitest";
import { sampleProductReport, samplePortfolioReport } from "@/lib/pdf/report-fixtures";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { audienceNote, clientReachOf, mayReachClient } from "./audience";

const meta = { reportId: "r1", verifyUrl: "https://v/verify", organizationName: "MSP", generatedAt: "2026-01-01T00:00:00.000Z", generatedBy: "A" };
const productLevel = (): ReportSnapshot => ({ version: 2, meta, data: { ...sampleProductReport().data, useCase: null, exceptions: [], audience: { clientName: null, note: "x" } } });

describe("who a report may reach", () => {
  it("a product-level report of version 2 without client data reaches any client", () => {
    expect(clientReachOf(productLevel(), null)).toEqual({ to: "ANY_CLIENT" });
    expect(mayReachClient(productLevel(), null, "c1")).toBe(true);
  });
  it("a product-level report with any client's data, or from before scoping, reaches no client", () => {
    const s = productLevel();
    if (s.data.kind !== "PRODUCT") throw new Error();
    const withException: ReportSnapshot = { ...s, data: { ...s.data, exceptions: [{ justification: "j", riskAccepted: "r", clientConsent: "No", expiresOn: "2027-01-01", grantedBy: "g", status: "Active" }] } };
    expect(clientReachOf(withException, null).to).toBe("NO_CLIENT");
    const { version: _v, ...legacy } = s;
    expect(mayReachClient(legacy, null, "c1")).toBe(false);
    expect(mayReachClient({ ...s, data: { ...s.data, audience: undefined } }, null, "c1")).toBe(false);
  });
  it("a report about one client reaches that client only, whatever its version", () => {
    const portfolio: ReportSnapshot = { meta, data: samplePortfolioReport().data };
    expect(mayReachClient(portfolio, "c1", "c1")).toBe(true);
    expect(mayReachClient(portfolio, "c1", "c2")).toBe(false);
    expect(mayReachClient(portfolio, null, "c1")).toBe(false);
  });
  it("says on the report whose data it holds", () => {
    expect(audienceNote({ clientName: "Harbor Health" }, "PORTFOLIO")).toBe("Prepared for Harbor Health: only Harbor Health's use cases are included.");
    expect(audienceNote({ clientName: null }, "PRODUCT")).toMatch(/^Product-level report: no client's/);
  });
});
