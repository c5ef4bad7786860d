CREATE TABLE "area_boundaries" (
	"area_id" integer PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"label_x" real NOT NULL,
	"label_y" real NOT NULL,
	"source_file" text NOT NULL,
	CONSTRAINT "area_boundaries_path_not_empty" CHECK (length("area_boundaries"."path") > 0)
);
--> statement-breakpoint
ALTER TABLE "area_boundaries" ADD CONSTRAINT "area_boundaries_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;