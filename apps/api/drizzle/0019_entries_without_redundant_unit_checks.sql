-- The report's foreign key already ties an entry to an existing unit; the unit's own check, once
-- per row, and an index no query uses made a bulk import of a million rows seconds slower.
ALTER TABLE "data_entries" DROP CONSTRAINT "data_entries_unit_id_units_id_fk";
--> statement-breakpoint
DROP INDEX "data_entries_unit_year_idx";