-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "DecisionCondition" ADD COLUMN     "metById" TEXT,
ADD COLUMN     "metNote" TEXT;
