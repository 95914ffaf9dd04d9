-- Made by scripts/migrate.ts from the schema diff.
-- CreateEnum
CREATE TYPE "ReviewNoteKind" AS ENUM ('COMMENT', 'REQUEST_INFO');

-- CreateTable
CREATE TABLE "AnswerReviewNote" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "kind" "ReviewNoteKind" NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerReviewNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnswerReviewNote_organizationId_assessmentId_questionKey_idx" ON "AnswerReviewNote"("organizationId", "assessmentId", "questionKey");

-- AddForeignKey
ALTER TABLE "AnswerReviewNote" ADD CONSTRAINT "AnswerReviewNote_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerReviewNote" ADD CONSTRAINT "AnswerReviewNote_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
