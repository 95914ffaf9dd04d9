-- Made by scripts/migrate.ts from the schema diff.
-- CreateTable
CREATE TABLE "DpaAnalysis" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "dpaId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "ip" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 12,
    "ruleVersion" INTEGER,
    "pageCount" INTEGER,
    "documentBlocks" JSONB,
    "facts" JSONB,
    "appliedFacts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DpaAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DpaClauseProposal" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "analysisId" TEXT NOT NULL,
    "clause" "DpaClause" NOT NULL,
    "status" "ClauseStatus" NOT NULL,
    "evidence" JSONB NOT NULL,
    "reason" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "decision" TEXT,
    "decidedStatus" "ClauseStatus",
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "DpaClauseProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DpaAnalysis_organizationId_dpaId_createdAt_idx" ON "DpaAnalysis"("organizationId", "dpaId", "createdAt");

-- CreateIndex
CREATE INDEX "DpaAnalysis_status_updatedAt_idx" ON "DpaAnalysis"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "DpaClauseProposal_organizationId_analysisId_idx" ON "DpaClauseProposal"("organizationId", "analysisId");

-- CreateIndex
CREATE UNIQUE INDEX "DpaClauseProposal_analysisId_clause_key" ON "DpaClauseProposal"("analysisId", "clause");

-- AddForeignKey
ALTER TABLE "DpaAnalysis" ADD CONSTRAINT "DpaAnalysis_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaAnalysis" ADD CONSTRAINT "DpaAnalysis_dpaId_fkey" FOREIGN KEY ("dpaId") REFERENCES "Dpa"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaClauseProposal" ADD CONSTRAINT "DpaClauseProposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaClauseProposal" ADD CONSTRAINT "DpaClauseProposal_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "DpaAnalysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
