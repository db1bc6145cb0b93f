-- Every change of a job takes the next event id, so an event stream that reconnects with
-- Last-Event-ID gets exactly the jobs changed since; a notification wakes the event streams
-- and job dispatchers of every process (one query per burst, whatever the number of clients).
CREATE FUNCTION data_ingestion_jobs_next_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.event_id := nextval('data_ingestion_job_events');
  NEW.updated_at := now();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER data_ingestion_jobs_event BEFORE UPDATE ON data_ingestion_jobs
  FOR EACH ROW EXECUTE FUNCTION data_ingestion_jobs_next_event();--> statement-breakpoint
-- Only statements that changed rows notify: the dispatcher's periodic checks change none
-- mostly, and a notification for each would wake every dispatcher again, in a loop.
CREATE FUNCTION notify_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN
    PERFORM pg_notify('table_changed', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER data_ingestion_jobs_notify_insert AFTER INSERT ON data_ingestion_jobs
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_rows_changed();--> statement-breakpoint
CREATE TRIGGER data_ingestion_jobs_notify_update AFTER UPDATE ON data_ingestion_jobs
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_rows_changed();
