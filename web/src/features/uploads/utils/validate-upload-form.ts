export type UploadField = "file" | "dataset";

export interface UploadFieldError {
  field: UploadField;
  message: string;
}

/** The same rule as the dataset code in the restore route's address, so a dataset named here can be restored. */
const DATASET_CODE = /^[A-Za-z0-9_.-]{1,100}$/;

export type UploadFormResult =
  | { ok: true; value: { file: File; dataset: string | undefined } }
  | { ok: false; errors: UploadFieldError[] };

/** Checks the upload form before sending: a file that is not empty, and a dataset code the API can use. */
export function validateUploadForm(input: { file: File | null; dataset: string }): UploadFormResult {
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
  if (errors.length || !input.file) return { ok: false, errors };
  return { ok: true, value: { file: input.file, dataset: dataset || undefined } };
}
