-- Made by scripts/migrate.ts from the schema diff.
-- DropIndex
DROP INDEX "User_email_key";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "homeOrganizationId" TEXT;

-- Every existing account belongs to the organisation of its first membership (in practice its only one).
UPDATE "User" u SET "homeOrganizationId" = (
  SELECT m."organizationId" FROM "Membership" m WHERE m."userId" = u."id" ORDER BY m."createdAt" ASC LIMIT 1
);

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_homeOrganizationId_email_key" ON "User"("homeOrganizationId", "email");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_homeOrganizationId_fkey" FOREIGN KEY ("homeOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
