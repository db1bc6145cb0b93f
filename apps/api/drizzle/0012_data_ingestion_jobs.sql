CREATE TYPE "public"."job_state" AS ENUM('queued', 'running', 'succeeded', 'warning', 'failed', 'cancelled');--> statement-breakpoint
CREATE SEQUENCE "public"."data_ingestion_job_events" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "data_ingestion_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target" text,
	"year" integer,
	"module" text,
	"sub_module" text,
	"unit_id" uuid,
	"mode" text,
	"state" "job_state" DEFAULT 'queued' NOT NULL,
	"phase" text,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run" integer DEFAULT 1 NOT NULL,
	"next_retry_at" timestamp with time zone,
	"error" text,
	"file_key" text,
	"filename" text,
	"file_sha256" text,
	"result_key" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"event_id" bigint DEFAULT nextval('data_ingestion_job_events') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_ingestion_jobs" ADD CONSTRAINT "data_ingestion_jobs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_ingestion_jobs" ADD CONSTRAINT "data_ingestion_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_created_idx" ON "data_ingestion_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_pipeline_idx" ON "data_ingestion_jobs" USING btree ("pipeline_id");--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_unit_idx" ON "data_ingestion_jobs" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_state_idx" ON "data_ingestion_jobs" USING btree ("state","kind");--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_year_idx" ON "data_ingestion_jobs" USING btree ("year");--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_event_idx" ON "data_ingestion_jobs" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "data_ingestion_jobs_file_idx" ON "data_ingestion_jobs" USING btree ("file_sha256");