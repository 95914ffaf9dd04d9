/**
 * A second organisation for the e2e suite: its records must never be reachable from the demo
 * organisation. Prints what the tests need as JSON on stdout.
 */
import { hashPassword } from "../../lib/auth/password";
import { createOrganization } from "../../lib/db/organizations";
import { startAssessment } from "../../lib/db/assessments";
import { createProduct } from "../../lib/db/products";
import { createTemplate } from "../../lib/db/questionnaires";
import { createUseCase } from "../../lib/db/use-cases";
import { createVendor } from "../../lib/db/vendors";
import { productInput } from "../../lib/validation/product";
import { templateSchema } from "../../lib/validation/questionnaire-template";
import { DEFAULT_QUESTIONNAIRE } from "../../lib/catalogue/default-questionnaire";

const password = "other org password 2026";
const passwordHash = await hashPassword(password);
const created = await createOrganization({
  name: "Rival MSP",
  slug: "rival-msp",
  requireMfa: false,
  clients: [{ name: "Rival Client", dataClasses: ["PII"], residency: "EU", frameworks: ["GDPR"] }],
  users: [
    { email: "admin@rival.example", name: "Rita Rival", role: "ADMIN", passwordHash },
    { email: "throttled@rival.example", name: "Theo Throttled", role: "ACCOUNT_MANAGER", passwordHash },
  ],
});
const admin = created.users.find((u) => u.role === "ADMIN")!;
const ctx = { organizationId: created.organization.id, userId: admin.id, role: "ADMIN" as const, clientId: null, actorLabel: admin.email, ip: null };
const vendor = await createVendor(ctx, { name: "Rival's Secret Vendor", website: null, description: null });
const product = await createProduct(
  ctx,
  productInput.parse({ vendorId: vendor.id, name: "Rival's Secret Product", tier: "BUSINESS", deploymentModel: "CLOUD_API", processingRegions: "", retentionKind: "UNKNOWN", zeroRetentionAvailable: false, trainingPolicy: "UNKNOWN", encryptionInTransit: "UNKNOWN", encryptionAtRest: "UNKNOWN" }),
);
await createTemplate(ctx, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
const assessment = await startAssessment(ctx, product.id);
const clientId = created.clientIds["Rival Client"]!;
const useCase = await createUseCase(ctx, { clientId, productId: product.id, purpose: "Rival's secret purpose", dataClasses: ["PII"] });
// A third organisation that requires two-step verification of its staff, none of whom has it yet.
await createOrganization({
  name: "Strict MSP",
  slug: "strict-msp",
  requireMfa: true,
  clients: [],
  users: [
    { email: "staff@strict.example", name: "Sam Strict", role: "ACCOUNT_MANAGER", passwordHash },
    { email: "admin@strict.example", name: "Ada Strict", role: "ADMIN", passwordHash },
  ],
});
process.stdout.write(
  JSON.stringify({ strictStaffEmail: "staff@strict.example", organizationId: created.organization.id, adminEmail: admin.email, adminUserId: admin.id, throttledEmail: "throttled@rival.example", password, vendorId: vendor.id, productId: product.id, assessmentId: assessment.id, clientId, useCaseId: useCase.id }),
);
process.exit(0);
