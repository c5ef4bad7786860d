import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { pipeline, Transform, type TransformCallback } from "node:stream";
import { CsvError, parse } from "csv-parse";
import Papa from "papaparse";
import { fileReadReporter } from "../domain/check-progress.ts";
import { InputError, type ProblemCollector } from "../domain/types.ts";

export interface CsvRecord {
  /** 1-based line on which the record starts; the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvFile {
  /** Header cells as written (a leading byte-order mark removed); names may repeat, so read by index. */
  header: string[];
  /**
   * Data records, blank lines and all-blank records skipped; a file with a header but no data record is
   * refused on the first `next()`. Call `return()` to stop early and close the file.
   */
  records: AsyncIterableIterator<CsvRecord>;
  /**
   * The same records a batch at a time (each piece of text read): for large files, where a promise per record
   * costs more than the record's own work. Read `records` or `batches`, not both.
   */
  batches: AsyncIterableIterator<CsvRecord[]>;
}

export interface CsvOptions {
  /** Name used in error locations; defaults to the file name. */
  fileLabel?: string;
  /**
   * Where a data row with the wrong number of cells or an oversized cell is recorded, the row skipped and
   * reading continued, so one report lists them all. Without it, the first such row is thrown.
   */
  problems?: ProblemCollector;
}

/** The longest cell accepted, in characters: longer ones are pasted documents or a quote left open. */
export const MAX_FIELD_LENGTH = 10_000;

/** A record this long is refused while it is read, so a quote left open never pulls a whole file into memory. */
const MAX_RECORD_LENGTH = 1_000_000;

const NEWLINE = 0x0a;

const formatNumber = (n: number) => n.toLocaleString("en-GB");

/** How many bytes at the end of `bytes` start a multi-byte character that the next chunk must complete. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Index of the first byte that does not begin a well-formed UTF-8 character (the WHATWG rules), or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const at = (i: number) => (i < bytes.length ? (bytes[i] as number) : -1);
  const within = (value: number, low: number, high: number) => value >= low && value <= high;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (within(lead, 0xc2, 0xdf)) length = 2;
    else if (within(lead, 0xe0, 0xef)) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f; // UTF-16 surrogates are not characters
    } else if (within(lead, 0xf0, 0xf4)) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return i;
    if (!within(at(i + 1), low, high)) return i;
    for (let k = 2; k < length; k++) if (!within(at(i + k), 0x80, 0xbf)) return i;
    i += length;
  }
  return -1;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Passes bytes through unchanged after checking they are UTF-8: csv-parse would otherwise turn a
 * Windows-1252 "é" silently into U+FFFD. The native check runs on each chunk; the byte is located
 * only when it fails. A byte-order mark is valid UTF-8 and passes.
 */
class Utf8Check extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  /** Bytes and line breaks before `carry`. */
  private offset = 0;
  private lines = 0;

  constructor(
    private readonly file: string,
    /** Told the bytes passed so far, after each chunk. */
    private readonly onRead?: (bytes: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = bytes.length - incompleteTail(bytes);
    const complete = bytes.subarray(0, end);
    if (!isUtf8(complete)) {
      done(this.invalid(complete, firstInvalidUtf8Byte(complete)));
      return;
    }
    this.offset += end;
    this.lines += countNewlines(complete);
    this.carry = Buffer.from(bytes.subarray(end));
    this.onRead?.(this.offset);
    done(null, complete);
  }

  override _flush(done: TransformCallback): void {
    if (this.carry.length > 0) done(this.invalid(this.carry, 0));
    else done();
  }

  private invalid(bytes: Buffer, index: number): InputError {
    const before = bytes.subarray(0, Math.max(0, index));
    const row = this.lines + countNewlines(before) + 1;
    // Up to 40 bytes of the same line before the bad byte, starting on a whole character.
    let start = Math.max(before.lastIndexOf(NEWLINE) + 1, index - 40);
    while (start < index && ((before[start] as number) & 0xc0) === 0x80) start++;
    const context = new TextDecoder("utf-8").decode(before.subarray(start)).trimStart();
    const bad = `0x${(bytes[index] as number).toString(16).toUpperCase().padStart(2, "0")}`;
    const after = context ? ` just after "${context}"` : "";
    return new InputError(
      { file: this.file, row },
      `the file is not valid UTF-8 text: the byte at offset ${formatNumber(this.offset + index)}${after} is not ` +
        `part of a UTF-8 character (the file may have been saved as ANSI or Windows-1252); save it as "CSV UTF-8" (in Excel: Save As, CSV UTF-8) and upload it again`,
      bad,
    );
  }
}

