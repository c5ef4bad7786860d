export type UploadField = "file" | "dataset" | "sheet";

export interface UploadFieldError {
  field: UploadField;
  message: string;
}

/** The same rule as the dataset code in the restore route's address, so a dataset named here can be restored. */
const DATASET_CODE = /^[A-Za-z0-9_.-]{1,100}$/;

/** Excel's own limit on a sheet's name. */
const SHEET_NAME_LENGTH = 31;

/** Only a workbook has sheets: the sheet field is offered, and sent, for an .xlsx file alone. */
export const isWorkbook = (file: File | null): boolean => file !== null && /\.xlsx$/i.test(file.name);

export type UploadFormResult =
  | { ok: true; value: { file: File; dataset: string | undefined; sheet: string | undefined } }
  | { ok: false; errors: UploadFieldError[] };

/**
 * Checks the upload form before sending: a file that is not empty, a dataset code the API can use and, for a
 * workbook, a sheet name Excel could have given.
 */
export function validateUploadForm(input: { file: File | null; dataset: string; sheet?: string }): UploadFormResult {
  const errors: UploadFieldError[] = [];
  if (!input.file) errors.push({ field: "file", message: "Choose a file to upload" });
  else if (input.file.size === 0)
    errors.push({ field: "file", message: `${input.file.name} is empty: choose another file` });
  const dataset = input.dataset.trim();
  if (dataset && !DATASET_CODE.test(dataset)) {
    errors.push({
      field: "dataset",
      message:
        "Dataset code must be 100 characters or fewer, using only letters, numbers, dots, hyphens and underscores",
    });
  }
  const sheet = isWorkbook(input.file) ? (input.sheet ?? "").trim() : "";
  if (sheet.length > SHEET_NAME_LENGTH) {
    errors.push({
      field: "sheet",
      message: `Sheet names are ${SHEET_NAME_LENGTH} characters or fewer in Excel: copy the name from the sheet's tab`,
    });
  }
  if (errors.length || !input.file) return { ok: false, errors };
  return { ok: true, value: { file: input.file, dataset: dataset || undefined, sheet: sheet || undefined } };
}
