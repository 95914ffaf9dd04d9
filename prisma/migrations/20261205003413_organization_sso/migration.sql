-- Made by scripts/migrate.ts from the schema diff.
-- CreateTable
CREATE TABLE "OrganizationSso" (
    "organizationId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "displayName" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "allowedDomains" TEXT[],
    "jitRole" "Role",
    "passwordSignIn" BOOLEAN NOT NULL DEFAULT true,
    "acceptIdpMfa" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationSso_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "OrganizationSso_allowedDomains_idx" ON "OrganizationSso" USING GIN ("allowedDomains");

-- AddForeignKey
ALTER TABLE "OrganizationSso" ADD CONSTRAINT "OrganizationSso_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
