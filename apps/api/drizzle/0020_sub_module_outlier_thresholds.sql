-- A sub-module may have its own outlier threshold in a year, in place of its module's: a flight
-- and a train ride of the same kg are not equally unusual.
ALTER TABLE "year_modules" ADD COLUMN "sub_module_thresholds_kg" jsonb DEFAULT '{}'::jsonb NOT NULL;