CREATE TYPE "public"."unit_type" AS ENUM('organisation', 'lab', 'platform', 'service');--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_id" uuid,
	"path" text DEFAULT '' NOT NULL,
	"type" "unit_type" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(immutable_unaccent(code || ' ' || name_en || ' ' || name_fr))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code"),
	CONSTRAINT "units_level_range" CHECK ("units"."level" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_level_code_idx" ON "units" USING btree ("level","code");--> statement-breakpoint
CREATE INDEX "units_path_idx" ON "units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "units_search_idx" ON "units" USING gin ("search_text" gin_trgm_ops);