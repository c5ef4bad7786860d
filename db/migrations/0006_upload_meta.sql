ALTER TABLE "upload_files" ADD COLUMN "meta_file_name" text;--> statement-breakpoint
ALTER TABLE "upload_files" ADD COLUMN "meta_content" "bytea";