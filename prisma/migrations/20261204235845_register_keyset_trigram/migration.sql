-- Made by scripts/migrate.ts from the schema diff.
-- Issue 17: register pages that cost the page and the tenant. Indexes per sort ending in the id
-- tie-breaker; trigram (pg_trgm) indexes for the search boxes, led by organizationId (btree_gin)
-- so a search reads only its tenant's entries. Both extensions are "trusted" (PostgreSQL ≥ 13):
-- the owner role that runs migrations (not a superuser, scripts/lib/db-roles.ts) may create them
-- as the database's owner; the embedded PostgreSQL ships both.
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "Vendor_organizationId_updatedAt_idx";

-- DropIndex
DROP INDEX "Product_organizationId_vendorId_idx";

-- DropIndex
DROP INDEX "Product_organizationId_tier_idx";

-- DropIndex
DROP INDEX "Product_organizationId_deploymentModel_idx";

-- DropIndex
DROP INDEX "Product_organizationId_trainingPolicy_idx";

-- CreateIndex
CREATE INDEX "Vendor_organizationId_name_id_idx" ON "Vendor"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_updatedAt_id_idx" ON "Vendor"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Vendor_name_trgm_idx" ON "Vendor" USING GIN ("organizationId" text_ops, "name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Product_organizationId_vendorId_archivedAt_idx" ON "Product"("organizationId", "vendorId", "archivedAt");

-- CreateIndex
CREATE INDEX "Product_organizationId_name_id_idx" ON "Product"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Product_organizationId_tier_id_idx" ON "Product"("organizationId", "tier", "id");

-- CreateIndex
CREATE INDEX "Product_organizationId_deploymentModel_id_idx" ON "Product"("organizationId", "deploymentModel", "id");

-- CreateIndex
CREATE INDEX "Product_organizationId_trainingPolicy_id_idx" ON "Product"("organizationId", "trainingPolicy", "id");

-- CreateIndex
CREATE INDEX "Product_organizationId_currentScore_id_idx" ON "Product"("organizationId", "currentScore", "id");

-- CreateIndex
CREATE INDEX "Product_organizationId_updatedAt_id_idx" ON "Product"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Product_name_trgm_idx" ON "Product" USING GIN ("organizationId" text_ops, "name" gin_trgm_ops);
