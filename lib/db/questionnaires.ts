import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TemplateDefinition } from "@/lib/validation/questionnaire-template";
import { recordAudit, withAudit } from "./audit";
import { prisma, type Prisma, type Tx } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

/**
 * Questionnaire templates and their versions. A draft is editable; publishing freezes it for
 * good; an assessment keeps the version it started on, so a new version never changes it.
 */
async function writeVersionContent(tx: Tx, ctx: TenantContext, versionId: string, definition: TemplateDefinition) {
  for (const [si, section] of definition.sections.entries()) {
    const created = await tx.templateSection.create({
      data: { organizationId: ctx.organizationId, versionId, key: section.key, title: section.title, description: section.description, position: si },
      select: { id: true },
    });
    await tx.templateQuestion.createMany({
      data: section.questions.map((q, qi) => ({
        organizationId: ctx.organizationId,
        versionId,
        sectionId: created.id,
        key: q.key,
        prompt: q.prompt,
        helpText: q.helpText,
        type: q.type,
        required: q.required,
        weight: q.weight,
        options: (q.options ?? undefined) as Prisma.InputJsonValue | undefined,
        visibility: (q.visibility ?? undefined) as Prisma.InputJsonValue | undefined,
        productFact: q.productFact,
        bands: (q.bands ?? undefined) as Prisma.InputJsonValue | undefined,
        position: qi,
      })),
    });
  }
}

/** A new template with its first version as a draft (or published at once, for seeding). */
export async function createTemplate(ctx: TenantContext, definition: TemplateDefinition, options: { publish?: boolean; timeoutMs?: number } = {}) {
  const exists = await prisma.questionnaireTemplate.findFirst({ where: inTenant(ctx, { name: definition.name }), select: { id: true } });
  if (exists) throw new AppError("CONFLICT", "A template with that name already exists.", { name: "A template with that name already exists." });
  return prisma.$transaction(
    async (tx) => {
      const template = await tx.questionnaireTemplate.create({ data: { organizationId: ctx.organizationId, name: definition.name, description: definition.description } });
      const version = await tx.templateVersion.create({
        data: {
          organizationId: ctx.organizationId,
          templateId: template.id,
          version: 1,
          status: options.publish ? "PUBLISHED" : "DRAFT",
          publishedAt: options.publish ? new Date() : null,
          publishedById: options.publish ? ctx.userId || null : null,
        },
      });
      await writeVersionContent(tx, ctx, version.id, definition);
      await recordAudit(tx, ctx, { action: "template.create", entityType: "QuestionnaireTemplate", entityId: template.id, summary: { after: { name: definition.name, version: 1, published: !!options.publish } } });
      return { templateId: template.id, versionId: version.id };
    },
    { timeout: options.timeoutMs ?? 60_000 },
  );
}

/** Freezes a draft. Published versions never change; their assessments keep pointing at them. */
export async function publishVersion(ctx: TenantContext, versionId: string) {
  const version = await prisma.templateVersion.findFirst({ where: inTenant(ctx, { id: versionId }) });
  if (!version) throw notFound("template version");
  if (version.status !== "DRAFT") throw new AppError("CONFLICT", `Version ${version.version} is already published.`);
  await withAudit(
    ctx,
    async (tx) => {
      await tx.templateVersion.updateMany({ where: { templateId: version.templateId, status: "PUBLISHED", ...tenant(ctx) }, data: { status: "RETIRED" } });
      await tx.templateVersion.update({ where: { id: version.id }, data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: ctx.userId } });
    },
    () => ({ action: "template.publish", entityType: "TemplateVersion", entityId: version.id, summary: { after: { version: version.version } } }),
  );
}

