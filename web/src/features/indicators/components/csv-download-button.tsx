import type { CsvCell } from "../../../lib/csv.ts";
import { downloadTextFile, toCsv } from "../../../lib/csv.ts";

interface CsvDownloadButtonProps {
  fileName: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  label?: string;
}

/** Downloads exactly the table on screen, built in the browser from the same rows. */
export function CsvDownloadButton({
  fileName,
  header,
  rows,
  label = "Download this table as CSV",
}: CsvDownloadButtonProps) {
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => downloadTextFile(fileName, toCsv(header, rows))}
    >
      {label} <span className="visually-hidden">({rows.length} rows)</span>
    </button>
  );
}
