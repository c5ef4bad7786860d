CREATE TYPE "public"."family_hub_kind" AS ENUM('site', 'outreach', 'online');--> statement-breakpoint
CREATE TYPE "public"."reference_kind" AS ENUM('localities', 'lookup', 'family_hubs');--> statement-breakpoint
CREATE TABLE "area_lookups" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"member_area_id" integer NOT NULL,
	"group_area_id" integer NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"population" double precision,
	CONSTRAINT "area_lookups_validity_ordered" CHECK ("area_lookups"."valid_to" is null or "area_lookups"."valid_from" is null or "area_lookups"."valid_to" >= "area_lookups"."valid_from"),
	CONSTRAINT "area_lookups_population_nonnegative" CHECK ("area_lookups"."population" is null or "area_lookups"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "family_hubs" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "family_hub_kind" NOT NULL,
	"locality_area_id" integer,
	"lag_area_id" integer,
	"opened_on" date,
	"closed_on" date,
	"address" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "family_hubs_version_code" UNIQUE("version_id","code"),
	CONSTRAINT "family_hubs_dates_ordered" CHECK ("family_hubs"."closed_on" is null or "family_hubs"."opened_on" is null or "family_hubs"."closed_on" >= "family_hubs"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "locality_definitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "locality_definitions_version_code" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "reference_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "reference_kind" NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"row_count" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"is_illustrative" boolean DEFAULT false NOT NULL,
	"restores_version_id" integer,
	"created_by_user_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_versions_kind_version" UNIQUE("kind","version"),
	CONSTRAINT "reference_versions_version_positive" CHECK ("reference_versions"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "area_lookups" ADD CONSTRAINT "area_lookups_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_lookups" ADD CONSTRAINT "area_lookups_member_area_id_areas_id_fk" FOREIGN KEY ("member_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_lookups" ADD CONSTRAINT "area_lookups_group_area_id_areas_id_fk" FOREIGN KEY ("group_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_hubs" ADD CONSTRAINT "family_hubs_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_hubs" ADD CONSTRAINT "family_hubs_locality_area_id_areas_id_fk" FOREIGN KEY ("locality_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_hubs" ADD CONSTRAINT "family_hubs_lag_area_id_areas_id_fk" FOREIGN KEY ("lag_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_definitions" ADD CONSTRAINT "locality_definitions_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_definitions" ADD CONSTRAINT "locality_definitions_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_versions" ADD CONSTRAINT "reference_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_lookups_version_group" ON "area_lookups" USING btree ("version_id","group_area_id");--> statement-breakpoint
CREATE INDEX "family_hubs_version_locality" ON "family_hubs" USING btree ("version_id","locality_area_id");