/** Starts the next draft of a template from a definition (the builder's or an import's). */
export async function createDraftVersion(ctx: TenantContext, templateId: string, definition: TemplateDefinition, options: { timeoutMs?: number } = {}) {
  const template = await prisma.questionnaireTemplate.findFirst({ where: inTenant(ctx, { id: templateId }), include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  if (!template) throw notFound("template");
  if (template.versions[0]?.status === "DRAFT") throw new AppError("CONFLICT", "This template already has a draft; edit or publish it first.");
  const next = (template.versions[0]?.version ?? 0) + 1;
  return prisma.$transaction(async (tx) => {
    const version = await tx.templateVersion.create({ data: { organizationId: ctx.organizationId, templateId, version: next, status: "DRAFT" } });
    await writeVersionContent(tx, ctx, version.id, definition);
    await recordAudit(tx, ctx, { action: "template.draft", entityType: "TemplateVersion", entityId: version.id, summary: { after: { version: next } } });
    return { versionId: version.id, version: next };
  }, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
}

/** A version as a template definition (the JSON export format, and what a filler sees). */
export async function getVersionDefinition(ctx: TenantContext, versionId: string) {
  const version = await prisma.templateVersion.findFirst({
    where: inTenant(ctx, { id: versionId }),
    include: {
      template: { select: { id: true, name: true, description: true } },
      sections: { orderBy: { position: "asc" }, include: { questions: { orderBy: { position: "asc" } } } },
    },
  });
  if (!version) throw notFound("template version");
  const definition: TemplateDefinition = {
    name: version.template.name,
    description: version.template.description,
    sections: version.sections.map((s) => ({
      key: s.key,
      title: s.title,
      description: s.description,
      questions: s.questions.map((q) => ({
        key: q.key,
        prompt: q.prompt,
        helpText: q.helpText,
        type: q.type,
        required: q.required,
        weight: q.weight,
        options: (q.options as TemplateDefinition["sections"][number]["questions"][number]["options"]) ?? null,
        visibility: (q.visibility as TemplateDefinition["sections"][number]["questions"][number]["visibility"]) ?? null,
        productFact: (q.productFact as TemplateDefinition["sections"][number]["questions"][number]["productFact"]) ?? null,
        bands: (q.bands as TemplateDefinition["sections"][number]["questions"][number]["bands"]) ?? null,
      })),
    })),
  };
  return { id: version.id, templateId: version.template.id, version: version.version, status: version.status, definition, questionIds: new Map(version.sections.flatMap((s) => s.questions.map((q) => [q.key, q.id] as const))) };
}

export async function listTemplates(ctx: TenantContext) {
  return prisma.questionnaireTemplate.findMany({
    where: inTenant(ctx, { archivedAt: null }),
    orderBy: { name: "asc" },
    include: { versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true, publishedAt: true, _count: { select: { assessments: true } } } } },
  });
}

/** The newest published version of the organisation's templates, for starting an assessment. */
export async function latestPublishedVersions(ctx: TenantContext) {
  return prisma.templateVersion.findMany({
    where: { status: "PUBLISHED", template: { archivedAt: null }, ...tenant(ctx) },
    orderBy: { template: { name: "asc" } },
    select: { id: true, version: true, template: { select: { name: true } } },
  });
}

/** An imported definition becomes the next draft of the template of that name, or a new template. */
export async function importTemplate(ctx: TenantContext, definition: TemplateDefinition, options: { timeoutMs?: number } = {}) {
  const existing = await prisma.questionnaireTemplate.findFirst({ where: inTenant(ctx, { name: definition.name }), select: { id: true } });
  if (existing) {
    const draft = await createDraftVersion(ctx, existing.id, definition, options);
    return { templateId: existing.id, versionId: draft.versionId, version: draft.version };
  }
  const created = await createTemplate(ctx, definition, options);
  return { ...created, version: 1 };
}

/** Saves the builder's work into a draft (published versions are frozen and refuse). */
export async function saveDraftVersion(ctx: TenantContext, versionId: string, definition: TemplateDefinition) {
  const version = await prisma.templateVersion.findFirst({ where: inTenant(ctx, { id: versionId }), include: { template: true } });
  if (!version) throw notFound("template version");
  if (version.status !== "DRAFT") throw new AppError("CONFLICT", "Published versions cannot change. Start a new draft instead.");
  if (definition.name !== version.template.name) {
    const clash = await prisma.questionnaireTemplate.findFirst({ where: inTenant(ctx, { name: definition.name, id: { not: version.templateId } }), select: { id: true } });
    if (clash) throw new AppError("CONFLICT", "Another template has that name.", { name: "Another template has that name." });
  }
  await prisma.$transaction(
    async (tx) => {
      await tx.templateSection.deleteMany({ where: inTenant(ctx, { versionId }) });
      await writeVersionContent(tx, ctx, versionId, definition);
      await tx.questionnaireTemplate.update({ where: { id: version.templateId }, data: { name: definition.name, description: definition.description } });
      await recordAudit(tx, ctx, {
        action: "template.draft.save",
        entityType: "TemplateVersion",
        entityId: versionId,
        summary: { after: { sections: definition.sections.length, questions: definition.sections.reduce((n, s) => n + s.questions.length, 0) } },
      });
    },
    { timeout: 60_000 },
  );
}

/** A new draft that starts as a copy of an existing version. */
export async function draftFromVersion(ctx: TenantContext, versionId: string) {
  const source = await getVersionDefinition(ctx, versionId);
  return createDraftVersion(ctx, source.templateId, source.definition);
}
