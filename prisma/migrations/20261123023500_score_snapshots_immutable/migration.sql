-- Written by hand (no schema change): a score snapshot is immutable once made. The database
-- refuses to change or remove one, so history cannot be rewritten by a bug or by hand.
CREATE FUNCTION "score_snapshot_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ScoreSnapshot is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ScoreSnapshot_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "ScoreSnapshot"
  FOR EACH ROW EXECUTE FUNCTION "score_snapshot_immutable"();
