CREATE TYPE "public"."uncertainty" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."module_status" AS ENUM('not_started', 'in_progress', 'validated');--> statement-breakpoint
CREATE TYPE "public"."report_kind" AS ENUM('official', 'simulation');--> statement-breakpoint
CREATE TYPE "public"."entry_source" AS ENUM('manual', 'backoffice-csv', 'unit-csv', 'api-feed', 'computed');--> statement-breakpoint
CREATE TABLE "year_modules" (
	"year" integer NOT NULL,
	"module" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sub_modules" text[],
	"outlier_threshold_kg" numeric,
	"uncertainty" "uncertainty",
	CONSTRAINT "year_modules_year_module_pk" PRIMARY KEY("year","module")
);
--> statement-breakpoint
CREATE TABLE "years" (
	"year" integer PRIMARY KEY NOT NULL,
	"open" boolean DEFAULT false NOT NULL,
	"reduction_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_modules" (
	"report_id" uuid NOT NULL,
	"module" text NOT NULL,
	"status" "module_status" DEFAULT 'not_started' NOT NULL,
	"total_kg" double precision DEFAULT 0 NOT NULL,
	"stats" jsonb,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_modules_report_id_module_pk" PRIMARY KEY("report_id","module")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" "report_kind" DEFAULT 'official' NOT NULL,
	"owner_id" uuid,
	"validated_kg" double precision DEFAULT 0 NOT NULL,
	"total_kg" double precision DEFAULT 0 NOT NULL,
	"validated_modules" integer DEFAULT 0 NOT NULL,
	"enabled_modules" integer DEFAULT 0 NOT NULL,
	"fte" double precision,
	"stats" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_simulation_owner" CHECK (("reports"."kind" = 'simulation') = ("reports"."owner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "data_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"module" text NOT NULL,
	"sub_module" text NOT NULL,
	"entry_type" text NOT NULL,
	"fields" jsonb NOT NULL,
	"source" "entry_source" DEFAULT 'manual' NOT NULL,
	"note" text,
	"kg_override" double precision,
	"kg_co2eq" double precision DEFAULT 0 NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"traveller_id" uuid,
	"import_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"module" text NOT NULL,
	"emission_type" text NOT NULL,
	"scope" smallint NOT NULL,
	"category" text NOT NULL,
	"kg_co2eq" double precision NOT NULL,
	"quantity" double precision,
	"quantity_unit" text,
	"factor_ids" text[] DEFAULT '{}' NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emissions_scope" CHECK ("emissions"."scope" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"factor_set" text NOT NULL,
	"year" integer NOT NULL,
	"emission_type" text,
	"classification" jsonb NOT NULL,
	"classification_key" text NOT NULL,
	"values" jsonb NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"citation" text,
	"stale" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "factors_identity" UNIQUE NULLS NOT DISTINCT("factor_set","year","emission_type","classification_key")
);
--> statement-breakpoint
CREATE TABLE "airports" (
	"iata" char(3) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"country" char(2) NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(immutable_unaccent(iata || ' ' || name || ' ' || coalesce(city, '')))) STORED
);
--> statement-breakpoint
CREATE TABLE "building_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building" text NOT NULL,
	"room" text NOT NULL,
	"room_type" text NOT NULL,
	"area_m2" double precision NOT NULL,
	CONSTRAINT "building_rooms_building_room" UNIQUE("building","room")
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"year" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"units_per_eur" double precision NOT NULL,
	"source" text,
	CONSTRAINT "exchange_rates_year_currency_pk" PRIMARY KEY("year","currency")
);
--> statement-breakpoint
CREATE TABLE "railway_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"country" char(2) NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(immutable_unaccent(name))) STORED,
	CONSTRAINT "railway_stations_name_country" UNIQUE("name","country")
);
--> statement-breakpoint
ALTER TABLE "year_modules" ADD CONSTRAINT "year_modules_year_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_modules" ADD CONSTRAINT "report_modules_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_modules" ADD CONSTRAINT "report_modules_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_year_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_entries" ADD CONSTRAINT "data_entries_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_entries" ADD CONSTRAINT "data_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_entries" ADD CONSTRAINT "data_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_entries" ADD CONSTRAINT "data_entries_traveller_id_users_id_fk" FOREIGN KEY ("traveller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emissions" ADD CONSTRAINT "emissions_entry_id_data_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."data_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_modules_status_idx" ON "report_modules" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_official_unit_year" ON "reports" USING btree ("unit_id","year") WHERE "reports"."kind" = 'official';--> statement-breakpoint
CREATE INDEX "reports_year_idx" ON "reports" USING btree ("year");--> statement-breakpoint
CREATE INDEX "data_entries_report_module_idx" ON "data_entries" USING btree ("report_id","module","sub_module");--> statement-breakpoint
CREATE INDEX "data_entries_unit_year_idx" ON "data_entries" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "data_entries_year_submodule_source_idx" ON "data_entries" USING btree ("year","sub_module","source");--> statement-breakpoint
CREATE INDEX "data_entries_created_by_idx" ON "data_entries" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "data_entries_traveller_idx" ON "data_entries" USING btree ("traveller_id");--> statement-breakpoint
CREATE INDEX "emissions_entry_idx" ON "emissions" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "emissions_report_module_idx" ON "emissions" USING btree ("report_id","module");--> statement-breakpoint
CREATE INDEX "factors_year_set_idx" ON "factors" USING btree ("year","factor_set");--> statement-breakpoint
CREATE INDEX "airports_search_idx" ON "airports" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "railway_stations_search_idx" ON "railway_stations" USING gin ("search_text" gin_trgm_ops);