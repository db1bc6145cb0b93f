-- Rows of an import on their way in: validated and calculated by a worker, bulk-loaded here
-- with COPY, then merged into data_entries and emissions by one transaction. Unlogged: a crash
-- loses nothing that the job would not redo (a rerun clears its own rows first). Not part of
-- the Drizzle schema: only the import pipeline's SQL touches it.
CREATE UNLOGGED TABLE import_staged_entries (
  job_id uuid NOT NULL,
  line integer NOT NULL,
  entry_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  fields jsonb NOT NULL,
  note text,
  kg_override double precision,
  kg_co2eq double precision NOT NULL,
  flags jsonb NOT NULL,
  emissions jsonb NOT NULL
);--> statement-breakpoint
CREATE INDEX import_staged_entries_job_idx ON import_staged_entries (job_id);
