import { databaseChecksum } from "@plan-outcomes/db";
import type { Upload } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import {
  CARE_LEAVERS_ROWS,
  careLeaversTemplate,
  headerOnly,
  LAIT_ROWS,
  laitAbsenceTemplate,
  lastRow,
  renderCsv,
  type Table,
  withBytes,
  withCell,
  withCells,
  withColumn,
  withColumnsFirst,
  withEveryRow,
  withoutColumns,
  withRepeatedRow,
} from "../support/corpus.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/**
 * Issue 4, "Done when": a corpus of malformed files, each breaking one rule of the validation list,
 * each refused through the upload API with its located error, and nothing published changed.
 */

/** Tables that record upload attempts (and who did what): a refused file may write only these. */
const ATTEMPT_TABLES = ["uploads", "upload_files", "audit_events", "sessions", "users", "user_areas"];

const careLeavers = careLeaversTemplate();
const lait = laitAbsenceTemplate();
const csv = (table: Table) => renderCsv(table);
const { dorsetEet19to21, dorsetEet17to18, dorsetTotal19to21, dorsetNotEet19to21, southWestEet19to21 } =
  CARE_LEAVERS_ROWS;

interface Refusal {
  /** Read as "refuses ...". */
  name: string;
  fileName: string;
  content: string | Buffer;
  row: number;
  /** The column named in the problem; null where none applies (the file as a whole, a row's length). */
  column: string | null;
  reason: RegExp;
  /** The raw value reported, where the rule is about one cell. */
  value?: string | null;
}

/** A value in Dorset's 19-21 EET percentage (the figure the Board watches), row 13. */
const badPercentValue = (slug: string, value: string, reason: RegExp): Refusal => ({
  name: `the value ${JSON.stringify(value)} in a figure`,
  fileName: `care-leavers-value-${slug}.csv`,
  content: csv(withCell(careLeavers, dorsetEet19to21, "care_leaver_percent", value)),
  row: dorsetEet19to21,
  column: "care_leaver_percent",
  reason,
  value,
});

const NOT_A_FIGURE = /^not a number or a known symbol/;

