-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
