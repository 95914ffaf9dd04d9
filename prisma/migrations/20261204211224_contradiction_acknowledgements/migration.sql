-- Made by scripts/migrate.ts from the schema diff.
-- CreateTable
CREATE TABLE "ContradictionAcknowledgement" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sides" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "acknowledgedById" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContradictionAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContradictionAcknowledgement_organizationId_productId_idx" ON "ContradictionAcknowledgement"("organizationId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "ContradictionAcknowledgement_productId_key_key" ON "ContradictionAcknowledgement"("productId", "key");

-- AddForeignKey
ALTER TABLE "ContradictionAcknowledgement" ADD CONSTRAINT "ContradictionAcknowledgement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContradictionAcknowledgement" ADD CONSTRAINT "ContradictionAcknowledgement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
