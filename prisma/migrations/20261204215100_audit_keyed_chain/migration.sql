-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
CREATE SEQUENCE "AuditEvent_seq_seq";
ALTER TABLE "AuditEvent" ADD COLUMN     "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
ALTER COLUMN "seq" SET DEFAULT nextval('"AuditEvent_seq_seq"'),
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;
ALTER SEQUENCE "AuditEvent_seq_seq" OWNED BY "AuditEvent"."seq";

-- CreateTable
CREATE TABLE "AuditSeal" (
    "organizationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "prevMac" TEXT NOT NULL,
    "mac" TEXT NOT NULL,
    "floorTxid" BIGINT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("organizationId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditSeal_eventId_key" ON "AuditSeal"("eventId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_txid_idx" ON "AuditEvent"("organizationId", "txid");

-- AddForeignKey
ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand. Events written before this migration keep their per-organisation seq 1..n and
-- their version-1 SHA-256 chain; new events take seq from the sequence, which starts above every
-- existing seq, so (organizationId, seq) stays unique and seq still sorts oldest to newest.
SELECT setval('"AuditEvent_seq_seq"', GREATEST((SELECT max("seq") FROM "AuditEvent"), 0) + 1, false);

-- The seal table is append-only for everyone, like AuditEvent (the same trigger function). The app
-- role additionally holds only INSERT and SELECT on both tables (scripts/lib/db-roles.ts), so it
-- can neither change a row nor switch these triggers off: only the owner can do that.
CREATE TRIGGER "AuditSeal_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditSeal_no_truncate"
  BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- The same refusal names the table it guards.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
