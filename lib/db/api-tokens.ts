import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { API_RATE_LIMIT, type ApiScope } from "@/lib/domain/api/scopes";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { CreateApiTokenInput } from "@/lib/validation/api-token";
import { withAudit } from "./audit";
import { prisma, Prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

/** Every token starts so, which lets secret scanners (and people) recognise a leaked one. */
export const API_TOKEN_PREFIX = "vetta_";
const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * SECURITY-CRITICAL. Makes a token: 256 random bits, returned once and kept only as its SHA-256.
 * Names are unique per organisation; a race on the name answers 409 naming the field.
 */
export async function createApiToken(ctx: TenantContext, input: CreateApiTokenInput, now = new Date()) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const row = await withAudit(
    ctx,
    (tx) =>
      tx.apiToken.create({
        data: {
          organizationId: ctx.organizationId,
          name: input.name,
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: hashToken(token),
          scopes: input.scopes,
          createdById: ctx.userId,
          expiresAt,
        },
        select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true },
      }),
    (created) => ({ action: "api-token.create", entityType: "ApiToken", entityId: created.id, summary: { after: { name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString() } } }),
  ).catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "A token with that name already exists.", { name: "A token with that name already exists." });
    }
    throw error;
  });
  return { ...row, token };
}

/** The organisation's tokens, newest first, without anything secret. */
export async function listApiTokens(ctx: TenantContext) {
  return prisma.apiToken.findMany({
    where: inTenant(ctx),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}

export async function revokeApiToken(ctx: TenantContext, id: string, now = new Date()) {
  const token = await prisma.apiToken.findFirst({ where: inTenant(ctx, { id }), select: { id: true, name: true, revokedAt: true } });
  if (!token) throw notFound("token");
  if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
  return withAudit(
    ctx,
    // Only an unrevoked row changes: two revokes at once record one revocation time.
    async (tx) => {
      await tx.apiToken.updateMany({ where: inTenant(ctx, { id, revokedAt: null }), data: { revokedAt: now } });
      return tx.apiToken.findFirstOrThrow({ where: inTenant(ctx, { id }), select: { id: true, revokedAt: true } });
    },
    () => ({ action: "api-token.revoke", entityType: "ApiToken", entityId: id, summary: { name: token.name } }),
  );
}

export type ApiCaller = { ctx: TenantContext; scopes: ApiScope[]; tokenId: string };
export type ApiAuthentication = { ok: true; caller: ApiCaller } | { ok: false; reason: "invalid" } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * SECURITY-CRITICAL. The caller behind a bearer token. One UPDATE … RETURNING finds the token by
 * its hash (unrevoked, unexpired), counts the request in the token's window (restarting a window
 * that has passed) and marks it used: PostgreSQL serialises updates of the row, so of 40 requests
 * at once exactly `limit` pass, on whichever instance they arrive. The token then acts for its
 * creator's organisation only while the creator is still an active admin there: a demoted or
 * deactivated admin's tokens stop, and no token ever acts as a client viewer.
 */
export async function authenticateApiToken(token: string, ip: string | null, now = new Date(), limit = API_RATE_LIMIT): Promise<ApiAuthentication> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return { ok: false, reason: "invalid" };
  const windowFloor = new Date(now.getTime() - limit.windowMs);
  const rows = await prisma.$queryRaw<Array<{ id: string; organizationId: string; name: string; scopes: string[]; createdById: string; windowCount: number; windowStart: Date }>>`
    UPDATE "ApiToken" AS t SET
      "windowCount" = CASE WHEN t."windowStart" <= ${windowFloor} THEN 1 ELSE t."windowCount" + 1 END,
      "windowStart" = CASE WHEN t."windowStart" <= ${windowFloor} THEN ${now}::timestamp(3) ELSE t."windowStart" END,
      "lastUsedAt" = ${now},
      "lastUsedIp" = ${ip}
    WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL AND t."expiresAt" > ${now}
    RETURNING t."id", t."organizationId", t."name", t."scopes", t."createdById", t."windowCount", t."windowStart"`;
  const row = rows[0];
  if (!row) return { ok: false, reason: "invalid" };
  if (row.windowCount > limit.requests) {
    const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + limit.windowMs - now.getTime()) / 1000));
    return { ok: false, reason: "rate-limited", retryAfterSeconds };
  }
  const member = await prisma.membership.findFirst({
    where: { organizationId: row.organizationId, userId: row.createdById, role: "ADMIN", user: { deactivatedAt: null } },
    select: { organization: { select: { timeZone: true } } },
  });
  if (!member) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    caller: {
      tokenId: row.id,
      scopes: row.scopes as ApiScope[],
      ctx: {
        organizationId: row.organizationId,
        userId: row.createdById,
        role: "ADMIN",
        clientId: null,
        actorLabel: `API token "${row.name}"`,
        ip,
        timeZone: member.organization.timeZone,
      },
    },
  };
}