const refusals: Refusal[] = [
  // --- The file as a whole --------------------------------------------------------------------
  {
    name: "an empty file",
    fileName: "empty.csv",
    content: "",
    row: 1,
    column: null,
    reason: /^the file is empty: expected a header row/,
  },
  {
    name: "a file of blank lines",
    fileName: "blank-lines.csv",
    content: "\r\n\r\n\r\n",
    row: 1,
    column: null,
    reason: /^the file is empty/,
  },
  {
    name: "a file holding only a byte-order mark",
    fileName: "bom-only.csv",
    content: "\ufeff",
    row: 1,
    column: null,
    reason: /^the file is empty/,
  },
  {
    name: "an Explore Education Statistics file with a header and no data rows",
    fileName: "care-leavers-header-only.csv",
    content: csv(headerOnly(careLeavers)),
    row: 2,
    column: null,
    reason: /^the file has a header row but no data rows/,
  },
  {
    name: "a LAIT file with a header and no data rows (a byte-order mark and blank lines after)",
    fileName: "lait-header-only.csv",
    content: `${renderCsv(headerOnly(lait), { bom: true, eol: "\r\n" })}\r\n\r\n`,
    row: 2,
    column: null,
    reason: /^the file has a header row but no data rows/,
  },
  // --- Invalid UTF-8 --------------------------------------------------------------------------
  {
    name: "a Windows-1252 é (invalid UTF-8) in a data row",
    fileName: "care-leavers-latin1.csv",
    content: withBytes(
      csv(withCell(careLeavers, dorsetTotal19to21, "breakdown", "Total @@")),
      "@@",
      [0xe9], // "é" as Windows-1252 writes it
    ),
    row: dorsetTotal19to21,
    column: null,
    reason: /^the file is not valid UTF-8 text: the byte at offset [\d,]+ just after ".*Total " .*CSV UTF-8/,
    value: "0xE9",
  },
  {
    name: "a Windows-1252 pound sign (invalid UTF-8) in the header row",
    fileName: "lait-latin1-header.csv",
    content: withBytes(csv(lait).replace("Data item", "Data item @@"), "@@", [0xa3]),
    row: 1,
    column: null,
    reason: /^the file is not valid UTF-8 text: the byte at offset 21 just after "Short Desc,Data item "/,
    value: "0xA3",
  },
  {
    name: "a UTF-8 character cut short at the end of the file",
    fileName: "lait-truncated.csv",
    content: withBytes(`${csv(lait).trimEnd()}@@`, "@@", [0xe2, 0x82]),
    row: lastRow(lait),
    column: null,
    reason: /^the file is not valid UTF-8 text/,
    value: "0xE2",
  },
  {
    name: "an encoded UTF-16 surrogate (invalid UTF-8) in a LAIT row",
    fileName: "lait-surrogate.csv",
    content: withBytes(csv(withCell(lait, LAIT_ROWS.england2023, "Data item", "@@")), "@@", [0xed, 0xa0, 0x80]),
    row: LAIT_ROWS.england2023,
    column: null,
    reason: /^the file is not valid UTF-8 text/,
    value: "0xED",
  },
  // --- Rows and cells -------------------------------------------------------------------------
  {
    name: "a row with too few cells",
    fileName: "care-leavers-short-row.csv",
    content: csv(careLeavers).replace(
      "South West,,,,17 to 18 years,Total,1240,100",
      "South West,,,,17 to 18 years,Total,1240",
    ),
    row: 6,
    column: "care_leaver_percent",
    reason: /^row has 13 cells, header has 14: the row ends before column care_leaver_percent/,
  },
  {
    name: "a row with too many cells (a comma left unquoted)",
    fileName: "care-leavers-long-row.csv",
    content: csv(careLeavers).replace(
      '19 to 21 years,"Total in education, employment or training",20760',
      "19 to 21 years,Total in education, employment or training,20760",
    ),
    row: CARE_LEAVERS_ROWS.englandEet19to21,
    column: null,
    reason: /^row has 15 cells, header has 14: check for an unquoted comma/,
  },
  {
    name: "a LAIT row with too few cells",
    fileName: "lait-short-row.csv",
    content: csv(lait).replace("2025,Dorset,7.49,838,South West", "2025,Dorset,7.49,838"),
    row: LAIT_ROWS.dorset2025,
    column: "Region",
    reason: /^row has 6 cells, header has 7/,
  },
  {
    name: "a cell over 10,000 characters",
    fileName: "care-leavers-long-cell.csv",
    content: csv(withCell(careLeavers, dorsetNotEet19to21, "breakdown", "x".repeat(10_001))),
    row: dorsetNotEet19to21,
    column: "breakdown",
    reason: /^cell is 10,001 characters long, over the limit of 10,000/,
    value: `${"x".repeat(40)}…`,
  },
  {
    name: "a LAIT cell over 10,000 characters",
    fileName: "lait-long-cell.csv",
    content: csv(withCell(lait, LAIT_ROWS.southWest2023, "Data item", "note ".repeat(2_500))),
    row: LAIT_ROWS.southWest2023,
    column: "Data item",
    reason: /^cell is 12,500 characters long/,
  },
  {
    name: "a quote left open",
    fileName: "care-leavers-open-quote.csv",
    content: csv(careLeavers).replace(
      '"Total in education, employment or training",129',
      '"Total in education, employment,129',
    ),
    row: dorsetEet19to21,
    column: null,
    reason: /^not readable as CSV: .*\(noticed at line 14\): a quoted cell must end at its closing quote/,
  },
  // --- Columns --------------------------------------------------------------------------------
  {
    name: "an Explore Education Statistics file without time_period",
    fileName: "care-leavers-no-time-period.csv",
    content: csv(withoutColumns(careLeavers, "time_period")),
    row: 1,
    column: "time_period",
    reason: /^missing column time_period: an Explore Education Statistics file needs time_period/,
  },
  {
    name: "an Explore Education Statistics file without time_identifier",
    fileName: "care-leavers-no-time-identifier.csv",
    content: csv(withoutColumns(careLeavers, "time_identifier")),
    row: 1,
    column: "time_identifier",
    reason: /^missing column time_identifier/,
  },
  {
    name: "an Explore Education Statistics file without geographic_level",
    fileName: "care-leavers-no-level.csv",
    content: csv(withoutColumns(careLeavers, "geographic_level")),
    row: 1,
    column: "geographic_level",
    reason: /^missing column geographic_level/,
  },
  {
    name: "local authority rows in a file without LA code columns",
    fileName: "care-leavers-no-la-codes.csv",
    content: csv(withoutColumns(careLeavers, "new_la_code", "old_la_code")),
    row: CARE_LEAVERS_ROWS.dorsetTotal17to18,
    column: "new_la_code",
    reason: /^Local authority rows need a new_la_code or old_la_code column .* this file has none/,
    value: "Local authority",
  },
  {
    name: "regional rows in a file without region columns",
    fileName: "care-leavers-no-region.csv",
    content: csv(withoutColumns(careLeavers, "region_code", "region_name")),
    row: 6,
    column: "region_code",
    reason: /^Regional rows need a region_code or region_name column/,
  },
  {
    name: "a LAIT file without its Years column",
    fileName: "lait-no-years.csv",
    content: csv(withoutColumns(lait, "Years")),
    row: 1,
    column: null,
    reason: /a LAIT file needs Short Desc, Years, /,
  },
  {
    name: "a LAIT file without its Region column",
    fileName: "lait-no-region.csv",
    content: csv(withoutColumns(lait, "Region")),
    row: 1,
    column: "Region",
    reason: /^missing column Region/,
  },
  // --- Geographic level -----------------------------------------------------------------------
  {
    name: "an unknown geographic level",
    fileName: "care-leavers-county-level.csv",
    content: csv(withCell(careLeavers, dorsetEet17to18, "geographic_level", "County")),
    row: dorsetEet17to18,
    column: "geographic_level",
    reason: /^unknown geographic_level: expected one of National, Regional, Local authority/,
    value: "County",
  },
  {
    name: "a geographic level in the wrong case",
    fileName: "care-leavers-level-case.csv",
    content: csv(withCell(careLeavers, 2, "geographic_level", "national")),
    row: 2,
    column: "geographic_level",
    reason: /^unknown geographic_level/,
    value: "national",
  },
  // --- Periods --------------------------------------------------------------------------------
  {
    name: "the academic year 202420 (inconsistent with its identifier)",
    fileName: "care-leavers-202420.csv",
    content: csv(withEveryRow(careLeavers, { time_period: "202420", time_identifier: "Academic year" })),
    row: 2,
    column: "time_period",
    reason: /^Academic year needs a six-digit time_period whose last two digits are the year after 2024 \(202425\)/,
    value: "202420",
  },
  {
    name: "a reporting year written as six digits",
    fileName: "care-leavers-202425-reporting.csv",
    content: csv(withEveryRow(careLeavers, { time_period: "202425" })),
    row: 2,
    column: "time_period",
    reason: /^Reporting year needs a four-digit year as time_period/,
    value: "202425",
  },
  {
    name: "a blank time_period",
    fileName: "care-leavers-blank-period.csv",
    content: csv(withCell(careLeavers, 7, "time_period", "")),
    row: 7,
    column: "time_period",
    reason: /^Reporting year needs a four-digit year/,
    value: "",
  },
  {
    name: "a year typed as 2205",
    fileName: "care-leavers-2205.csv",
    content: csv(withEveryRow(careLeavers, { time_period: "2205" })),
    row: 2,
    column: "time_period",
    reason: /^2205 is not a plausible year/,
    value: "2205",
  },
  {
    name: "a time_identifier not supported (misspelt)",
    fileName: "care-leavers-identifier.csv",
    content: csv(withEveryRow(careLeavers, { time_identifier: "Reportng year" })),
    row: 2,
    column: "time_identifier",
    reason: /^time_identifier not supported: use one of Academic year/,
    value: "Reportng year",
  },
  {
    name: "time identifiers mixed across kinds of period",
    fileName: "care-leavers-mixed-periods.csv",
    content: csv(withCells(careLeavers, 8, { time_period: "202425", time_identifier: "Financial year" })),
    row: 8,
    column: "time_identifier",
    reason: /^time_identifier mixes kinds of period: row 2 has "Reporting year"/,
    value: "Financial year",
  },
  {
    name: "a LAIT outturn year label for an academic-year measure",
    fileName: "lait-outturn-label.csv",
    content: csv(withCell(lait, LAIT_ROWS.dorset2025, "Years", "2024-25 (OT)")),
    row: LAIT_ROWS.dorset2025,
    column: "Years",
    reason: /^"2024-25 \(OT\)" is a financial year \(outturn\) but this measure is mapped as academic_year/,
    value: "2024-25 (OT)",
  },
  {
    name: "a LAIT year label not recognised",
    fileName: "lait-revised-label.csv",
    content: csv(withCell(lait, LAIT_ROWS.england2023, "Years", "2023 (rev)")),
    row: LAIT_ROWS.england2023,
    column: "Years",
    reason: /^LAIT year label not recognised/,
    value: "2023 (rev)",
  },
  {
    name: "a LAIT academic year whose halves are not consecutive",
    fileName: "lait-2015-17.csv",
    content: csv(withCell(lait, LAIT_ROWS.dorsetCounty2016, "Years", "2015/17")),
    row: LAIT_ROWS.dorsetCounty2016,
    column: "Years",
    reason: /^"2015\/17" is not a year and the one after it/,
    value: "2015/17",
  },
  // --- Duplicate keys -------------------------------------------------------------------------
  {
    name: "a duplicate row (same indicator, area, period and breakdown)",
    fileName: "care-leavers-duplicate.csv",
    content: csv(withRepeatedRow(careLeavers, dorsetEet19to21)),
    row: lastRow(careLeavers) + 1,
    column: null,
    reason: /^duplicate of row 13: same indicator care-leavers-eet-19-21, area, period and breakdown/,
  },
  {
    name: "a duplicate row naming its area another way (by LA number, its code left blank)",
    fileName: "care-leavers-duplicate-area-named-twice.csv",
    content: csv(
      withCells(withRepeatedRow(careLeavers, dorsetEet19to21), lastRow(careLeavers) + 1, { new_la_code: "" }),
    ),
    row: lastRow(careLeavers) + 1,
    column: null,
    reason: new RegExp(
      `, row ${lastRow(careLeavers) + 1} gives the same indicator, area, period and breakdown as .*, ` +
        `row ${dorsetEet19to21}: the two rows name one area in two ways`,
    ),
  },
  {
    name: "a duplicate figure in a LAIT file",
    fileName: "lait-duplicate.csv",
    content: csv(withRepeatedRow(withCell(lait, LAIT_ROWS.dorset2025, "Values", "7.49"), LAIT_ROWS.dorset2025)),
    row: lastRow(lait) + 1,
    column: null,
    reason: /^duplicate of row 8: same measure TotAbs, area Dorset and year 2024\/25/,
  },
  // --- Values that are neither a number nor a listed symbol -----------------------------------
  badPercentValue("null", "NULL", /^not a number or a known symbol: write a missing figure as x/),
  badPercentValue("na", "NA", /^not a number or a known symbol: write a missing figure as x/),
  badPercentValue("n-a", "N/A", /^not a number or a known symbol: write a missing figure as x/),
  badPercentValue("percent-sign", "12%", /^not a number: drop the percent sign/),
  badPercentValue("thousands", "1,234", /^not a number: remove the thousands separators/),
  badPercentValue("blank", "", /^blank value: use a number or a symbol/),
  badPercentValue("text", "see note", NOT_A_FIGURE),
  badPercentValue("infinity", "Infinity", NOT_A_FIGURE),
  badPercentValue("upper-case-symbol", "C", /^symbols are written in lower case: use "c"/),
  badPercentValue("too-large", "1e400", /^number too large to store/),
  {
    name: "the value \"12%\" in a column no indicator reads yet (a new indicator's, not a filter's)",
    fileName: "care-leavers-new-column-percent-sign.csv",
    content: csv(
      withColumn(careLeavers, "care_leaver_housed_percent", (row) => (row === dorsetEet19to21 ? "12%" : "91.5")),
    ),
    row: dorsetEet19to21,
    column: "care_leaver_housed_percent",
    reason: /^not a number: drop the percent sign/,
    value: "12%",
  },
  {
    name: "a column no indicator reads yet, blank in every row (never left out unsaid)",
    fileName: "care-leavers-new-column-blank.csv",
    content: csv(withColumn(careLeavers, "care_leaver_housed_percent", () => "")),
    row: 2,
    column: "care_leaver_housed_percent",
    reason: /^blank value: use a number or a symbol/,
    value: "",
  },
  {
    name: 'the value "N/A" in a numerator count',
    fileName: "care-leavers-count-n-a.csv",
    content: csv(withCell(careLeavers, southWestEet19to21, "care_leaver_count", "N/A")),
    row: southWestEet19to21,
    column: "care_leaver_count",
    reason: /^not a number or a known symbol/,
    value: "N/A",
  },
  {
    name: 'the value "NULL" in a LAIT file',
    fileName: "lait-null.csv",
    content: csv(withCell(lait, LAIT_ROWS.dorset2023, "Values", "NULL")),
    row: LAIT_ROWS.dorset2023,
    column: "Values",
    reason: /^not a number or a known symbol/,
    value: "NULL",
  },
  {
    name: 'the value "4.7%" in a LAIT file',
    fileName: "lait-percent-sign.csv",
    content: csv(withCell(lait, LAIT_ROWS.southWest2023, "Values", "4.7%")),
    row: LAIT_ROWS.southWest2023,
    column: "Values",
    reason: /percent sign/,
    value: "4.7%",
  },
  {
    name: "a blank value in a LAIT file",
    fileName: "lait-blank.csv",
    content: csv(withCell(lait, LAIT_ROWS.dorset2025, "Values", "")),
    row: LAIT_ROWS.dorset2025,
    column: "Values",
    reason: /^blank value/,
    value: "",
  },
  // --- Percentages and proportions ------------------------------------------------------------
  {
    name: "a percentage above 100",
    fileName: "care-leavers-percent-162.csv",
    content: csv(withCell(careLeavers, dorsetEet19to21, "care_leaver_percent", "162")),
    row: dorsetEet19to21,
    column: "care_leaver_percent",
    reason: /^percentage 162 is above 100: a percentage lies between 0 and 100/,
    value: "162",
  },
  {
    name: "a percentage just above 100",
    fileName: "care-leavers-percent-100-5.csv",
    content: csv(withCell(careLeavers, dorsetTotal19to21, "care_leaver_percent", "100.5")),
    row: dorsetTotal19to21,
    column: "care_leaver_percent",
    reason: /^percentage 100\.5 is above 100/,
    value: "100.5",
  },
  {
    name: "a negative percentage",
    fileName: "care-leavers-percent-negative.csv",
    content: csv(withCell(careLeavers, southWestEet19to21, "care_leaver_percent", "-5")),
    row: southWestEet19to21,
    column: "care_leaver_percent",
    reason: /^percentage -5 is below 0/,
    value: "-5",
  },
  {
    name: "a percentage above 100 in a row no indicator reads",
    fileName: "care-leavers-percent-unread-row.csv",
    content: csv(withCell(careLeavers, dorsetNotEet19to21, "care_leaver_percent", "135")),
    row: dorsetNotEet19to21,
    column: "care_leaver_percent",
    reason: /^percentage 135 is above 100/,
    value: "135",
  },
  {
    name: "a numerator above its denominator",
    fileName: "care-leavers-numerator-230.csv",
    content: csv(withCell(careLeavers, dorsetEet19to21, "care_leaver_count", "230")),
    row: dorsetEet19to21,
    column: "care_leaver_count",
    reason:
      /^numerator 230 is above its denominator 209 \(care_leaver_count, in row 12\) for care-leavers-eet-19-21, a percentage/,
    value: "230",
  },
  {
    name: "a denominator below its numerator",
    fileName: "care-leavers-denominator-60.csv",
    content: csv(withCell(careLeavers, CARE_LEAVERS_ROWS.dorsetTotal17to18, "care_leaver_count", "60")),
    row: dorsetEet17to18,
    column: "care_leaver_count",
    reason: /^numerator 67 is above its denominator 60 \(care_leaver_count, in row 10\)/,
    value: "67",
  },
  // --- Areas (checked by the area resolver during the dry run) ---------------------------------
  // The resolver locates an area problem in the cell that names the area the wrong way, and gives its value.
  {
    name: "a known LA code with a name that is neither its name nor an alias",
    fileName: "care-leavers-wrong-name.csv",
    content: csv(withCell(careLeavers, dorsetEet19to21, "la_name", "Dorsett")),
    row: dorsetEet19to21,
    column: "la_name",
    reason: /^area code E06000059 is Dorset, but the file names it "Dorsett"/,
    value: "Dorsett",
  },
  {
    name: "a known LA code with its neighbour's name",
    fileName: "care-leavers-neighbour-name.csv",
    content: csv(withCell(careLeavers, dorsetEet17to18, "la_name", "Bournemouth, Christchurch and Poole")),
    row: dorsetEet17to18,
    column: "la_name",
    reason: /^area code E06000059 is Dorset, but the file names it "Bournemouth, Christchurch and Poole"/,
    value: "Bournemouth, Christchurch and Poole",
  },
  {
    name: "a known country code with a wrong name",
    fileName: "care-leavers-engerland.csv",
    content: csv(withCell(careLeavers, CARE_LEAVERS_ROWS.englandEet19to21, "country_name", "Engerland")),
    row: CARE_LEAVERS_ROWS.englandEet19to21,
    column: "country_name",
    reason: /^area code E92000001 is England, but the file names it "Engerland"/,
    value: "Engerland",
  },
  {
    name: "an ONS code and a DfE LA number of two different areas",
    fileName: "care-leavers-code-mismatch.csv",
    content: csv(withCell(careLeavers, dorsetEet19to21, "old_la_code", "839")),
    row: dorsetEet19to21,
    column: "old_la_code",
    reason: /^area E06000059 has DfE code 838, but the file gives 839/,
    value: "839",
  },
  {
    name: "a known name under another code",
    fileName: "care-leavers-name-other-code.csv",
    content: csv(
      withCells(careLeavers, dorsetEet19to21, { new_la_code: "E06000099", old_la_code: "899", la_name: "Devon" }),
    ),
    row: dorsetEet19to21,
    column: "new_la_code",
    reason: /^"Devon" is known under code E10000008, not E06000099/,
    value: "E06000099",
  },
  {
    name: "an unknown LA code with no name or LA number",
    fileName: "care-leavers-unknown-code.csv",
    content: csv(withCells(careLeavers, dorsetEet19to21, { new_la_code: "E06000099", old_la_code: "", la_name: "" })),
    row: dorsetEet19to21,
    column: "new_la_code",
    reason: /^cannot identify the local authority area "E06000099"/,
    value: "E06000099",
  },
  {
    name: "an unknown region",
    fileName: "care-leavers-unknown-region.csv",
    content: csv(withCells(careLeavers, southWestEet19to21, { region_code: "E12000099", region_name: "Atlantis" })),
    row: southWestEet19to21,
    column: "region_name",
    reason: /^cannot identify the regional area "Atlantis"/,
    value: "Atlantis",
  },
  {
    name: "a new LA whose region is unknown",
    fileName: "care-leavers-new-la-unknown-region.csv",
    content: csv(
      withCells(careLeavers, dorsetEet19to21, {
        new_la_code: "E06000099",
        old_la_code: "899",
        la_name: "Atlantis",
        region_code: "E12000099",
        region_name: "Atlantis Region",
      }),
    ),
    row: dorsetEet19to21,
    column: "region_name",
    reason: /^new local authority "Atlantis" has no known region \("Atlantis Region"\)/,
    value: "Atlantis Region",
  },
  {
    name: "a LAIT LA number with another area's name",
    fileName: "lait-wrong-name.csv",
    content: csv(withCell(lait, LAIT_ROWS.dorset2025, "LA and Regions", "Poole")),
    row: LAIT_ROWS.dorset2025,
    column: "LA and Regions",
    reason: /^area code 838 is Dorset, but the file names it "Poole"/,
    value: "Poole",
  },
  {
    name: "a LAIT name known under another LA number",
    fileName: "lait-name-other-number.csv",
    content: csv(withCells(lait, LAIT_ROWS.dorset2023, { "LA and Regions": "Devon", "LA Number": "899" })),
    row: LAIT_ROWS.dorset2023,
    column: "LA Number",
    reason: /^"Devon" is known under code E10000008, not 899/,
    value: "899",
  },
  {
    name: "a LAIT region name that cannot be identified",
    fileName: "lait-unknown-region.csv",
    content: csv(withCell(lait, LAIT_ROWS.southWest2023, "LA and Regions", "South Wessex")),
    row: LAIT_ROWS.southWest2023,
    column: "LA and Regions",
    reason: /^cannot identify the regional area "South Wessex"/,
    value: "South Wessex",
  },
  {
    name: "a LAIT LA number that is not a number",
    fileName: "lait-la-number.csv",
    content: csv(withCell(lait, LAIT_ROWS.dorset2025, "LA Number", "838a")),
    row: LAIT_ROWS.dorset2025,
    column: "LA Number",
    reason: /^LA Number must be a whole number/,
    value: "838a",
  },
];

