ALTER TABLE "source_mappings" DROP CONSTRAINT "source_mappings_kind_key";--> statement-breakpoint
ALTER TABLE "source_mappings" ADD COLUMN "layout" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "upload_files" ADD COLUMN "sheet_name" text;--> statement-breakpoint
ALTER TABLE "source_mappings" ADD CONSTRAINT "source_mappings_kind_layout_key" UNIQUE("kind","layout","key");