/** How csv-parse reads a file, where papaparse is in doubt (see `fastRecords`). */
const PARSE_OPTIONS = {
  bom: true,
  columns: false,
  // Lengths are checked here so the message can name the row and both counts.
  relax_column_count: true,
  // Empty lines come through as blank records, skipped by the reader: so every line is counted without
  // csv-parse's per-record info, which built two objects per record (a fifth of the parser's time).
  skip_empty_lines: false,
  // Both, so that a file whose line endings were mixed by hand-editing still reads line by line.
  record_delimiter: ["\r\n", "\n"],
  max_record_size: MAX_RECORD_LENGTH,
} as const;

/** A file's records as parsed, blank ones included, in order, a batch at a time; `undefined` once there are no more. */
interface RawRecords {
  nextBatch(): Promise<string[][] | undefined>;
  close(): void;
}

/**
 * The row on which the record holding a CSV syntax error begins. csv-parse reports the line where it
 * noticed the error, maybe many lines later (a quote opened in row 13 and closed wrongly in row 14),
 * and records parsed ahead of the reader are dropped with the error; so, on this rare path only, the
 * file is parsed again, noting where each record ends.
 */
async function rowOfSyntaxError(path: string, file: string): Promise<number> {
  let lines = 0;
  const parser = parse({
    ...PARSE_OPTIONS,
    record_delimiter: [...PARSE_OPTIONS.record_delimiter],
    on_record: (record, context) => {
      lines = context.lines;
      return record;
    },
  });
  pipeline(createReadStream(path), new Utf8Check(file), parser, () => {});
  try {
    for await (const _ of parser) {
      // Only the position of the last complete record matters.
    }
  } catch {
    // The error is the one being located: the record it breaks begins after the last complete one.
  }
  return lines + 1;
}

/** A CSV syntax error of csv-parse, located and explained for an analyst. */
async function syntaxProblem(error: CsvError, path: string, file: string): Promise<InputError> {
  const row = await rowOfSyntaxError(path, file);
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return new InputError(
      { file, row },
      `row is over ${formatNumber(MAX_RECORD_LENGTH)} characters long: check for a quote (") opened and never closed`,
    );
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return new InputError(
      { file, row },
      'not readable as CSV: a quote (") opened in this row is never closed, so the rest of the file ' +
        "would read as one cell; close the quote or remove it",
    );
  }
  const noticed = typeof error.lines === "number" && error.lines > row ? ` (noticed at line ${error.lines})` : "";
  const hint =
    error.code === "CSV_INVALID_CLOSING_QUOTE" || error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
      ? `${noticed}: a quoted cell must end at its closing quote; write a quote inside a cell as two ("")`
      : noticed;
  return new InputError({ file, row }, `not readable as CSV: ${error.message}${hint}`);
}

/** The file's records by csv-parse: strict about quotes, and every syntax error located for an analyst. */
function strictRecords(path: string, file: string, onRead: ((bytes: number) => void) | undefined): RawRecords {
  const parser = parse({ ...PARSE_OPTIONS, record_delimiter: [...PARSE_OPTIONS.record_delimiter] });
  // pipeline, unlike pipe, forwards a read error (a missing file, invalid UTF-8) to the parser, so iteration rejects.
  pipeline(createReadStream(path), new Utf8Check(file, onRead), parser, () => {});
  const source: AsyncIterator<string[]> = parser[Symbol.asyncIterator]();
  return {
    // One record a batch: this path is taken only for a file in doubt.
    async nextBatch() {
      try {
        const next = await source.next();
        return next.done ? undefined : [next.value];
      } catch (error) {
        parser.destroy();
        throw error instanceof CsvError ? await syntaxProblem(error, path, file) : error;
      }
    },
    close: () => parser.destroy(),
  };
}