interface Control {
  name: string;
  fileName: string;
  content: string | Buffer;
  observations: number;
  warnings?: RegExp;
}

const controls: Control[] = [
  {
    name: "a byte-order mark",
    fileName: "care-leavers-bom.csv",
    content: renderCsv(careLeavers, { bom: true }),
    observations: 6,
  },
  {
    name: "Windows line endings",
    fileName: "care-leavers-crlf.csv",
    content: renderCsv(careLeavers, { eol: "\r\n" }),
    observations: 6,
  },
  {
    name: "every field quoted, a byte-order mark and Windows line endings",
    fileName: "care-leavers-quoted.csv",
    content: renderCsv(careLeavers, { quoteAll: true, bom: true, eol: "\r\n" }),
    observations: 6,
  },
  {
    name: "columns in another order (la_name before new_la_code, figures first)",
    fileName: "care-leavers-reordered.csv",
    content: csv(withColumnsFirst(careLeavers, "care_leaver_percent", "care_leaver_count", "la_name", "new_la_code")),
    observations: 6,
  },
  {
    name: "the LAIT layout, a byte-order mark, Windows line endings, float artefacts and -",
    fileName: "lait-bom-crlf.csv",
    content: renderCsv(lait, { bom: true, eol: "\r\n" }),
    observations: 11,
  },
  {
    name: "percentages of exactly 0 and 100, a numerator equal to its denominator, and a symbol",
    fileName: "care-leavers-edges.csv",
    content: csv(
      withCells(
        withCells(withCell(careLeavers, dorsetEet19to21, "care_leaver_count", "209"), dorsetEet19to21, {
          care_leaver_percent: "100",
        }),
        dorsetNotEet19to21,
        { care_leaver_count: "0", care_leaver_percent: "0" },
      ),
    ).replace(
      ',"Total in education, employment or training",67,80',
      ',"Total in education, employment or training",c,c',
    ),
    observations: 6,
  },
  {
    name: "a new LA given with complete codes, name and region (added, with a warning)",
    fileName: "care-leavers-new-la.csv",
    content: csv(
      withCells(careLeavers, dorsetEet19to21, { new_la_code: "E06000099", old_la_code: "899", la_name: "Newtown" }),
    ),
    observations: 6,
    warnings: /local authority area\(s\) not known before were added/,
  },
];

