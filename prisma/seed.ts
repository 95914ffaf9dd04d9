/**
 * First-run seed: a demo organisation with one user per role, so a new install can be explored
 * at once. Never reseeds: it does nothing when any organisation exists.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { serverEnv } from "../lib/config/server-env";
import { seedCatalogue } from "../lib/db/catalogue";
import { countOrganizations, createOrganization } from "../lib/db/organizations";
import { searchProductOptions } from "../lib/db/picker-options";
import { createTemplate } from "../lib/db/questionnaires";
import { saveAnswer, startAssessment, submitAssessment } from "../lib/db/assessments";
import { createReport } from "../lib/db/reports";
import { createShareLink } from "../lib/db/share-links";
import { createUseCase } from "../lib/db/use-cases";
import { templateSchema } from "../lib/validation/questionnaire-template";
import { AI_PRODUCT_CATALOGUE } from "../lib/catalogue/ai-products";
import { DEFAULT_QUESTIONNAIRE } from "../lib/catalogue/default-questionnaire";
import { DEMO_ASSESSMENT_ANSWERS, DEMO_ASSESSMENT_PRODUCT } from "../lib/catalogue/demo-assessment";
import type { DataClass, Role } from "../lib/domain/vocabulary";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role; clientName?: string }> = [
  { email: "admin@northbridge.example", name: "Alex Admin", role: "ADMIN" },
  { email: "am@northbridge.example", name: "Morgan Account", role: "ACCOUNT_MANAGER" },
  { email: "compliance@northbridge.example", name: "Casey Compliance", role: "COMPLIANCE_OFFICER" },
  { email: "viewer@harborhealth.example", name: "Vic Viewer", role: "CLIENT_VIEWER", clientName: "Harbor Health Clinics" },
];

export async function seedDemoOrganization(password: string) {
  const passwordHash = await hashPassword(password);
  const created = await createOrganization({
    name: "Northbridge IT (demo)",
    slug: "northbridge-demo",
    // So the printed sign-ins work at once; an admin requires it under Settings → Users.
    requireMfa: false,
    clients: [
      { name: "Harbor Health Clinics", dataClasses: ["PII", "PHI"], residency: "US", frameworks: ["HIPAA"] },
      { name: "Lumen Retail EU", dataClasses: ["PII", "PCI"], residency: "EU", frameworks: ["GDPR"] },
      { name: "Atlas Engineering", dataClasses: ["CONFIDENTIAL"], residency: "ANY", frameworks: [] },
    ],
    users: DEMO_USERS.map((u) => ({ ...u, passwordHash })),
  });
  const admin = created.users.find((u) => u.role === "ADMIN")!;
  const system = { organizationId: created.organization.id, userId: admin.id, role: "ADMIN" as const, clientId: null, actorLabel: "system: demo seed", ip: null };
  await seedCatalogue(system, AI_PRODUCT_CATALOGUE);
  await createTemplate(system, templateSchema.parse(DEFAULT_QUESTIONNAIRE), { publish: true });
  // A few proposed use cases, so the approval matrix and the clients' pages show how it works.
  const productId = async (label: string) => (await searchProductOptions(system, { q: label.split(" — ")[1]!, limit: 50 })).items.find((p) => p.label === label)?.id;
  const proposals: Array<[string, string, string, DataClass[]]> = [
    ["Harbor Health Clinics", "Microsoft — Microsoft 365 Copilot", "Drafting patient letters in Word and Outlook", ["PII", "PHI"]],
    ["Lumen Retail EU", "OpenAI — OpenAI API", "Product description generation", ["CONFIDENTIAL"]],
    ["Atlas Engineering", "Anthropic — Claude API", "Code review assistant for internal tools", ["CONFIDENTIAL"]],
  ];
  for (const [client, label, purpose, dataClasses] of proposals) {
    const clientId = created.clientIds[client];
    const id = await productId(label);
    if (clientId && id) await createUseCase(system, { clientId, productId: id, purpose, dataClasses });
  }
  // One assessment submitted by the account manager, so the compliance officer has a review waiting.
  const amUser = created.users.find((u) => u.role === "ACCOUNT_MANAGER");
  const assessed = await productId(DEMO_ASSESSMENT_PRODUCT);
  if (amUser && assessed) {
    const am = { ...system, userId: amUser.id, role: "ACCOUNT_MANAGER" as const, actorLabel: amUser.email };
    const { id } = await startAssessment(am, assessed);
    for (const answer of DEMO_ASSESSMENT_ANSWERS) await saveAnswer(am, id, answer);
    await submitAssessment(am, id);
  }
  // Harbor Health's portfolio report, shared with it, so the client viewer's portal has something to show.
  const harbor = created.clientIds["Harbor Health Clinics"];
  if (harbor) {
    const report = await createReport(system, { kind: "PORTFOLIO", clientId: harbor }, serverEnv.publicUrl());
    await createShareLink(system, { reportId: report.id, clientId: harbor, expiresAt: new Date(Date.now() + 30 * 86_400_000), passcodeHash: null });
  }
  return created;
}

/** Seeds when the database is empty; returns the password used, or null when nothing was seeded. */
export async function seedIfEmpty(): Promise<string | null> {
  if ((await countOrganizations()) > 0) return null;
  const password = process.env.VETTA_DEMO_PASSWORD || randomBytes(12).toString("base64url");
  await seedDemoOrganization(password);
  return password;
}
