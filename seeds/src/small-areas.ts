import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { type AreaDefinition, DORSET } from "./catalogue/areas.ts";
import type { FigureDefinition } from "./catalogue/figures.ts";

/**
 * Dorset's wards and LSOAs, so analysts can place them in localities (the lookup), and each LSOA's
 * IMD 2019 rank, which the lookup turns into a locality's deprivation.
 */
export const WARD_FILE = "geo_hierarchy_wards_dorset_bcp.csv";
export const IMD_FILE = "imd2019_lsoa_dorset_bcp.csv";
export const IMD_INDICATOR = "imd-2019-rank";

type Row = Record<string, string>;
const readRows = (path: string): Row[] =>
  parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });

/** Dorset Council's wards as DfE's geography hierarchy lists them in its latest year. */
export function readDorsetWards(dataDir: string): AreaDefinition[] {
  const path = join(dataDir, WARD_FILE);
  if (!existsSync(path)) return [];
  const rows = readRows(path).filter((row) => row.new_la_code === DORSET);
  const latest = Math.max(...rows.map((row) => Number(row.most_recent_year_included)));
  const wards = new Map<string, AreaDefinition>();
  for (const row of rows) {
    if (Number(row.most_recent_year_included) !== latest || !row.ward_code) continue;
    wards.set(row.ward_code, {
      code: row.ward_code,
      type: "ward",
      name: row.ward_name as string,
      onsCode: row.ward_code,
      parent: DORSET,
      note: `Electoral ward, from DfE's geography hierarchy (${row.first_available_year_included} to ${row.most_recent_year_included}).`,
    });
  }
  return [...wards.values()];
}

export interface DorsetLsoa {
  code: string;
  name: string;
  imdRank: number;
}

export function readDorsetLsoas(dataDir: string): DorsetLsoa[] {
  const path = join(dataDir, IMD_FILE);
  if (!existsSync(path)) return [];
  return readRows(path)
    .filter((row) => row["Local Authority District code (2019)"] === DORSET)
    .map((row) => ({
      code: row["LSOA code (2011)"] as string,
      name: row["LSOA name (2011)"] as string,
      imdRank: Number(row["Index of Multiple Deprivation (IMD) Rank"]),
    }));
}

export const lsoaAreas = (lsoas: DorsetLsoa[]): AreaDefinition[] =>
  lsoas.map((lsoa) => ({
    code: lsoa.code,
    type: "lsoa",
    name: lsoa.name,
    onsCode: lsoa.code,
    parent: DORSET,
    note: "Lower layer super output area (2011 boundaries).",
  }));

export const imdFigures = (lsoas: DorsetLsoa[]): FigureDefinition[] =>
  lsoas.map((lsoa, index) => ({
    indicator: IMD_INDICATOR,
    area: lsoa.code,
    period: { timePeriod: "2019", timeIdentifier: "Calendar year" },
    value: lsoa.imdRank,
    source: "mhclg-imd-2019",
    locator: `${IMD_FILE}, row ${index + 2}`,
  }));
