-- A claim's staged rows in file order: on the embedded PGlite, which runs every statement on
-- the server's own thread, an import merges its rows a slice of lines at a time so the event
-- loop keeps serving between slices. The index still serves every look-up by claim alone.
DROP INDEX import_staged_entries_claim_idx;--> statement-breakpoint
CREATE INDEX import_staged_entries_claim_line_idx ON import_staged_entries (job_id, attempt, line);
