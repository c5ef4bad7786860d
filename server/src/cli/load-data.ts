// pnpm load-data FILE [--meta META.csv] [--sheet NAME] [--dataset CODE] [--publish] [--accept-warnings] [--note TEXT]
// pnpm load-data FILE --reference localities|lookup|family_hubs [--sheet NAME] [--publish] [--note TEXT]
// The same checks and publishing as an analyst's upload (or reference data load), from the command line.
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type Database,
  DatabaseInUseError,
  databaseOptionsFromEnv,
  describeError,
  followCheckProgress,
  type LocatedProblem,
  migrateDatabase,
  openDatabase,
  publishUpload,
  queryRows,
  REFERENCE_KINDS,
  type ReferenceFileReport,
  type ReferenceKind,
  receiveReferenceFile,
  type UploadReport,
  validateUpload,
} from "@plan-outcomes/db";
import { seedOptionsFromEnv, seedReferenceDataOnly } from "@plan-outcomes/seeds";
import { sql } from "drizzle-orm";
import { CHECK_STEP_LABELS } from "../contract/index.ts";

const EXIT = { published: 0, refused: 1, notPublished: 2, usage: 64 } as const;

function usage(message: string): never {
  console.error(
    `${message}\nUsage: pnpm load-data FILE [--meta META.csv] [--sheet NAME] [--dataset CODE] [--publish] [--accept-warnings] [--note TEXT]\n` +
      `       pnpm load-data FILE --reference ${REFERENCE_KINDS.join("|")} [--sheet NAME] [--publish] [--note TEXT]`,
  );
  process.exit(EXIT.usage);
}

