import { date, pgTable, serial, text } from "drizzle-orm/pg-core";

/** A publication, document or data file that figures come from. */
export const sources = pgTable("sources", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  url: text("url"),
  /** For the Plan's own documents: the file in shared/seed-documents. */
  documentName: text("document_name"),
  licence: text("licence").notNull().default(""),
  publishedOn: date("published_on"),
});
