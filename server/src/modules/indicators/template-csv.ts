import type { Database } from "@plan-outcomes/db";
import { TEMPLATE_COLUMNS } from "@plan-outcomes/db/importers";
import { stringify } from "csv-stringify/sync";
import { listAreas } from "../areas/areas.service.ts";
import { getIndicator } from "./indicators.service.ts";

/**
 * The template an analyst fills in for local figures: the indicator's code and every current locality
 * and LAG area, the period and values left for them (a blank value is refused, so nothing is loaded
 * by accident).
 */
export async function indicatorTemplateCsv(db: Database, code: string): Promise<{ fileName: string; csv: string }> {
  const indicator = await getIndicator(db, code);
  const today = new Date().toISOString().slice(0, 10);
  const current = (area: { validTo: string | null }) => area.validTo === null || area.validTo >= today;
  const areas = [...(await listAreas(db, "locality")), ...(await listAreas(db, "lag_area"))].filter(current);
  const rows = areas.map((area) => [indicator.code, area.code, "", "", "", "", "", ""]);
  return {
    fileName: `${indicator.code}-template.csv`,
    csv: stringify(rows, { header: true, columns: [...TEMPLATE_COLUMNS] }),
  };
}
