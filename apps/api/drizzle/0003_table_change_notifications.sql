-- Tells every process which tables a committed transaction changed, so caches of derived data
-- (platform/db/change-feed.ts) are dropped on every replica. NOTIFY is delivered at commit,
-- once per distinct payload per transaction, so a bulk load costs one message per table.
CREATE OR REPLACE FUNCTION notify_table_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('table_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER units_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
