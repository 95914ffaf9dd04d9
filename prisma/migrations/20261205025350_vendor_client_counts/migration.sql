-- Made by scripts/migrate.ts from the schema diff.
-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "useCaseCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "activeProductCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Client_organizationId_useCaseCount_name_idx" ON "Client"("organizationId", "useCaseCount", "name");

-- CreateIndex
CREATE INDEX "Client_organizationId_useCaseCount_desc_name_idx" ON "Client"("organizationId", "useCaseCount" DESC, "name");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_activeProductCount_name_idx" ON "Vendor"("organizationId", "activeProductCount", "name");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_activeProductCount_desc_name_idx" ON "Vendor"("organizationId", "activeProductCount" DESC, "name");

-- Hand-written: the counts' one owner (issue 17). Every insert, delete, archive/restore and move of
-- a product adjusts its vendor's count of active products; every insert, delete or move of a use
-- case its client's count. The app never writes these columns.
--  - Inserts and deletes are counted once per statement from the transition table (an import's
--    1,000-row INSERT updates each vendor once, not once per product).
--  - Changes lock the Vendor/Client rows they adjust, in id order, so concurrent bursts add up
--    exactly and two opposite moves cannot deadlock.

-- Adds delta to each id's column: rows locked in id order first, then updated.
CREATE FUNCTION "count_add"(tbl regclass, col text, ids text[], deltas int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  EXECUTE format('SELECT 1 FROM %s WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE', tbl) USING ids;
  EXECUTE format('UPDATE %s t SET %I = t.%I + d.delta FROM unnest($1, $2) AS d(id, delta) WHERE t.id = d.id', tbl, col, col) USING ids, deltas;
END;
$$;

CREATE FUNCTION "product_active_count_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  deltas int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg("vendorId" ORDER BY "vendorId"), array_agg(n ORDER BY "vendorId") INTO ids, deltas
    FROM (SELECT "vendorId", count(*)::int AS n FROM new_rows WHERE "archivedAt" IS NULL GROUP BY "vendorId") c;
  ELSE
    SELECT array_agg("vendorId" ORDER BY "vendorId"), array_agg(-n ORDER BY "vendorId") INTO ids, deltas
    FROM (SELECT "vendorId", count(*)::int AS n FROM old_rows WHERE "archivedAt" IS NULL GROUP BY "vendorId") c;
  END IF;
  PERFORM "count_add"('"Vendor"', 'activeProductCount', ids, deltas);
  RETURN NULL;
END;
$$;

-- An update that archives, restores or moves a product: -1 where it counted, +1 where it counts now.
CREATE FUNCTION "product_active_count_move"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_vendor text := CASE WHEN OLD."archivedAt" IS NULL THEN OLD."vendorId" END;
  new_vendor text := CASE WHEN NEW."archivedAt" IS NULL THEN NEW."vendorId" END;
BEGIN
  IF old_vendor IS DISTINCT FROM new_vendor THEN
    PERFORM "count_add"('"Vendor"', 'activeProductCount',
      array_remove(ARRAY[old_vendor, new_vendor], NULL),
      array_remove(ARRAY[CASE WHEN old_vendor IS NOT NULL THEN -1 END, CASE WHEN new_vendor IS NOT NULL THEN 1 END], NULL));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Product_active_count_insert" AFTER INSERT ON "Product"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "product_active_count_rows"();
CREATE TRIGGER "Product_active_count_delete" AFTER DELETE ON "Product"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "product_active_count_rows"();
CREATE TRIGGER "Product_active_count_update" AFTER UPDATE OF "vendorId", "archivedAt" ON "Product"
FOR EACH ROW WHEN (OLD."vendorId" IS DISTINCT FROM NEW."vendorId" OR (OLD."archivedAt" IS NULL) <> (NEW."archivedAt" IS NULL))
EXECUTE FUNCTION "product_active_count_move"();

CREATE FUNCTION "use_case_client_count_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  deltas int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg("clientId" ORDER BY "clientId"), array_agg(n ORDER BY "clientId") INTO ids, deltas
    FROM (SELECT "clientId", count(*)::int AS n FROM new_rows GROUP BY "clientId") c;
  ELSE
    SELECT array_agg("clientId" ORDER BY "clientId"), array_agg(-n ORDER BY "clientId") INTO ids, deltas
    FROM (SELECT "clientId", count(*)::int AS n FROM old_rows GROUP BY "clientId") c;
  END IF;
  PERFORM "count_add"('"Client"', 'useCaseCount', ids, deltas);
  RETURN NULL;
END;
$$;

CREATE FUNCTION "use_case_client_count_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "count_add"('"Client"', 'useCaseCount', ARRAY[OLD."clientId", NEW."clientId"], ARRAY[-1, 1]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "UseCase_client_count_insert" AFTER INSERT ON "UseCase"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "use_case_client_count_rows"();
CREATE TRIGGER "UseCase_client_count_delete" AFTER DELETE ON "UseCase"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "use_case_client_count_rows"();
CREATE TRIGGER "UseCase_client_count_update" AFTER UPDATE OF "clientId" ON "UseCase"
FOR EACH ROW WHEN (OLD."clientId" IS DISTINCT FROM NEW."clientId")
EXECUTE FUNCTION "use_case_client_count_move"();

-- Backfill what already exists (after the triggers, in the same transaction).
UPDATE "Vendor" v SET "activeProductCount" = c.n
FROM (SELECT "vendorId", count(*)::int AS n FROM "Product" WHERE "archivedAt" IS NULL GROUP BY "vendorId") c
WHERE c."vendorId" = v.id;

UPDATE "Client" cl SET "useCaseCount" = c.n
FROM (SELECT "clientId", count(*)::int AS n FROM "UseCase" GROUP BY "clientId") c
WHERE c."clientId" = cl.id;
