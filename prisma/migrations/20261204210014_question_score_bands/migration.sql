-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "TemplateQuestion" ADD COLUMN     "bands" JSONB;
