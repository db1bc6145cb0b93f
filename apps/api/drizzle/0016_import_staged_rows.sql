-- Rows of a back-office import (factors, reference data) on their way in: decoded and checked
-- by a worker, bulk-loaded here with COPY, then merged into their table by one transaction, so
-- a file of any size is read with bounded memory and changes nothing unless it all commits.
-- `data` is the decoded row as JSON; each target's merge reads the fields it needs. Unlogged:
-- a crash loses nothing that the job would not redo (a run clears its own rows first). Not
-- part of the Drizzle schema: only the import pipeline's SQL touches it.
CREATE UNLOGGED TABLE import_staged_rows (
  job_id uuid NOT NULL,
  line integer NOT NULL,
  data jsonb NOT NULL
);--> statement-breakpoint
CREATE INDEX import_staged_rows_job_idx ON import_staged_rows (job_id);
