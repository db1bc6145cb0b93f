-- Staged rows belong to one claim of a job (its `attempts` count when the claim took it), not
-- to the job: a process that stalled past its lease, still copying, and the process that took
-- the job over must never merge each other's rows. The default keeps rows staged by a process
-- of the previous version (which writes no attempt) valid for its own merge during an upgrade.
ALTER TABLE import_staged_entries ADD COLUMN attempt integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE import_staged_rows ADD COLUMN attempt integer NOT NULL DEFAULT 0;--> statement-breakpoint
DROP INDEX import_staged_entries_job_idx;--> statement-breakpoint
DROP INDEX import_staged_rows_job_idx;--> statement-breakpoint
CREATE INDEX import_staged_entries_claim_idx ON import_staged_entries (job_id, attempt);--> statement-breakpoint
CREATE INDEX import_staged_rows_claim_idx ON import_staged_rows (job_id, attempt);
