import { describe, expect, it } from "vitest";
import { validateUploadForm } from "./validate-upload-form.ts";

const csv = (content: string, name = "care_leavers.csv") => new File([content], name, { type: "text/csv" });

describe("validateUploadForm", () => {
  it("accepts a file with no dataset code, leaving the code to the server", () => {
    const file = csv("a,b\n1,2\n");
    expect(validateUploadForm({ file, dataset: "  " })).toEqual({
      ok: true,
      value: { file, dataset: undefined, sheet: undefined },
    });
  });

  it("trims a dataset code", () => {
    const result = validateUploadForm({ file: csv("a\n"), dataset: " care-leavers-activity " });
    expect(result.ok && result.value.dataset).toBe("care-leavers-activity");
  });

  it("sends a workbook's sheet name, trimmed", () => {
    const result = validateUploadForm({ file: csv("x", "early-help.xlsx"), dataset: "", sheet: " Figures " });
    expect(result.ok && result.value.sheet).toBe("Figures");
  });

  it("leaves the sheet out for a CSV, which has none", () => {
    const result = validateUploadForm({ file: csv("a\n"), dataset: "", sheet: "Figures" });
    expect(result.ok && result.value.sheet).toBeUndefined();
  });

  it("refuses a sheet name longer than Excel allows", () => {
    const result = validateUploadForm({ file: csv("x", "book.xlsx"), dataset: "", sheet: "x".repeat(32) });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(["sheet"]);
  });

  it("asks for a file when none is chosen", () => {
    expect(validateUploadForm({ file: null, dataset: "" })).toEqual({
      ok: false,
      errors: [{ field: "file", message: "Choose a file to upload" }],
    });
  });

  it("refuses an empty file by name", () => {
    expect(validateUploadForm({ file: csv("", "empty.csv"), dataset: "" })).toEqual({
      ok: false,
      errors: [{ field: "file", message: "empty.csv is empty: choose another file" }],
    });
  });

  it("refuses a dataset code the restore address could not carry", () => {
    const result = validateUploadForm({ file: csv("a\n"), dataset: "care leavers/2025" });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(["dataset"]);
  });
});
