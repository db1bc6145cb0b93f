CREATE TABLE "research_facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid,
	"declared_kg" double precision,
	"use_unit" text NOT NULL,
	"total_use" double precision NOT NULL,
	"computing" boolean DEFAULT false NOT NULL,
	CONSTRAINT "research_facilities_year_name" UNIQUE("year","name"),
	CONSTRAINT "research_facilities_footprint" CHECK ("research_facilities"."unit_id" is not null or "research_facilities"."declared_kg" is not null),
	CONSTRAINT "research_facilities_total_use" CHECK ("research_facilities"."total_use" > 0)
);
--> statement-breakpoint
ALTER TABLE "research_facilities" ADD CONSTRAINT "research_facilities_year_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_facilities" ADD CONSTRAINT "research_facilities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;