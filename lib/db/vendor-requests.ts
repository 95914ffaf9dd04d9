import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/config/server-env";
import { calendarDateOfColumn, toDateColumn } from "@/lib/domain/dates/calendar-date";
import { isWithVendor, sectionsToAnswer, vendorLinkExpiry } from "@/lib/domain/vendor-requests/vendor-request-rules";
import { AppError, notFound } from "@/lib/errors/app-error";
import { withAudit } from "./audit";
import { prisma, type Prisma } from "./prisma-client";
import { getVersionDefinition } from "./questionnaires";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";

/**
 * SECURITY-CRITICAL. Questionnaire requests sent to a vendor's contact (the MSP's side): the link
 * is a 256-bit random token of which only the SHA-256 is stored; it is shown once and e-mailed
 * (through the outbox), and works until the due date plus a grace, unless revoked. The vendor's
 * side (answering through the link) is lib/db/vendor-request-link.ts; the review is
 * lib/db/vendor-request-review.ts.
 */
export const hashVendorToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const vendorLinkPath = (token: string) => `/questionnaire/${token}`;

export interface SendVendorRequest {
  productId: string;
  templateVersionId: string;
  contactName: string;
  contactEmail: string;
  dueOn: Date;
  message: string | null;
  skippedSectionKeys: string[];
  /** argon2 hash made by the caller, or null for no passcode. */
  passcodeHash: string | null;
  reuseLastAnswers: boolean;
}

/** The vendor's latest request with accepted answers (what "start from the last answers" copies). */
async function lastAcceptedAnswers(ctx: TenantContext, vendorId: string) {
  const previous = await prisma.vendorQuestionnaireRequest.findFirst({
    where: { vendorId, answers: { some: { review: "ACCEPTED" } }, ...tenant(ctx) },
    orderBy: { createdAt: "desc" },
    select: { id: true, answers: { where: { review: "ACCEPTED" }, select: { questionKey: true, value: true, comment: true } } },
  });
  return previous;
}

/**
 * Sends a questionnaire request: records the vendor's contact, freezes the questions (a published
 * version is immutable; skipped sections are kept with the request), e-mails the link and audits
 * the send (never the token). Returns the token once; it cannot be recovered afterwards.
 */
