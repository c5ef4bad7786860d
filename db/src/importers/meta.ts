import { basename } from "node:path";
import { InputError } from "../domain/types.ts";
import { readCsvRecords } from "./csv.ts";

/** One column of an Explore Education Statistics `.meta.csv`. */
export interface EesMetaColumn {
  name: string;
  type: "Filter" | "Indicator";
  label: string;
  /** As written: blank, `%`, `pp`, `£`, `£m`. */
  unit: string;
  /** Decimal places to show, when the file gives them. */
  decimalPlaces: number | undefined;
  row: number;
}

/** What LAIT's data dictionary says of one measure (its `Measure_short`). */
export interface LaitDictionaryEntry {
  shortDesc: string;
  title: string;
  description: string;
  /** `Academic Year`, `Financial Year`, `Calendar Year`, `Annual`, `Annual - January`. */
  yearType: string;
  unit: string;
  decimalPlaces: number | undefined;
  polarity: string;
}

async function readTable(path: string, fileLabel: string, needed: string[]) {
  const csv = await readCsvRecords(path, { fileLabel });
  const names = csv.header.map((name) => name.trim());
  for (const column of needed) {
    if (!names.includes(column)) {
      await csv.records.return?.();
      throw new InputError(
        { file: fileLabel, row: 1, column },
        `missing column ${column}: expected ${needed.join(", ")}`,
      );
    }
  }
  const rows: { row: number; cell: (column: string) => string }[] = [];
  try {
    for await (const record of csv.records) {
      rows.push({
        row: record.row,
        cell: (column) => {
          const at = names.indexOf(column);
          return at === -1 ? "" : (record.cells[at] ?? "").trim();
        },
      });
    }
  } finally {
    await csv.records.return?.();
  }
  return rows;
}

function decimalPlacesOf(raw: string, location: { file: string; row: number; column: string }): number | undefined {
  if (raw === "" || raw === "NA") return undefined;
  if (!/^\d$/.test(raw)) throw new InputError(location, "decimal places must be a whole number from 0 to 6", raw);
  const places = Number(raw);
  if (places > 6) throw new InputError(location, "decimal places must be a whole number from 0 to 6", raw);
  return places;
}

/** Reads an Explore Education Statistics `.meta.csv`: each filter and indicator column with its label and unit. */
export async function readEesMeta(path: string, fileLabel = basename(path)): Promise<EesMetaColumn[]> {
  const rows = await readTable(path, fileLabel, ["col_name", "col_type", "label"]);
  const seen = new Map<string, number>();
  return rows.map(({ row, cell }) => {
    const name = cell("col_name");
    const type = cell("col_type");
    if (name === "") throw new InputError({ file: fileLabel, row, column: "col_name" }, "col_name is blank", name);
    if (type !== "Filter" && type !== "Indicator") {
      throw new InputError({ file: fileLabel, row, column: "col_type" }, "col_type must be Filter or Indicator", type);
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InputError(
        { file: fileLabel, row, column: "col_name" },
        `column ${name} is already described in row ${earlier}`,
        name,
      );
    }
    seen.set(name, row);
    return {
      name,
      type,
      label: cell("label") || name,
      unit: cell("indicator_unit"),
      decimalPlaces: decimalPlacesOf(cell("indicator_dp"), { file: fileLabel, row, column: "indicator_dp" }),
      row,
    };
  });
}

/** Reads LAIT's data dictionary; a measure listed more than once keeps its first record. */
export async function readLaitDictionary(path: string, fileLabel = basename(path)): Promise<LaitDictionaryEntry[]> {
  const rows = await readTable(path, fileLabel, ["Measure_short", "Year_Type"]);
  const entries = new Map<string, LaitDictionaryEntry>();
  for (const { cell } of rows) {
    const shortDesc = cell("Measure_short");
    if (shortDesc === "" || entries.has(shortDesc)) continue;
    const places = cell("dps");
    entries.set(shortDesc, {
      shortDesc,
      title: cell("Chart_title") || cell("Measure") || shortDesc,
      description: cell("Description"),
      yearType: cell("Year_Type"),
      unit: cell("y_axis_name"),
      decimalPlaces: /^\d$/.test(places) ? Math.min(6, Number(places)) : undefined,
      polarity: cell("Polarity"),
    });
  }
  return [...entries.values()];
}

/** Which kind of companion file a header is: an EES `.meta.csv` or LAIT's data dictionary. */
export function metaKindOf(header: string[]): "ees" | "lait" | undefined {
  const names = header.map((name) => name.trim());
  if (names.includes("col_name") && names.includes("col_type")) return "ees";
  if (names.includes("Measure_short") && names.includes("Year_Type")) return "lait";
  return undefined;
}
