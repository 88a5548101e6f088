-- A restore (docs/backup.md) sets each sequence to where the backup left it, so that new rows get new
-- numbers. The application's role may read sequences but not set them (docs/security.md, "Audit
-- protection"): rewinding audit_log_id_seq would let new audit rows reuse old ids. This function, run as
-- the owner, only ever moves a sequence forward, which is all a restore into a fresh instance needs.
CREATE FUNCTION luoshi_advance_sequence(seq regclass, target bigint) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  current bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO current;
  IF target < current THEN
    RAISE EXCEPTION 'sequence % is at %, a restore only moves it forward (to %)', seq, current, target
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM setval(seq, target, true);
END;
$$;
REVOKE ALL ON FUNCTION luoshi_advance_sequence(regclass, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION luoshi_advance_sequence(regclass, bigint) TO luoshi_app;
