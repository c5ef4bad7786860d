import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../domain/types.ts";
import { type CsvRecord, readCsvRecords } from "./csv.ts";
import { dataFile, scratchFolder } from "./test-files.ts";

const scratch = scratchFolder();
afterAll(() => scratch.cleanUp());

async function readAll(path: string): Promise<{ header: string[]; records: CsvRecord[] }> {
  const csv = await readCsvRecords(path);
  const records: CsvRecord[] = [];
  for await (const record of csv.records) records.push(record);
  return { header: csv.header, records };
}

async function refusal(path: string): Promise<InputError> {
  const error = await readAll(path).catch((caught: unknown) => caught);
  if (error instanceof InputError) return error;
  throw new Error(`expected an InputError, got ${String(error)}`);
}

describe("readCsvRecords", () => {
  it("gives the header and numbers records by file line, header first", async () => {
    const file = scratch.write("plain.csv", "a,b\n1,2\n3,4\n");
    expect(await readAll(file)).toEqual({
      header: ["a", "b"],
      records: [
        { row: 2, cells: ["1", "2"] },
        { row: 3, cells: ["3", "4"] },
      ],
    });
  });

  it("removes a byte-order mark from the first header name", async () => {
    const file = scratch.write("bom.csv", "\ufefftime_period,b\n1,2\n");
    expect((await readAll(file)).header).toEqual(["time_period", "b"]);
  });

  it("reads Windows and mixed line endings without stray carriage returns", async () => {
    const file = scratch.write("crlf.csv", "a,b\r\n1,2\r\n3,4\n5,6\r\n");
    expect((await readAll(file)).records.map((record) => record.cells)).toEqual([
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
  });

  it("skips blank lines and all-blank records but keeps counting lines", async () => {
    const file = scratch.write("blanks.csv", "a,b\n\n1,2\n,\n3,4\n");
    expect((await readAll(file)).records).toEqual([
      { row: 3, cells: ["1", "2"] },
      { row: 5, cells: ["3", "4"] },
    ]);
  });

  it("numbers a record by the line it starts on when a quoted cell spans lines", async () => {
    const file = scratch.write("multiline.csv", 'a,b\n"one\ntwo",2\n3,4\n');
    expect((await readAll(file)).records).toEqual([
      { row: 2, cells: ["one\ntwo", "2"] },
      { row: 4, cells: ["3", "4"] },
    ]);
  });

  it("refuses a row with too few cells, naming the row and both counts", async () => {
    const error = await refusal(scratch.write("short.csv", "a,b,c\n1,2,3\n4,5\n"));
    expect(error.location).toEqual({ file: "short.csv", row: 3 });
    expect(error.reason).toBe("row has 2 cells, header has 3");
  });

  it("refuses a row with too many cells", async () => {
    const error = await refusal(scratch.write("long.csv", "a,b\n1,2,3\n"));
    expect(error.reason).toBe("row has 3 cells, header has 2");
  });

  it("turns a CSV syntax error into an InputError with its line", async () => {
    const error = await refusal(scratch.write("quote.csv", 'a,b\n1,2\n3,"unclosed\n'));
    expect(error.location.row).toBe(3);
    expect(error.reason).toMatch(/^not readable as CSV: /);
  });

  it("refuses an empty file", async () => {
    const error = await refusal(scratch.write("empty.csv", "\n\n"));
    expect(error.reason).toBe("file is empty: expected a header row");
  });

  it("uses the file label given for locations", async () => {
    const csv = await readCsvRecords(scratch.write("labelled.csv", "a\n1,2\n"), { fileLabel: "upload 7" });
    await expect(csv.records.next()).rejects.toMatchObject({ location: { file: "upload 7", row: 2 } });
  });

  it("reads the statistical neighbours file, whose SNP header repeats, by index", async () => {
    const { header, records } = await readAll(dataFile("New_Statistical_Neighbour_Groupings_April_2021.csv"));
    expect(header.filter((name) => name === "SNP")).toHaveLength(10);
    const dorset = records.find((record) => record.cells[0] === "838");
    expect(dorset?.cells.slice(1, 2)).toEqual(["Dorset"]);
  });

  it("stops reading and closes the file when asked to return early", async () => {
    const csv = await readCsvRecords(dataFile("la_care_leavers_activity.csv"));
    const first = await csv.records.next();
    expect(first.value).toMatchObject({ row: 2 });
    await expect(csv.records.return?.()).resolves.toEqual({ done: true, value: undefined });
  });
});
