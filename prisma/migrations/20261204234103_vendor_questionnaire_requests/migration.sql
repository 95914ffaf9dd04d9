-- Made by scripts/migrate.ts from the schema diff.
-- CreateEnum
CREATE TYPE "VendorRequestStatus" AS ENUM ('OPEN', 'SUBMITTED', 'RETURNED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "VendorAnswerReview" AS ENUM ('PENDING', 'ACCEPTED', 'RETURNED');

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "vendorAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "vendorContactName" TEXT,
ADD COLUMN     "vendorRequestId" TEXT;

-- CreateTable
CREATE TABLE "VendorQuestionnaireRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "templateVersionId" TEXT NOT NULL,
    "skippedSectionKeys" TEXT[],
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "message" TEXT,
    "ownerId" TEXT NOT NULL,
    "status" "VendorRequestStatus" NOT NULL DEFAULT 'OPEN',
    "tokenHash" TEXT NOT NULL,
    "passcodeHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "assessmentId" TEXT,
    "reusedFromRequestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorQuestionnaireRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorAnswer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "value" JSONB,
    "comment" TEXT,
    "prefilled" BOOLEAN NOT NULL DEFAULT false,
    "review" "VendorAnswerReview" NOT NULL DEFAULT 'PENDING',
    "returnComment" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorRequestUpload" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorRequestUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorRequestAccess" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,
    "action" TEXT NOT NULL,

    CONSTRAINT "VendorRequestAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VendorQuestionnaireRequest_tokenHash_key" ON "VendorQuestionnaireRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "VendorQuestionnaireRequest_organizationId_status_dueOn_idx" ON "VendorQuestionnaireRequest"("organizationId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "VendorQuestionnaireRequest_organizationId_productId_created_idx" ON "VendorQuestionnaireRequest"("organizationId", "productId", "createdAt");

-- CreateIndex
CREATE INDEX "VendorQuestionnaireRequest_organizationId_vendorId_createdA_idx" ON "VendorQuestionnaireRequest"("organizationId", "vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "VendorAnswer_organizationId_requestId_idx" ON "VendorAnswer"("organizationId", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorAnswer_requestId_questionKey_key" ON "VendorAnswer"("requestId", "questionKey");

-- CreateIndex
CREATE UNIQUE INDEX "VendorRequestUpload_fileId_key" ON "VendorRequestUpload"("fileId");

-- CreateIndex
CREATE INDEX "VendorRequestUpload_organizationId_requestId_idx" ON "VendorRequestUpload"("organizationId", "requestId");

-- CreateIndex
CREATE INDEX "VendorRequestAccess_organizationId_requestId_at_idx" ON "VendorRequestAccess"("organizationId", "requestId", "at");

-- AddForeignKey
ALTER TABLE "VendorQuestionnaireRequest" ADD CONSTRAINT "VendorQuestionnaireRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorQuestionnaireRequest" ADD CONSTRAINT "VendorQuestionnaireRequest_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorQuestionnaireRequest" ADD CONSTRAINT "VendorQuestionnaireRequest_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorQuestionnaireRequest" ADD CONSTRAINT "VendorQuestionnaireRequest_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "TemplateVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorAnswer" ADD CONSTRAINT "VendorAnswer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorAnswer" ADD CONSTRAINT "VendorAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VendorQuestionnaireRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRequestUpload" ADD CONSTRAINT "VendorRequestUpload_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRequestUpload" ADD CONSTRAINT "VendorRequestUpload_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VendorQuestionnaireRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRequestUpload" ADD CONSTRAINT "VendorRequestUpload_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "EvidenceFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRequestAccess" ADD CONSTRAINT "VendorRequestAccess_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRequestAccess" ADD CONSTRAINT "VendorRequestAccess_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VendorQuestionnaireRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
