CREATE TYPE "public"."area_type" AS ENUM('country', 'region', 'local_authority', 'locality', 'lag_area', 'school', 'ward', 'lsoa');--> statement-breakpoint
CREATE TYPE "public"."dataset_version_status" AS ENUM('draft', 'published', 'superseded', 'rolled_back');--> statement-breakpoint
CREATE TYPE "public"."observation_status" AS ENUM('value', 'c', 'x', 'z', 'low', 'u');--> statement-breakpoint
CREATE TYPE "public"."period_type" AS ENUM('academic_year', 'financial_year', 'calendar_year', 'reporting_year', 'quarter', 'month', 'term', 'week', 'date');--> statement-breakpoint
CREATE TYPE "public"."polarity" AS ENUM('higher_is_better', 'lower_is_better', 'none');--> statement-breakpoint
CREATE TYPE "public"."value_type" AS ENUM('proportion', 'rate', 'count', 'mean', 'other');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('viewer', 'locality_lead', 'analyst', 'administrator');--> statement-breakpoint
CREATE TABLE "area_aliases" (
	"area_id" integer NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "area_aliases_alias_area_id_pk" PRIMARY KEY("alias","area_id")
);
--> statement-breakpoint
CREATE TABLE "area_group_members" (
	"group_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"position" integer NOT NULL,
	"closeness" text DEFAULT '' NOT NULL,
	CONSTRAINT "area_group_members_group_id_area_id_pk" PRIMARY KEY("group_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "area_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"anchor_area_id" integer,
	"source_id" integer,
	CONSTRAINT "area_groups_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"type" "area_type" NOT NULL,
	"name" text NOT NULL,
	"ons_code" text,
	"dfe_code" text,
	"parent_id" integer,
	"valid_from" date,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "areas_code_unique" UNIQUE("code"),
	CONSTRAINT "areas_validity_ordered" CHECK ("areas"."valid_to" is null or "areas"."valid_from" is null or "areas"."valid_to" >= "areas"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"dataset_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" "dataset_version_status" DEFAULT 'draft' NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"observation_count" integer DEFAULT 0 NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "dataset_versions_dataset_version" UNIQUE("dataset_id","version"),
	CONSTRAINT "dataset_versions_version_positive" CHECK ("dataset_versions"."version" > 0),
	CONSTRAINT "dataset_versions_published_has_date" CHECK ("dataset_versions"."status" = 'draft' or "dataset_versions"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"source_id" integer,
	CONSTRAINT "datasets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "indicator_priorities" (
	"indicator_id" integer NOT NULL,
	"priority_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"is_headline" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_priorities_indicator_id_priority_id_pk" PRIMARY KEY("indicator_id","priority_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"definition" text NOT NULL,
	"numerator" text DEFAULT '' NOT NULL,
	"denominator" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"decimal_places" integer NOT NULL,
	"multiplier" integer DEFAULT 1 NOT NULL,
	"value_type" "value_type" NOT NULL,
	"polarity" "polarity" NOT NULL,
	"period_type" "period_type" NOT NULL,
	"source_id" integer,
	"caveats" text DEFAULT '' NOT NULL,
	"suppress_below" integer,
	"no_significance" boolean DEFAULT false NOT NULL,
	"last_updated" date,
	"next_update" text,
	CONSTRAINT "indicators_code_unique" UNIQUE("code"),
	CONSTRAINT "indicators_decimal_places" CHECK ("indicators"."decimal_places" between 0 and 6),
	CONSTRAINT "indicators_multiplier" CHECK ("indicators"."multiplier" > 0),
	CONSTRAINT "indicators_suppress_below" CHECK ("indicators"."suppress_below" is null or "indicators"."suppress_below" >= 0)
);
--> statement-breakpoint
CREATE TABLE "breakdowns" (
	"id" serial PRIMARY KEY NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "breakdowns_dimension_value" UNIQUE("dimension","value")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"breakdown_id" integer NOT NULL,
	"status" "observation_status" NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"lower_ci" double precision,
	"upper_ci" double precision,
	"is_provisional" boolean DEFAULT false NOT NULL,
	"is_revised" boolean DEFAULT false NOT NULL,
	"is_illustrative" boolean DEFAULT false NOT NULL,
	"is_disputed" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source_id" integer,
	"source_locator" text DEFAULT '' NOT NULL,
	"dataset_version_id" integer NOT NULL,
	"superseded_by_version_id" integer,
	CONSTRAINT "observations_value_matches_status" CHECK (("observations"."status" = 'value') = ("observations"."value" is not null) or "observations"."status" = 'u'),
	CONSTRAINT "observations_denominator_nonnegative" CHECK ("observations"."denominator" is null or "observations"."denominator" >= 0),
	CONSTRAINT "observations_numerator_nonnegative" CHECK ("observations"."numerator" is null or "observations"."numerator" >= 0),
	CONSTRAINT "observations_ci_ordered" CHECK ("observations"."lower_ci" is null or "observations"."upper_ci" is null or "observations"."lower_ci" <= "observations"."upper_ci")
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" "period_type" NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "periods_type_code" UNIQUE("type","code"),
	CONSTRAINT "periods_dates_ordered" CHECK ("periods"."ends_on" >= "periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"published_on" date,
	"is_current" boolean DEFAULT false NOT NULL,
	CONSTRAINT "plans_code_unique" UNIQUE("code"),
	CONSTRAINT "plans_dates_ordered" CHECK ("plans"."ends_on" >= "plans"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "priorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"aims" text DEFAULT '' NOT NULL,
	CONSTRAINT "priorities_plan_code" UNIQUE("plan_id","code"),
	CONSTRAINT "priorities_plan_position" UNIQUE("plan_id","position"),
	CONSTRAINT "priorities_id_plan" UNIQUE("id","plan_id"),
	CONSTRAINT "priorities_position_positive" CHECK ("priorities"."position" > 0)
);
--> statement-breakpoint
CREATE TABLE "priority_mappings" (
	"from_priority_id" integer NOT NULL,
	"to_priority_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "priority_mappings_from_priority_id_to_priority_id_pk" PRIMARY KEY("from_priority_id","to_priority_id"),
	CONSTRAINT "priority_mappings_distinct" CHECK ("priority_mappings"."from_priority_id" <> "priority_mappings"."to_priority_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"url" text,
	"document_name" text,
	"licence" text DEFAULT '' NOT NULL,
	"published_on" date,
	CONSTRAINT "sources_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_tokens_name" CHECK (length("api_tokens"."name") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_kind" text NOT NULL,
	"action" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer,
	"data" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_areas" (
	"user_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "user_areas_user_id_area_id_pk" PRIMARY KEY("user_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text,
	"oidc_subject" text,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_shape" CHECK ("users"."email" like '%_@_%')
);
--> statement-breakpoint
ALTER TABLE "area_aliases" ADD CONSTRAINT "area_aliases_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_group_members" ADD CONSTRAINT "area_group_members_group_id_area_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."area_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_group_members" ADD CONSTRAINT "area_group_members_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_groups" ADD CONSTRAINT "area_groups_anchor_area_id_areas_id_fk" FOREIGN KEY ("anchor_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_groups" ADD CONSTRAINT "area_groups_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_priorities" ADD CONSTRAINT "indicator_priorities_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_priorities" ADD CONSTRAINT "indicator_priorities_priority_id_plan_id_priorities_id_plan_id_fk" FOREIGN KEY ("priority_id","plan_id") REFERENCES "public"."priorities"("id","plan_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_breakdown_id_breakdowns_id_fk" FOREIGN KEY ("breakdown_id") REFERENCES "public"."breakdowns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_dataset_version_id_dataset_versions_id_fk" FOREIGN KEY ("dataset_version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_superseded_by_version_id_dataset_versions_id_fk" FOREIGN KEY ("superseded_by_version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_mappings" ADD CONSTRAINT "priority_mappings_from_priority_id_priorities_id_fk" FOREIGN KEY ("from_priority_id") REFERENCES "public"."priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_mappings" ADD CONSTRAINT "priority_mappings_to_priority_id_priorities_id_fk" FOREIGN KEY ("to_priority_id") REFERENCES "public"."priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_aliases_area" ON "area_aliases" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_ons_code" ON "areas" USING btree ("ons_code");--> statement-breakpoint
CREATE INDEX "areas_type_dfe_code" ON "areas" USING btree ("type","dfe_code");--> statement-breakpoint
CREATE INDEX "areas_parent" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "dataset_versions_sha" ON "dataset_versions" USING btree ("dataset_id","file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_priorities_one_primary_per_plan" ON "indicator_priorities" USING btree ("indicator_id","plan_id") WHERE "indicator_priorities"."is_primary";--> statement-breakpoint
CREATE INDEX "indicator_priorities_priority" ON "indicator_priorities" USING btree ("priority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_current_key" ON "observations" USING btree ("indicator_id","area_id","period_id","breakdown_id") WHERE "observations"."superseded_by_version_id" is null;--> statement-breakpoint
CREATE INDEX "observations_current_area" ON "observations" USING btree ("area_id","indicator_id") WHERE "observations"."superseded_by_version_id" is null;--> statement-breakpoint
CREATE INDEX "observations_version" ON "observations" USING btree ("dataset_version_id");--> statement-breakpoint
CREATE INDEX "api_tokens_user" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_action" ON "audit_events" USING btree ("action");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject" ON "users" USING btree ("oidc_subject");