export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * a leading quote makes it text. Numbers are written as numbers, so a negative value stays a number.
 */
export function toSafeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(toSafeCsvCell).join(","))
    .join("\r\n")
    .concat("\r\n");
}

/** Saves text as a file in the browser; the byte-order mark lets Excel read "£" and "–" as UTF-8. */
export function downloadTextFile(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
