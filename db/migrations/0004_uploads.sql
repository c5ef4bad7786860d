CREATE TYPE "public"."upload_status" AS ENUM('refused', 'ready', 'published', 'discarded');--> statement-breakpoint
CREATE TABLE "source_mappings" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"indicator_id" integer NOT NULL,
	"spec" jsonb NOT NULL,
	CONSTRAINT "source_mappings_kind_key" UNIQUE("kind","key"),
	CONSTRAINT "source_mappings_kind" CHECK ("source_mappings"."kind" in ('lait', 'ees'))
);
--> statement-breakpoint
CREATE TABLE "upload_files" (
	"upload_id" integer PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"format" text NOT NULL,
	"dataset_code" text NOT NULL,
	"status" "upload_status" NOT NULL,
	"report" jsonb NOT NULL,
	"uploaded_by_user_id" integer,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_version_id" integer
);
--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD COLUMN "restores_version_id" integer;--> statement-breakpoint
ALTER TABLE "source_mappings" ADD CONSTRAINT "source_mappings_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_files" ADD CONSTRAINT "upload_files_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_published_version_id_dataset_versions_id_fk" FOREIGN KEY ("published_version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE no action ON UPDATE no action;