/** Each problem located: "file.csv, row 3, column valid_from: reason (found "x")". */
function printProblems(problems: readonly LocatedProblem[]): void {
  for (const problem of problems) {
    const where = [
      problem.file,
      problem.row ? `row ${problem.row}` : "",
      problem.column ? `column ${problem.column}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    console.log(`  ${where}: ${problem.reason}${problem.value !== null ? ` (found "${problem.value}")` : ""}`);
  }
}

function printReport(report: UploadReport): void {
  if (report.status === "refused") {
    console.log(`REFUSED: nothing was published.`);
    printProblems(report.problems);
    return;
  }
  console.log(
    `Valid ${report.format?.toUpperCase()} file: ${report.rowCount} rows, ${report.observationCount} figures.`,
  );
  const preview = report.preview;
  if (preview) {
    console.log(
      `Publishing would add ${preview.new} new, change ${preview.changed}, leave ${preview.unchanged} unchanged and withdraw ${preview.withdrawn} figures.`,
    );
    for (const change of preview.changes.slice(0, 10)) {
      console.log(
        `  changed: ${change.indicatorCode} ${change.areaCode} ${change.periodCode}: ${change.oldValue} -> ${change.newValue}`,
      );
    }
  }
  for (const warning of report.warnings) console.log(`  warning (${warning.kind}): ${warning.message}`);
}

function printReferenceReport(kind: ReferenceKind, report: ReferenceFileReport): void {
  if (report.status === "refused") {
    console.log(`REFUSED: nothing was written. ${report.problemCount} problem(s):`);
    printProblems(report.problems);
    return;
  }
  const preview = report.preview;
  console.log(`Valid ${kind} file: ${report.rowCount} rows.`);
  if (preview) {
    console.log(
      `Publishing would add ${preview.added}, change ${preview.changed} and remove ${preview.removed} rows; ${preview.unchanged} unchanged.`,
    );
    for (const change of preview.changes.slice(0, 10)) console.log(`  ${change.change}: ${change.key}`);
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: "string" },
    meta: { type: "string" },
    sheet: { type: "string" },
    reference: { type: "string" },
    publish: { type: "boolean", default: false },
    "accept-warnings": { type: "boolean", default: false },
    note: { type: "string", default: "" },
  },
});
const [file] = positionals;
if (!file || positionals.length > 1) usage("Give exactly one file.");
// pnpm runs scripts from the package folder; INIT_CWD is where the command was typed.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
const fileName = basename(path);
const reference = values.reference as ReferenceKind | undefined;
if (reference !== undefined && !REFERENCE_KINDS.includes(reference)) {
  usage(`--reference takes ${REFERENCE_KINDS.join(", ")}; "${reference}" is none of them.`);
}
if (reference && (values.meta || values.dataset || values["accept-warnings"])) {
  usage("--meta, --dataset and --accept-warnings are for data files, not reference data.");
}
const metaPath = values.meta ? resolve(process.env.INIT_CWD ?? process.cwd(), values.meta) : undefined;

let handle: Awaited<ReturnType<typeof openDatabase>>;
try {
  handle = await openDatabase(databaseOptionsFromEnv(process.env));
} catch (error) {
  if (error instanceof DatabaseInUseError) {
    console.error(`${error.message}`);
    process.exit(EXIT.refused);
  }
  throw error;
}

const loadedBy = `load-data (${process.env.USER ?? "unknown user"})`;

async function loadReferenceFile(db: Database, kind: ReferenceKind): Promise<number> {
  const report = await receiveReferenceFile(db, kind, path, {
    fileName,
    ...(values.sheet ? { sheet: values.sheet } : {}),
    publish: values.publish,
    note: values.note,
    createdBy: loadedBy,
    createdByUserId: null,
  });
  printReferenceReport(kind, report);
  if (report.published) {
    console.log(`Published version ${report.published.version} of the ${kind} reference data.`);
    return EXIT.published;
  }
  if (report.status === "refused") return EXIT.refused;
  console.log("Not published: run again with --publish to publish it.");
  return EXIT.notPublished;
}

async function loadDataFile(db: Database): Promise<number> {
  const datasetCode =
    values.dataset ??
    `upload-${fileName
      .replace(/\.[^.]+$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")}`;
  // Each step of the check as it begins, on stderr: a large file's check takes a while.
  let step: string | undefined;
  const { uploadId, report } = await followCheckProgress(
    (progress) => {
      if (progress.step === step) return;
      step = progress.step;
      console.error(`${CHECK_STEP_LABELS[progress.step]}…`);
    },
    () =>
      validateUpload(db, {
        path,
        fileName,
        datasetCode,
        uploadedBy: loadedBy,
        uploadedByUserId: null,
        ...(metaPath ? { metaPath } : {}),
        ...(values.sheet ? { sheet: values.sheet } : {}),
      }),
  );
  console.log(`Upload ${uploadId} of ${fileName} into dataset ${datasetCode}.`);
  printReport(report);
  if (report.status === "refused") return EXIT.refused;
  if (!values.publish) {
    console.log("Not published: run again with --publish to publish it.");
    return EXIT.notPublished;
  }
  if (report.warnings.length > 0 && !values["accept-warnings"]) {
    console.log("Not published: it has warnings. Review them, then run again with --publish --accept-warnings.");
    return EXIT.notPublished;
  }
  const outcome = await publishUpload(db, uploadId, {
    acceptWarnings: values["accept-warnings"],
    note: values.note,
    publishedBy: loadedBy,
  });
  console.log(
    outcome.unchanged
      ? `Already published: version ${outcome.version} of ${datasetCode} is this file.`
      : `Published version ${outcome.version} of ${datasetCode}: ${outcome.inserted} figures (${outcome.revised} revised, ${outcome.withdrawn} withdrawn).`,
  );
  return EXIT.published;
}

let exitCode: number = EXIT.refused;
try {
  await migrateDatabase(handle);
  const [plans] = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from plans`);
  if (!plans || plans.count === 0) {
    console.log("Empty database: loading reference data (plans, indicators, areas, mappings) first.");
    await seedReferenceDataOnly(handle.db, seedOptionsFromEnv(process.env));
  }
  exitCode = reference ? await loadReferenceFile(handle.db, reference) : await loadDataFile(handle.db);
} catch (error) {
  console.error(`load-data failed, nothing was published: ${describeError(error)}`);
  exitCode = EXIT.refused;
} finally {
  await handle.close();
}
process.exit(exitCode);
