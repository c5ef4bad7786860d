import { stringify } from "csv-stringify/sync";
import type { Upload } from "../../contract/index.ts";
import { neutraliseFormula } from "../access/audit-export.ts";

/** The report an analyst can keep or send back to the file's supplier: one line per problem or warning. */
export function uploadReportToCsv(upload: Upload): string {
  const problems = upload.report.problems.map((problem) => [
    "failure",
    problem.kind,
    problem.file,
    problem.row ?? "",
    problem.column ?? "",
    problem.value ?? "",
    problem.reason,
  ]);
  const warnings = upload.report.warnings.map((warning) => [
    "warning",
    warning.kind,
    upload.fileName,
    "",
    "",
    "",
    warning.message,
  ]);
  return stringify(
    [...problems, ...warnings].map((row) => row.map((cell) => neutraliseFormula(String(cell)))),
    { header: true, columns: ["severity", "kind", "file", "row", "column", "value", "reason"] },
  );
}
