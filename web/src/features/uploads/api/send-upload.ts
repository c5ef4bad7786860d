import { createUploadRoute, type Upload } from "@plan-outcomes/server/contract";
import { ApiError, isProblem } from "../../../lib/api-client.ts";
import { currentCsrfToken } from "../../../lib/session.ts";
import { newProgressKey } from "../utils/new-progress-key.ts";
import { UploadNetworkError } from "../utils/to-upload-error-message.ts";

export interface SendUploadOptions {
  dataset?: string | undefined;
  /** For an .xlsx workbook: the sheet to read (the server reads the first when none is named). */
  sheet?: string | undefined;
  /** The file's Explore Education Statistics `.meta.csv`, when the analyst has it. */
  meta?: File | undefined;
  /** Bytes sent so far, of the whole request. */
  onProgress?: (sent: number, total: number) => void;
  /** Every byte has left the browser: the server is now checking the file, followed by `progressKey`. */
  onSent?: (progressKey: string) => void;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Sends a file to `POST /api/uploads` as multipart form data. XMLHttpRequest rather than the API client's fetch,
 * because only it reports upload progress; the contract still names the route and types the answer, and the
 * session's CSRF token goes with it as with every other change.
 */
export function sendUpload(file: File, options: SendUploadOptions = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (options.dataset) form.append("dataset", options.dataset);
    if (options.sheet) form.append("sheet", options.sheet);
    const progressKey = newProgressKey();
    form.append("progress", progressKey);
    form.append("file", file, file.name);
    if (options.meta) form.append("meta", options.meta, options.meta.name);

    const xhr = new XMLHttpRequest();
    xhr.open(createUploadRoute.method, createUploadRoute.url);
    xhr.setRequestHeader("accept", "application/json");
    const csrfToken = currentCsrfToken();
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);

    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    });
    xhr.upload.addEventListener("load", () => options.onSent?.(progressKey));
    xhr.addEventListener("load", () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Upload);
      else
        reject(
          new ApiError(
            xhr.status,
            isProblem(body) ? body : null,
            `The server answered ${xhr.status} ${xhr.statusText}`.trim(),
          ),
        );
    });
    xhr.addEventListener("error", () => reject(new UploadNetworkError("the upload did not reach the server")));
    xhr.addEventListener("abort", () => reject(new DOMException("The upload was cancelled", "AbortError")));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
