import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../domain/types.ts";
import { type CsvRecord, firstInvalidUtf8Byte, MAX_FIELD_LENGTH, readCsvRecords } from "./csv.ts";
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
    expect(error.location).toEqual({ file: "short.csv", row: 3, column: "c" });
    expect(error.reason).toMatch(/^row has 2 cells, header has 3: the row ends before column c; /);
  });

  it("refuses a row with too many cells", async () => {
    const error = await refusal(scratch.write("long.csv", "a,b\n1,2,3\n"));
    expect(error.location).toEqual({ file: "long.csv", row: 2 });
    expect(error.reason).toMatch(/^row has 3 cells, header has 2: check for an unquoted comma/);
    expect(error.rawValue).toBe("3");
  });

  it("names the row where a quote that is never closed was opened", async () => {
    const error = await refusal(scratch.write("open-early.csv", 'a,b\n1,"two\n3,4\n5,6\n'));
    expect(error.location).toEqual({ file: "open-early.csv", row: 2 });
    expect(error.reason).toMatch(/^not readable as CSV: a quote \("\) opened in this row is never closed/);
  });

  it("names the row where a quoted cell began when the parser notices the problem lines later", async () => {
    const error = await refusal(scratch.write("late.csv", 'a,b\n1,"two\n3,"four"\n'));
    expect(error.location).toEqual({ file: "late.csv", row: 2 });
    expect(error.reason).toMatch(/\(noticed at line 3\): a quoted cell must end at its closing quote/);
  });

  it("explains a quoted cell followed by other characters", async () => {
    const error = await refusal(scratch.write("after-quote.csv", 'a,b\n1,"two" and more\n'));
    expect(error.location).toEqual({ file: "after-quote.csv", row: 2 });
    expect(error.reason).toMatch(/write a quote inside a cell as two \(""\)$/);
  });

  it("turns a CSV syntax error into an InputError with its line", async () => {
    const error = await refusal(scratch.write("quote.csv", 'a,b\n1,2\n3,"unclosed\n'));
    expect(error.location.row).toBe(3);
    expect(error.reason).toMatch(/^not readable as CSV: /);
  });

  it("refuses an empty file", async () => {
    const error = await refusal(scratch.write("empty.csv", "\n\n"));
    expect(error.location).toEqual({ file: "empty.csv", row: 1 });
    expect(error.reason).toMatch(/^the file is empty: expected a header row/);
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

  it("refuses a file of a header only, naming the row where data should start", async () => {
    const error = await refusal(scratch.write("header-only.csv", "a,b\n"));
    expect(error.location).toEqual({ file: "header-only.csv", row: 2 });
    expect(error.reason).toBe("the file has a header row but no data rows: there is nothing to load");
  });

  it("refuses a header followed only by blank and all-blank lines", async () => {
    const error = await refusal(scratch.write("header-blanks.csv", "a,b\r\n\r\n,\r\n"));
    expect(error.reason).toMatch(/^the file has a header row but no data rows/);
  });

  it("refuses a file holding only a byte-order mark as empty", async () => {
    const error = await refusal(scratch.write("bom-only.csv", "\ufeff"));
    expect(error.reason).toMatch(/^the file is empty/);
  });

  it("refuses invalid UTF-8, naming the row and the byte offset", async () => {
    // "Café" saved as Windows-1252: é is the single byte 0xE9, not a UTF-8 character.
    const path = scratch.write("latin1.csv", "");
    writeFileSync(path, Buffer.concat([Buffer.from("a,b\n1,2\nCaf"), Buffer.from([0xe9]), Buffer.from(",3\n")]));
    const error = await refusal(path);
    expect(error.location).toEqual({ file: "latin1.csv", row: 3 });
    expect(error.reason).toMatch(/^the file is not valid UTF-8 text: the byte at offset 11 just after "Caf"/);
    expect(error.reason).toMatch(/CSV UTF-8/);
    expect(error.rawValue).toBe("0xE9");
  });

  it("quotes the text before a bad byte from a whole character", async () => {
    const path = scratch.write("context.csv", "");
    const text = `a,b\n1,${"é".repeat(30)}`;
    writeFileSync(path, Buffer.concat([Buffer.from(text), Buffer.from([0xff]), Buffer.from("\n")]));
    const error = await refusal(path);
    expect(error.location.row).toBe(2);
    expect(error.reason).toContain(`just after "${"é".repeat(20)}"`);
  });

  it("refuses invalid UTF-8 in the header row", async () => {
    const path = scratch.write("latin1-header.csv", "");
    writeFileSync(path, Buffer.concat([Buffer.from("a,"), Buffer.from([0xa3]), Buffer.from("b\n1,2\n")]));
    const error = await refusal(path);
    expect(error.location).toEqual({ file: "latin1-header.csv", row: 1 });
  });

  it("refuses a multi-byte character cut short at the end of the file", async () => {
    const path = scratch.write("truncated.csv", "");
    writeFileSync(path, Buffer.concat([Buffer.from("a,b\n1,"), Buffer.from([0xe2, 0x82])]));
    const error = await refusal(path);
    expect(error.location).toEqual({ file: "truncated.csv", row: 2 });
    expect(error.reason).toMatch(/offset 6/);
  });

  it("reads multi-byte characters split across read chunks, and locates a bad byte far into the file", async () => {
    // 70,000 rows of "£1,€2" cross the 64 KiB chunk boundary many times, at every byte alignment.
    const rows = Array.from({ length: 70_000 }, () => "£1,€2");
    const good = await readAll(scratch.write("long-utf8.csv", `a,b\n${rows.join("\n")}\n`));
    expect(good.records).toHaveLength(70_000);
    expect(good.records[69_999]).toEqual({ row: 70_001, cells: ["£1", "€2"] });

    const path = scratch.write("long-bad.csv", "");
    const before = Buffer.from(`a,b\n${rows.slice(0, 50_000).join("\n")}\n`);
    writeFileSync(path, Buffer.concat([before, Buffer.from([0x31, 0x2c, 0x80]), Buffer.from("\n")]));
    const error = await refusal(path);
    expect(error.location).toEqual({ file: "long-bad.csv", row: 50_002 });
    expect(error.reason).toContain(`offset ${(before.length + 2).toLocaleString("en-GB")}`);
  });

  it("keeps a UTF-8 byte-order mark and Windows line endings valid", async () => {
    const path = scratch.write("bom-crlf.csv", "");
    writeFileSync(path, Buffer.from("\ufeffa,b\r\nDorset,Bournemouth \u2013 Poole\r\n", "utf8"));
    expect(await readAll(path)).toEqual({
      header: ["a", "b"],
      records: [{ row: 2, cells: ["Dorset", "Bournemouth \u2013 Poole"] }],
    });
  });

  it("refuses a cell over 10,000 characters, naming its column", async () => {
    const long = "x".repeat(MAX_FIELD_LENGTH + 1);
    const error = await refusal(scratch.write("long-cell.csv", `a,b\n1,2\n3,"${long}"\n`));
    expect(error.location).toEqual({ file: "long-cell.csv", row: 3, column: "b" });
    expect(error.reason).toMatch(/^cell is 10,001 characters long, over the limit of 10,000/);
    expect(error.rawValue).toBe(`${"x".repeat(40)}…`);
  });

  it("accepts a cell of exactly 10,000 characters", async () => {
    const cell = "y".repeat(MAX_FIELD_LENGTH);
    const { records } = await readAll(scratch.write("edge-cell.csv", `a,b\n1,${cell}\n`));
    expect(records[0]?.cells[1]).toHaveLength(MAX_FIELD_LENGTH);
  });

  it("refuses a header name over 10,000 characters by its position", async () => {
    const error = await refusal(scratch.write("long-header.csv", `a,${"h".repeat(MAX_FIELD_LENGTH + 5)}\n1,2\n`));
    expect(error.location).toEqual({ file: "long-header.csv", row: 1, column: "column 2" });
  });

  it("stops at a quote left open before it has read a whole large file", async () => {
    const error = await refusal(scratch.write("open-quote.csv", `a,b\n1,2\n3,"${"z,".repeat(600_000)}\n`));
    expect(error.location).toEqual({ file: "open-quote.csv", row: 3 });
    expect(error.reason).toMatch(/^row is over 1,000,000 characters long: check for a quote/);
  });
});

describe("readCsvRecords, fast where it can be and strict where it must", () => {
  /** A file of `rows` records exercising quoting (commas, line breaks in quotes), both line endings, blank cells. */
  function awkwardFile(rows: number): string {
    const cells = ["plain", '"Bournemouth, Christchurch and Poole"', '"two\nlines"', "£1", "", '"quoted"'];
    let text = "a,b,c\n";
    for (let row = 0; row < rows; row++) {
      const pick = (k: number) => cells[(row * 7 + k * 3) % cells.length];
      text += `${pick(0)},${pick(1)},${row}${row % 3 === 0 ? "\r\n" : "\n"}`;
    }
    return text;
  }

  it("gives csv-parse's own records for a file of every quoting, across many pieces of text", async () => {
    // Over 1 MB: records, quoted line breaks and Windows line endings cross the 256 KiB pieces at many points.
    const path = scratch.write("awkward.csv", awkwardFile(40_000));
    const expected = (
      parse(readFileSync(path), { bom: true, relax_column_count: true, record_delimiter: ["\r\n", "\n"] }) as string[][]
    ).filter((record) => record.some((cell) => cell.trim() !== ""));
    const { header, records } = await readAll(path);
    expect([header, ...records.map((record) => record.cells)]).toEqual(expected);
    // Each record starts a line further on for every line break in the quoted cells before it.
    const breaks = records.slice(0, -1).filter((record) => record.cells.join().includes("\n")).length;
    expect(records.at(-1)?.row).toBe(40_001 + breaks);
  });

  it("reads a quote written as two inside a quoted cell as one quote", async () => {
    const { records } = await readAll(scratch.write("escaped-quote.csv", 'a,b\n1,"says ""hello"""\n'));
    expect(records).toEqual([{ row: 2, cells: ["1", 'says "hello"'] }]);
  });

  it("leaves a quote out of place far into a file to csv-parse, located by the row it begins", async () => {
    const good = Array.from({ length: 60_000 }, (_, row) => `${row},"Dorset"`).join("\n");
    const error = await refusal(scratch.write("late-quote.csv", `a,b\n${good}\n1,"two" and more\n2,3\n`));
    expect(error.location).toEqual({ file: "late-quote.csv", row: 60_002 });
    expect(error.reason).toMatch(/write a quote inside a cell as two \(""\)$/);
  });

  it("refuses a stray quote inside an unquoted cell, as csv-parse does", async () => {
    const error = await refusal(scratch.write("stray-quote.csv", 'a,b\n1,2\n3,ab"c\n'));
    expect(error.location).toEqual({ file: "stray-quote.csv", row: 3 });
    expect(error.reason).toMatch(/^not readable as CSV: Invalid Opening Quote/);
  });
});

describe("firstInvalidUtf8Byte", () => {
  it.each([
    ["plain ASCII", [0x61, 0x62], -1],
    ["a byte-order mark", [0xef, 0xbb, 0xbf, 0x61], -1],
    ["a four-byte character", [0x61, 0xf0, 0x9f, 0x98, 0x80], -1],
    ["a lone continuation byte", [0x61, 0x80], 1],
    ["a Windows-1252 pound sign", [0x31, 0xa3, 0x32], 1],
    ["an overlong encoding of /", [0xc0, 0xaf], 0],
    ["an overlong three-byte form", [0xe0, 0x80, 0xaf], 0],
    ["a UTF-16 surrogate", [0x61, 0xed, 0xa0, 0x80], 1],
    ["a code point beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a lead byte with its continuation missing", [0xc3, 0x61], 0],
    ["a character cut short at the end", [0x61, 0xe2, 0x82], 1],
    ["a byte never used in UTF-8", [0x61, 0xff], 1],
  ])("for %s gives %s", (_name, bytes, expected) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes as number[]))).toBe(expected);
  });
});
