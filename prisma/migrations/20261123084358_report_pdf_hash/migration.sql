-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "pdfSha256" TEXT NOT NULL,
ADD COLUMN     "title" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "Report_pdfSha256_idx" ON "Report"("pdfSha256");

-- Added by hand: a report is evidence once issued. Its snapshot and hashes never change, so the
-- database refuses UPDATE and DELETE (withdrawing a report means revoking its share links).
CREATE FUNCTION "report_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'Report is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Report_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "Report"
  FOR EACH ROW EXECUTE FUNCTION "report_immutable"();
