-- Every change of a job takes the next event id, so an event stream that reconnects with
-- Last-Event-ID gets exactly the jobs changed since; the statement-level notification wakes
-- the event streams of every process (one query per burst, whatever the number of clients).
CREATE FUNCTION data_ingestion_jobs_next_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.event_id := nextval('data_ingestion_job_events');
  NEW.updated_at := now();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER data_ingestion_jobs_event BEFORE UPDATE ON data_ingestion_jobs
  FOR EACH ROW EXECUTE FUNCTION data_ingestion_jobs_next_event();--> statement-breakpoint
CREATE TRIGGER data_ingestion_jobs_notify_change AFTER INSERT OR UPDATE OR DELETE ON data_ingestion_jobs
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
