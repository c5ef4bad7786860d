CREATE TABLE "figure_queries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"breakdown_id" integer NOT NULL,
	"question" text NOT NULL,
	"suggested_value" text DEFAULT '' NOT NULL,
	"raised_by_user_id" integer NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by_user_id" integer,
	"answered_at" timestamp with time zone,
	CONSTRAINT "figure_queries_status" CHECK ("figure_queries"."status" in ('open', 'figure_stands', 'corrected')),
	CONSTRAINT "figure_queries_answered" CHECK (("figure_queries"."status" = 'open') = ("figure_queries"."answer" is null and "figure_queries"."answered_by_user_id" is null and "figure_queries"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "figure_queries" ADD CONSTRAINT "figure_queries_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_queries" ADD CONSTRAINT "figure_queries_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_queries" ADD CONSTRAINT "figure_queries_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_queries" ADD CONSTRAINT "figure_queries_breakdown_id_breakdowns_id_fk" FOREIGN KEY ("breakdown_id") REFERENCES "public"."breakdowns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_queries" ADD CONSTRAINT "figure_queries_raised_by_user_id_users_id_fk" FOREIGN KEY ("raised_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_queries" ADD CONSTRAINT "figure_queries_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figure_queries_figure" ON "figure_queries" USING btree ("indicator_id","area_id","period_id");--> statement-breakpoint
CREATE INDEX "figure_queries_open" ON "figure_queries" USING btree ("status");