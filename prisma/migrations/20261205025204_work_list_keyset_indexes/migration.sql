-- Made by scripts/migrate.ts from the schema diff.
-- Indexes per sort with the tie-breaker for the review queue, assessments and reports keyset pages, and share links by report (issue 17).
-- DropIndex
DROP INDEX "Assessment_organizationId_status_submittedAt_idx";

-- DropIndex
DROP INDEX "Report_organizationId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Assessment_organizationId_status_submittedAt_id_idx" ON "Assessment"("organizationId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_updatedAt_id_idx" ON "Assessment"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Report_organizationId_createdAt_id_idx" ON "Report"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ShareLink_organizationId_reportId_idx" ON "ShareLink"("organizationId", "reportId");