/** Thrown by the fast reader where csv-parse must decide: a quote out of place, or a record too long. */
class ParserInDoubt extends Error {}

/**
 * Text read at a time: papaparse parses each piece whole, carrying an unfinished record to the next. Small, so a
 * batch's records die young while figures are written (64 KiB pieces peaked 50 MB higher in a 1,000,000-row check).
 */
const TEXT_CHUNK = 16 * 1024;

/**
 * The file's records by papaparse's core parser, a piece of text at a time: three times csv-parse's speed on a
 * well-formed file (a 112 MB file of 1,000,000 rows read in 1.6-1.9 s instead of 5.0 s, measured). It is lenient
 * where csv-parse is strict, so it gives way (ParserInDoubt) at any quote error it meets, at a quote left in a cell
 * and at a record longer than csv-parse accepts: csv-parse then reads the file, and its records and problems are the
 * ones given (decision record 12).
 */
function fastRecords(path: string, file: string, onRead: ((bytes: number) => void) | undefined): RawRecords {
  const stream = createReadStream(path, { highWaterMark: TEXT_CHUNK });
  const checked = new Utf8Check(file, onRead);
  // A read error (a missing file, invalid UTF-8) reaches the reader through the check.
  pipeline(stream, checked, () => {});
  const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  const pieces: AsyncIterator<Buffer> = checked[Symbol.asyncIterator]();
  let carried = "";
  let started = false;
  let finished = false;

  return {
    /** The records of the next piece of text (maybe none, when a record spans pieces). */
    async nextBatch() {
      if (finished) return undefined;
      const piece = await pieces.next();
      let text = carried + (piece.done ? "" : piece.value.toString("utf8"));
      if (!started) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      finished = piece.done === true;
      const result = parser.parse(text, 0, !finished) as Papa.ParseResult<string[]>;
      if (result.errors.length > 0) throw new ParserInDoubt();
      // A quote left in a cell is either written as two inside quotes, or stray (`ab"c`), which papaparse keeps and
      // csv-parse refuses. Rare in statistics, so any such cell is left to csv-parse.
      if (text.includes('"') && result.data.some((record) => record.some((cell) => cell.includes('"'))))
        throw new ParserInDoubt();
      carried = finished ? "" : text.slice(result.meta.cursor);
      if (carried.length > MAX_RECORD_LENGTH) throw new ParserInDoubt();
      for (const record of result.data) {
        // Split at "\n", a Windows line keeps its "\r" on its last cell (unquoted; papaparse drops it after a quote).
        const last = record.length - 1;
        if ((record[last] as string).endsWith("\r")) record[last] = (record[last] as string).slice(0, -1);
      }
      return result.data;
    },
    close: () => stream.destroy(),
  };
}

