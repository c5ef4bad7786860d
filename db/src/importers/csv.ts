import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { pipeline } from "node:stream";
import { CsvError, type Info, parse } from "csv-parse";
import { InputError } from "../domain/types.ts";

export interface CsvRecord {
  /** 1-based line on which the record starts; the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvFile {
  /** Header cells as written (a leading byte-order mark removed); names may repeat, so read by index. */
  header: string[];
  /** Data records, blank lines and all-blank records skipped. Call `return()` to stop early and close the file. */
  records: AsyncIterableIterator<CsvRecord>;
}

export interface CsvOptions {
  /** Name used in error locations; defaults to the file name. */
  fileLabel?: string;
}

/** Streams a CSV file record by record; every problem becomes an InputError located by file and row. */
export async function readCsvRecords(path: string, options: CsvOptions = {}): Promise<CsvFile> {
  const file = options.fileLabel ?? basename(path);
  const parser = parse({
    bom: true,
    columns: false,
    info: true,
    // Lengths are checked here so the message can name the row and both counts.
    relax_column_count: true,
    skip_empty_lines: true,
    // Both, so that a file whose line endings were mixed by hand-editing still reads line by line.
    record_delimiter: ["\r\n", "\n"],
  });
  // pipeline, unlike pipe, forwards a read error (a missing file) to the parser, so iteration rejects.
  pipeline(createReadStream(path), parser, () => {});
  const source: AsyncIterator<{ record: string[]; info: Info }> = parser[Symbol.asyncIterator]();

  let lastLine = 0;
  let lastEmptyLines = 0;

  const close = () => {
    parser.destroy();
  };

  const nextRecord = async (): Promise<CsvRecord | undefined> => {
    for (;;) {
      let next: IteratorResult<{ record: string[]; info: Info }>;
      try {
        next = await source.next();
      } catch (error) {
        close();
        if (error instanceof CsvError) {
          const row = typeof error.lines === "number" ? error.lines : lastLine + 1;
          throw new InputError({ file, row }, `not readable as CSV: ${error.message}`);
        }
        throw error;
      }
      if (next.done) return undefined;
      const { record, info } = next.value;
      // info.lines is where the record ends; a quoted cell may span lines, so the start is counted from the previous end.
      const row = lastLine + 1 + (info.empty_lines - lastEmptyLines);
      lastLine = info.lines;
      lastEmptyLines = info.empty_lines;
      if (record.every((cell) => cell.trim() === "")) continue;
      return { row, cells: record };
    }
  };

  const header = await nextRecord();
  if (header === undefined) {
    close();
    throw new InputError({ file, row: 1 }, "file is empty: expected a header row");
  }

  const records: AsyncIterableIterator<CsvRecord> = {
    async next() {
      const record = await nextRecord();
      if (record === undefined) {
        close();
        return { done: true, value: undefined };
      }
      if (record.cells.length !== header.cells.length) {
        close();
        throw new InputError(
          { file, row: record.row },
          `row has ${record.cells.length} cells, header has ${header.cells.length}`,
        );
      }
      return { done: false, value: record };
    },
    async return() {
      close();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return { header: header.cells, records };
}