function multipart(fileName: string, content: Buffer | string) {
  const form = new FormData();
  form.append("file", new Blob([content]), fileName);
  return form;
}

describe.each(testBackends())("the malformed upload corpus on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let analyst: SignedIn;
  let before: string;

  const checksum = () => databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "analyst@example.org", "analyst");
    analyst = await signIn(app, "analyst@example.org");
    before = await checksum();
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const upload = async (fileName: string, content: Buffer | string) => {
    const response = await app.inject({
      method: "POST",
      url: "/api/uploads",
      payload: multipart(fileName, content),
      ...asSignedIn(analyst),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Upload;
  };

  it("has at least 40 malformed files, each with its own name", () => {
    expect(refusals.length).toBeGreaterThanOrEqual(40);
    expect(new Set(refusals.map((refusal) => refusal.fileName)).size).toBe(refusals.length);
    expect(new Set(refusals.map((refusal) => refusal.name)).size).toBe(refusals.length);
  });

  it.each(refusals.map((refusal) => [refusal.name, refusal] as const))("refuses %s", async (_name, refusal) => {
    const body = await upload(refusal.fileName, refusal.content);
    expect(body.status).toBe("refused");
    expect(body.report.status).toBe("refused");
    expect(body.report.preview).toBeNull();
    const [problem] = body.report.problems;
    expect(problem, JSON.stringify(body.report)).toBeDefined();
    expect(problem).toMatchObject({ file: refusal.fileName, row: refusal.row, column: refusal.column });
    expect(problem?.reason).toMatch(refusal.reason);
    if (refusal.value !== undefined) expect(problem?.value).toBe(refusal.value);
  });

  it("lists every structural problem of a file, each located, in file order, and publishes nothing", async () => {
    const start = await checksum();
    const broken = withRepeatedRow(
      withCells(
        withCell(
          withCell(withCell(careLeavers, 6, "geographic_level", "County"), 8, "time_period", "20255"),
          CARE_LEAVERS_ROWS.dorsetTotal17to18,
          "breakdown",
          "x".repeat(10_001),
        ),
        dorsetNotEet19to21,
        { care_leaver_percent: "NA" },
      ),
      dorsetEet19to21,
    );
    const content = csv(broken).replace(
      ',"Total in education, employment or training",9430,64',
      ',"Total in education, employment or training",9430',
    );
    const body = await upload("care-leavers-many-problems.csv", content);
    expect(body.status).toBe("refused");
    expect(body.report.problems.map((problem) => [problem.file, problem.row, problem.column, problem.reason])).toEqual([
      [
        "care-leavers-many-problems.csv",
        3,
        "care_leaver_percent",
        expect.stringMatching(/^row has 13 cells, header has 14/),
      ],
      ["care-leavers-many-problems.csv", 6, "geographic_level", expect.stringMatching(/^unknown geographic_level/)],
      ["care-leavers-many-problems.csv", 8, "time_period", expect.stringMatching(/^Reporting year needs a four-digit/)],
      ["care-leavers-many-problems.csv", 10, "breakdown", expect.stringMatching(/^cell is 10,001 characters long/)],
      ["care-leavers-many-problems.csv", 14, "care_leaver_percent", expect.stringMatching(/^not a number or a known/)],
      ["care-leavers-many-problems.csv", 15, null, expect.stringMatching(/^duplicate of row 13: same indicator/)],
    ]);
    expect(body.report.problems.map((problem) => problem.value)).toEqual([
      null,
      "County",
      "20255",
      `${"x".repeat(40)}…`,
      "NA",
      null,
    ]);
    expect(Object.values(body.report.problemCounts as Record<string, number>).reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(await checksum()).toBe(start);
  });

  it("lists the first 100 problems and counts them all", async () => {
    const rows = Array.from({ length: 150 }, (_, at) => {
      const row = [...(careLeavers.rows[0] as string[])];
      row[careLeavers.header.indexOf("geographic_level")] = `County ${at}`;
      return row;
    });
    const body = await upload("care-leavers-150-bad-levels.csv", csv({ header: careLeavers.header, rows }));
    expect(body.status).toBe("refused");
    expect(body.report.problems).toHaveLength(100);
    expect(body.report.problems[0]).toMatchObject({ row: 2, column: "geographic_level", value: "County 0" });
    expect(body.report.problems[99]).toMatchObject({ row: 101, value: "County 99" });
    const counts = body.report.problemCounts as Record<string, number>;
    expect(counts["not listed (over the first 100)"]).toBe(50);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(150);
  });

  it("lists every area the file contradicts, not only the first", async () => {
    const start = await checksum();
    const content = csv(
      withCell(
        withCell(careLeavers, southWestEet19to21, "region_name", "South Wessex"),
        dorsetEet19to21,
        "la_name",
        "Dorsett",
      ),
    );
    const body = await upload("care-leavers-two-contradictions.csv", content);
    expect(body.status).toBe("refused");
    expect(body.report.problems.map((problem) => [problem.row, problem.column, problem.reason])).toEqual([
      [
        southWestEet19to21,
        "region_name",
        expect.stringMatching(/^area code E12000009 is South West, but the file names it "South Wessex"/),
      ],
      [
        dorsetEet19to21,
        "la_name",
        expect.stringMatching(/^area code E06000059 is Dorset, but the file names it "Dorsett"/),
      ],
    ]);
    expect(await checksum()).toBe(start);
  });

  it.each(controls.map((control) => [control.name, control] as const))(
    "accepts a valid file with %s",
    async (_name, control) => {
      const body = await upload(control.fileName, control.content);
      expect(body.report.problems).toEqual([]);
      expect(body.status).toBe("ready");
      expect(body.report.observationCount).toBe(control.observations);
      if (control.warnings)
        expect(body.report.warnings.map((warning) => warning.message)).toContainEqual(
          expect.stringMatching(control.warnings),
        );
    },
  );

  it.each([
    "care-leavers-latin1.csv",
    "care-leavers-numerator-230.csv",
    "care-leavers-new-la-unknown-region.csv",
    "care-leavers-name-other-code.csv",
  ])("leaves published data unchanged after %s alone", async (fileName) => {
    const refusal = refusals.find((candidate) => candidate.fileName === fileName) as Refusal;
    const start = await checksum();
    expect((await upload(refusal.fileName, refusal.content)).status).toBe("refused");
    expect(await checksum()).toBe(start);
  });

  it("leaves published data unchanged after a valid file that adds an area in its dry run", async () => {
    const control = controls.find((candidate) => candidate.fileName === "care-leavers-new-la.csv") as Control;
    const start = await checksum();
    expect((await upload(control.fileName, control.content)).status).toBe("ready");
    expect(await checksum()).toBe(start);
  });

  it("leaves published data unchanged after the whole corpus, and records every attempt", async () => {
    expect(await checksum()).toBe(before);
    const response = await app.inject({ url: "/api/uploads", ...asSignedIn(analyst) });
    const uploads = response.json() as Upload[];
    const refused = new Set(uploads.filter((upload) => upload.status === "refused").map((upload) => upload.fileName));
    for (const refusal of refusals) expect(refused).toContain(refusal.fileName);
  });
});
