-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "currentScore" INTEGER,
ADD COLUMN     "currentTier" "RiskTier";