/** Streams a CSV file record by record (or batch by batch); every problem becomes an InputError located by file and row. */
export async function readCsvRecords(path: string, options: CsvOptions = {}): Promise<CsvFile> {
  const file = options.fileLabel ?? basename(path);
  // An upload's check shows how far each reading has got.
  const onRead = fileReadReporter(path);
  let source = fastRecords(path, file, onRead);
  /** Records taken from the source, blank ones included: where csv-parse takes over, these are skipped. */
  let taken = 0;

  /** The line the next record starts on. */
  let nextLine = 1;

  const close = () => {
    source.close();
  };

  const nextRawBatch = async (): Promise<string[][] | undefined> => {
    try {
      const batch = await source.nextBatch();
      taken += batch?.length ?? 0;
      return batch;
    } catch (error) {
      if (!(error instanceof ParserInDoubt)) throw error;
      // csv-parse reads the file again and decides: its records up to here are the ones already taken.
      source.close();
      source = strictRecords(path, file, onRead);
      for (let skipped = 0; skipped < taken; ) {
        const batch = await source.nextBatch();
        if (batch === undefined) break;
        skipped += batch.length;
      }
      return nextRawBatch();
    }
  };

  /** The next records that are not blank, numbered by the line each starts on; undefined at the end. */
  const nextRecords = async (): Promise<CsvRecord[] | undefined> => {
    for (;;) {
      let raw: string[][] | undefined;
      try {
        raw = await nextRawBatch();
      } catch (error) {
        close();
        throw error;
      }
      if (raw === undefined) return undefined;
      const records: CsvRecord[] = [];
      for (const cells of raw) {
        const row = nextLine;
        // A record is one line, and one more for each line break inside its quoted cells.
        nextLine += 1;
        for (const cell of cells) if (cell.includes("\n")) nextLine += countLineBreaks(cell);
        if (!cells.every((cell) => cell.trim() === "")) records.push({ row, cells });
      }
      if (records.length > 0) return records;
    }
  };

  /** An oversized cell: a figure or label is never this long. */
  const lengthProblem = (record: CsvRecord, columnName: (position: number) => string): InputError | undefined => {
    const position = record.cells.findIndex((cell) => cell.length > MAX_FIELD_LENGTH);
    if (position === -1) return undefined;
    const cell = record.cells[position] as string;
    return new InputError(
      { file, row: record.row, column: columnName(position) },
      `cell is ${formatNumber(cell.length)} characters long, over the limit of ${formatNumber(MAX_FIELD_LENGTH)}: ` +
        `a figure or label is never this long; check for a quote (") left open or text pasted into the wrong cell`,
      `${cell.slice(0, 40)}…`,
    );
  };

  let pending = (await nextRecords()) ?? [];
  const header = pending.shift();
  if (header === undefined) {
    close();
    throw new InputError(
      { file, row: 1 },
      "the file is empty: expected a header row naming the columns, then data rows",
    );
  }
  const headerProblem = lengthProblem(header, (position) => `column ${position + 1}`);
  if (headerProblem) {
    close();
    throw headerProblem;
  }

  /** A row with more or fewer cells than the header. */
  const shapeProblem = (record: CsvRecord): InputError | undefined => {
    if (record.cells.length === header.cells.length) return undefined;
    const short = record.cells.length < header.cells.length;
    const column = short ? header.cells[record.cells.length]?.trim() || undefined : undefined;
    return new InputError(
      { file, row: record.row, ...(column !== undefined ? { column } : {}) },
      `row has ${record.cells.length} cells, header has ${header.cells.length}` +
        (short
          ? `: the row ends before column ${column ?? record.cells.length + 1}; check for a missing comma or a line break inside a cell`
          : ': check for an unquoted comma inside a cell (write it in quotes, e.g. "1,234" or "Bournemouth, Christchurch and Poole")'),
      short ? undefined : record.cells.slice(header.cells.length).join(",") || undefined,
    );
  };

  let dataRows = 0;
  /** A problem that stops reading, met after records of the same batch that come first. */
  let stopping: InputError | undefined;

  const nextBatch = async (): Promise<CsvRecord[] | undefined> => {
    for (;;) {
      if (stopping) throw stopping;
      const records = pending.length > 0 ? pending : await nextRecords();
      pending = [];
      if (records === undefined) {
        close();
        if (dataRows === 0) {
          throw new InputError(
            { file, row: header.row + 1 },
            "the file has a header row but no data rows: there is nothing to load",
          );
        }
        return undefined;
      }
      dataRows += records.length;
      const good: CsvRecord[] = [];
      for (const record of records) {
        const problem =
          shapeProblem(record) ??
          lengthProblem(record, (position) => header.cells[position]?.trim() || `column ${position + 1}`);
        if (problem === undefined) good.push(record);
        // With a collector the row is recorded and skipped; without one, reading stops at it.
        else if (options.problems) options.problems.add(problem);
        else {
          close();
          stopping = problem;
          break;
        }
      }
      if (good.length > 0) return good;
    }
  };

  const finish = async () => {
    close();
    return { done: true as const, value: undefined };
  };
  const batches: AsyncIterableIterator<CsvRecord[]> = {
    async next() {
      const batch = await nextBatch();
      return batch === undefined ? { done: true, value: undefined } : { done: false, value: batch };
    },
    return: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  let batch: CsvRecord[] = [];
  let at = 0;
  const records: AsyncIterableIterator<CsvRecord> = {
    async next() {
      while (at >= batch.length) {
        const next = await nextBatch();
        if (next === undefined) return { done: true, value: undefined };
        batch = next;
        at = 0;
      }
      return { done: false, value: batch[at++] as CsvRecord };
    },
    return: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return { header: header.cells, records, batches };
}
