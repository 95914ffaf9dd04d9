-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "scoresAsOf" DATE;

-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedWhy" TEXT;

-- AlterTable
ALTER TABLE "RiskException" ADD COLUMN     "acceptedFlags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Hand-written. Exceptions granted before this release accepted the critical flags the use case
-- had when they were relied on: read them from the score snapshot of the decision that used them.
UPDATE "RiskException" e
SET "acceptedFlags" = sub.flags
FROM (
  SELECT d."exceptionId" AS id, array_agg(DISTINCT f->>'id') AS flags
  FROM "Decision" d
  JOIN "ScoreSnapshot" s ON s."id" = d."snapshotId"
  CROSS JOIN LATERAL jsonb_array_elements(COALESCE(s."result"->'flags', '[]'::jsonb)) AS f
  WHERE d."exceptionId" IS NOT NULL AND f->>'severity' = 'critical'
  GROUP BY d."exceptionId"
) sub
WHERE e."id" = sub.id;

-- CHANGES_REQUESTED now returns an assessment to DRAFT (PRODUCT.md); move the ones sent back before.
UPDATE "Assessment" SET "status" = 'DRAFT' WHERE "status" = 'CHANGES_REQUESTED';
