import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-client.ts";
import { toUploadErrorMessage, UploadNetworkError } from "./to-upload-error-message.ts";

const MB = 1024 * 1024;
const problem = (status: number, title: string, detail = "") =>
  new ApiError(status, { type: "about:blank", title, status, detail }, "");

describe("toUploadErrorMessage", () => {
  it("names the file's size and the limit the server gives for a file too large", () => {
    const error = problem(
      413,
      "File too large",
      "big.csv is larger than the 100 MB limit for uploads (UPLOAD_LIMIT_MB).",
    );
    expect(toUploadErrorMessage(error, { size: 140 * MB })).toBe(
      "This file is 140 MB; the limit is 100 MB. Split it into smaller files, or ask an administrator to raise the limit.",
    );
  });

  it("still names the size when the limit is not given", () => {
    expect(toUploadErrorMessage(problem(413, "Payload Too Large"), { size: 140 * MB })).toMatch(
      /^This file is 140 MB, which is over the upload limit\./,
    );
  });

  it("tells a signed-out analyst to sign in again", () => {
    expect(toUploadErrorMessage(problem(401, "Unauthorized"), { size: 10 })).toMatch(/^You have been signed out/);
  });

  it("says analyst access is needed on a 403", () => {
    expect(toUploadErrorMessage(problem(403, "Forbidden"), { size: 10 })).toMatch(/You need analyst access/);
  });

  it("passes on the server's explanation of a bad request", () => {
    expect(
      toUploadErrorMessage(problem(400, "Bad Request", "Send the file as multipart/form-data in a field named file"), {
        size: 10,
      }),
    ).toBe("The server could not read the upload: Send the file as multipart/form-data in a field named file");
  });

  it("says nothing was published when the server fails", () => {
    expect(toUploadErrorMessage(problem(500, "Internal Server Error"), { size: 10 })).toMatch(/Nothing was published/);
  });

  it("asks to check the connection when the file never arrived", () => {
    expect(toUploadErrorMessage(new UploadNetworkError("network"), { size: 10 })).toMatch(/Check your connection/);
  });
});
