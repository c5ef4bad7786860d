import { ApiError } from "../../../lib/api-client.ts";
import { formatFileSize } from "./format-file-size.ts";

/** The upload never reached the server, or its answer never came back. */
export class UploadNetworkError extends Error {
  override readonly name = "UploadNetworkError";
}

/** "big.csv is larger than the 100 MB limit for uploads (UPLOAD_LIMIT_MB)." → 100. */
function limitInMegabytes(detail: string | undefined): number | null {
  const match = /(\d+(?:\.\d+)?) MB limit/.exec(detail ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * Why an upload failed, in words for an analyst (what happened and what to do), never a status code:
 * a 413 becomes "This file is 140 MB; the limit is 100 MB. …".
 */
export function toUploadErrorMessage(error: unknown, file: { size: number }): string {
  if (error instanceof UploadNetworkError) {
    return "The file did not reach the server. Check your connection and try again.";
  }
  if (!(error instanceof ApiError)) {
    return "The file could not be sent. Try again; if it keeps happening, tell the Plan Outcomes team.";
  }
  const detail = error.problem?.detail;
  switch (error.status) {
    case 413: {
      const limit = limitInMegabytes(detail);
      const size = formatFileSize(file.size);
      const over =
        limit === null
          ? `This file is ${size}, which is over the upload limit.`
          : `This file is ${size}; the limit is ${limit} MB.`;
      return `${over} Split it into smaller files, or ask an administrator to raise the limit.`;
    }
    case 401:
      return "You have been signed out. Sign in again, then upload the file again.";
    case 403:
      return "You need analyst access to upload data. Ask an administrator if you need it for your work.";
    case 400:
      return `The server could not read the upload: ${detail ?? error.message}`;
    default:
      return error.status >= 500
        ? "Something went wrong on our side while checking the file. Nothing was published. Try again in a few minutes; if it keeps happening, tell the Plan Outcomes team."
        : `The file was not accepted: ${detail ?? error.message}`;
  }
}