export async function sendVendorRequest(ctx: TenantContext, input: SendVendorRequest) {
  const product = await prisma.product.findFirst({
    where: inTenant(ctx, { id: input.productId }),
    select: { id: true, name: true, archivedAt: true, vendor: { select: { id: true, name: true } } },
  });
  if (!product) throw notFound("product");
  if (product.archivedAt) throw new AppError("CONFLICT", "Restore the product before asking its vendor.");
  const published = await prisma.templateVersion.findFirst({ where: { id: input.templateVersionId, status: "PUBLISHED", ...tenant(ctx) }, select: { id: true } });
  if (!published) throw new AppError("VALIDATION", "Choose a published questionnaire.", { templateVersionId: "Choose a published questionnaire." });
  const version = await getVersionDefinition(ctx, published.id);
  const sectionKeys = new Set(version.definition.sections.map((s) => s.key));
  const unknown = input.skippedSectionKeys.find((k) => !sectionKeys.has(k));
  if (unknown) throw new AppError("VALIDATION", "That section is not in this questionnaire.", { skippedSectionKeys: "Choose sections of this questionnaire." });
  const kept = sectionsToAnswer(version.definition.sections, input.skippedSectionKeys);
  if (kept.length === 0) throw new AppError("VALIDATION", "Leave at least one section to answer.", { skippedSectionKeys: "Leave at least one section to answer." });
  const dueOn = calendarDateOfColumn(input.dueOn);
  if (dueOn < todayFor(ctx)) throw new AppError("VALIDATION", "The due date has passed.", { dueOn: "Choose today or a later date." });

  // Copied answers are only those of questions still asked; files are not copied (the vendor uploads current ones).
  const keptQuestions = new Map(kept.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const previous = input.reuseLastAnswers ? await lastAcceptedAnswers(ctx, product.vendor.id) : null;
  const copied = (previous?.answers ?? []).filter((a) => keptQuestions.has(a.questionKey) && keptQuestions.get(a.questionKey)!.type !== "FILE" && a.value !== null);

  const token = randomBytes(32).toString("base64url");
  const expiresAt = vendorLinkExpiry(dueOn);
  const url = `${serverEnv.publicUrl()}${vendorLinkPath(token)}`;
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  const body = [
    `Hello ${input.contactName},`,
    "",
    `${organization.name} asks you to answer a due-diligence questionnaire about ${product.vendor.name} ${product.name} by ${dueOn}.`,
    ...(input.message ? ["", input.message] : []),
    "",
    `Open it (no account needed): ${url}`,
    "",
    `Your answers are saved as you go; you can come back with the same link until ${expiresAt.toISOString().slice(0, 10)}.`,
    ...(input.passcodeHash ? [`You also need the passcode ${organization.name} gives you separately.`] : []),
    "Keep this link to yourself: whoever holds it can answer for you.",
  ].join("\n");

  const request = await withAudit(
    ctx,
    async (tx) => {
      const created = await tx.vendorQuestionnaireRequest.create({
        data: {
          organizationId: ctx.organizationId,
          productId: product.id,
          vendorId: product.vendor.id,
          templateVersionId: published.id,
          skippedSectionKeys: input.skippedSectionKeys,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          dueOn: toDateColumn(dueOn),
          message: input.message,
          ownerId: ctx.userId,
          tokenHash: hashVendorToken(token),
          passcodeHash: input.passcodeHash,
          expiresAt,
          reusedFromRequestId: copied.length ? previous!.id : null,
        },
        select: { id: true },
      });
      if (copied.length) {
        await tx.vendorAnswer.createMany({
          data: copied.map((a) => ({ organizationId: ctx.organizationId, requestId: created.id, questionKey: a.questionKey, value: a.value as Prisma.InputJsonValue, comment: a.comment, prefilled: true })),
        });
      }
      await tx.vendor.update({ where: { id: product.vendor.id }, data: { contactName: input.contactName, contactEmail: input.contactEmail } });
      await tx.outboxEmail.create({ data: { organizationId: ctx.organizationId, to: input.contactEmail, subject: `[Vetta] ${organization.name}: questionnaire about ${product.name}, due ${dueOn}`, body } });
      return created;
    },
    (created) => ({
      action: "vendor-request.send",
      entityType: "VendorQuestionnaireRequest",
      entityId: created.id,
      summary: { after: { productId: product.id, contact: input.contactEmail, dueOn, templateVersionId: published.id, skipped: input.skippedSectionKeys, passcode: input.passcodeHash !== null, copiedAnswers: copied.length } },
    }),
  );
  return { id: request.id, token, url, expiresAt };
}

/** Ends a link at once; the request and its answers stay. Revoking twice changes nothing. */
export async function revokeVendorRequest(ctx: TenantContext, id: string) {
  const request = await prisma.vendorQuestionnaireRequest.findFirst({ where: inTenant(ctx, { id }), select: { id: true, revokedAt: true } });
  if (!request) throw notFound("request");
  if (request.revokedAt) return;
  await withAudit(
    ctx,
    (tx) => tx.vendorQuestionnaireRequest.update({ where: { id: request.id }, data: { revokedAt: new Date() } }),
    () => ({ action: "vendor-request.revoke", entityType: "VendorQuestionnaireRequest", entityId: request.id }),
  );
}

const LIST_SELECT = {
  id: true,
  status: true,
  dueOn: true,
  expiresAt: true,
  revokedAt: true,
  contactName: true,
  contactEmail: true,
  submittedAt: true,
  createdAt: true,
  product: { select: { id: true, name: true, vendor: { select: { id: true, name: true } } } },
  _count: { select: { answers: true } },
} satisfies Prisma.VendorQuestionnaireRequestSelect;

/** A product's requests, newest first. */
export async function listVendorRequestsForProduct(ctx: TenantContext, productId: string) {
  return prisma.vendorQuestionnaireRequest.findMany({ where: inTenant(ctx, { productId }), orderBy: { createdAt: "desc" }, take: 50, select: LIST_SELECT });
}

/** Requests still with the vendor (open or returned, link not revoked or expired), or waiting for review. */
function openWhere(ctx: TenantContext, now: Date): Prisma.VendorQuestionnaireRequestWhereInput {
  return { status: { in: ["OPEN", "RETURNED", "SUBMITTED"] }, revokedAt: null, expiresAt: { gt: now }, ...tenant(ctx) };
}

/** Open requests by due date (the renewals page and the dashboard list them). */
export async function listOpenVendorRequests(ctx: TenantContext, options: { take?: number; now?: Date } = {}) {
  const rows = await prisma.vendorQuestionnaireRequest.findMany({ where: openWhere(ctx, options.now ?? new Date()), orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: options.take ?? 50, select: LIST_SELECT });
  return rows.map((r) => ({ ...r, dueOn: calendarDateOfColumn(r.dueOn), withVendor: isWithVendor(r.status) }));
}

/** How many requests are open, the organisation's or one owner's (the dashboard's number). */
export async function countOpenVendorRequests(ctx: TenantContext, options: { ownerId?: string; now?: Date } = {}) {
  return prisma.vendorQuestionnaireRequest.count({ where: { ...(options.ownerId ? { ownerId: options.ownerId } : {}), ...openWhere(ctx, options.now ?? new Date()) } });
}

/** What the send form offers: the product and its vendor's recorded contact, the published questionnaires with their sections, and whether earlier accepted answers exist. */
export async function sendRequestChoices(ctx: TenantContext, productId: string) {
  const product = await prisma.product.findFirst({
    where: inTenant(ctx, { id: productId }),
    select: { id: true, name: true, archivedAt: true, vendor: { select: { id: true, name: true, contactName: true, contactEmail: true } } },
  });
  if (!product) throw notFound("product");
  const versions = await prisma.templateVersion.findMany({
    where: { status: "PUBLISHED", template: { archivedAt: null }, ...tenant(ctx) },
    orderBy: [{ template: { name: "asc" } }, { version: "desc" }],
    select: { id: true, version: true, template: { select: { name: true } }, sections: { orderBy: { position: "asc" }, select: { key: true, title: true } } },
  });
  const previous = await lastAcceptedAnswers(ctx, product.vendor.id);
  return {
    product,
    versions: versions.map((v) => ({ id: v.id, label: `${v.template.name} v${v.version}`, sections: v.sections })),
    canReuse: (previous?.answers.length ?? 0) > 0,
  };
}

/** One request as the MSP sees it: its state, the vendor's answers and files, and the link's access log. */
export async function getVendorRequest(ctx: TenantContext, id: string) {
  const request = await prisma.vendorQuestionnaireRequest.findFirst({
    where: inTenant(ctx, { id }),
    include: {
      product: { select: { id: true, name: true, archivedAt: true, vendor: { select: { id: true, name: true } } } },
      answers: true,
      uploads: { select: { file: { select: { id: true, originalName: true, sizeBytes: true } } } },
      accesses: { orderBy: { at: "desc" }, take: 100, select: { id: true, at: true, ip: true, userAgent: true, action: true } },
    },
  });
  if (!request) throw notFound("request");
  const version = await getVersionDefinition(ctx, request.templateVersionId);
  const sections = sectionsToAnswer(version.definition.sections, request.skippedSectionKeys);
  const owner = await prisma.user.findUnique({ where: { id: request.ownerId }, select: { name: true, email: true } });
  const { tokenHash: _hash, passcodeHash, ...rest } = request;
  return { request: { ...rest, hasPasscode: passcodeHash !== null, dueOn: calendarDateOfColumn(request.dueOn) }, version, sections, owner };
}
