// pnpm load-data FILE [--meta META.csv] [--sheet NAME] [--dataset CODE] [--publish] [--accept-warnings] [--note TEXT]
// The same checks and publishing as an analyst's upload, from the command line.
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  DatabaseInUseError,
  databaseOptionsFromEnv,
  describeError,
  migrateDatabase,
  openDatabase,
  publishUpload,
  queryRows,
  type UploadReport,
  validateUpload,
} from "@plan-outcomes/db";
import { seedOptionsFromEnv, seedReferenceDataOnly } from "@plan-outcomes/seeds";
import { sql } from "drizzle-orm";

const EXIT = { published: 0, refused: 1, notPublished: 2, usage: 64 } as const;

function usage(message: string): never {
  console.error(
    `${message}\nUsage: pnpm load-data FILE [--meta META.csv] [--sheet NAME] [--dataset CODE] [--publish] [--accept-warnings] [--note TEXT]`,
  );
  process.exit(EXIT.usage);
}

function printReport(report: UploadReport): void {
  if (report.status === "refused") {
    console.log(`REFUSED: nothing was published.`);
    for (const problem of report.problems.slice(0, 100)) {
      const where = [
        problem.file,
        problem.row ? `row ${problem.row}` : "",
        problem.column ? `column ${problem.column}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      console.log(`  ${where}: ${problem.reason}${problem.value !== null ? ` (found "${problem.value}")` : ""}`);
    }
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

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: "string" },
    meta: { type: "string" },
    sheet: { type: "string" },
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

let exitCode: number = EXIT.refused;
try {
  await migrateDatabase(handle);
  const [plans] = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from plans`);
  if (!plans || plans.count === 0) {
    console.log("Empty database: loading reference data (plans, indicators, areas, mappings) first.");
    await seedReferenceDataOnly(handle.db, seedOptionsFromEnv(process.env));
  }
  const datasetCode =
    values.dataset ??
    `upload-${fileName
      .replace(/\.[^.]+$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")}`;
  const { uploadId, report } = await validateUpload(handle.db, {
    path,
    fileName,
    datasetCode,
    uploadedBy: `load-data (${process.env.USER ?? "unknown user"})`,
    uploadedByUserId: null,
    ...(metaPath ? { metaPath } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
  });
  console.log(`Upload ${uploadId} of ${fileName} into dataset ${datasetCode}.`);
  printReport(report);
  if (report.status === "refused") {
    exitCode = EXIT.refused;
  } else if (!values.publish) {
    console.log("Not published: run again with --publish to publish it.");
    exitCode = EXIT.notPublished;
  } else if (report.warnings.length > 0 && !values["accept-warnings"]) {
    console.log("Not published: it has warnings. Review them, then run again with --publish --accept-warnings.");
    exitCode = EXIT.notPublished;
  } else {
    const outcome = await publishUpload(handle.db, uploadId, {
      acceptWarnings: values["accept-warnings"],
      note: values.note,
      publishedBy: `load-data (${process.env.USER ?? "unknown user"})`,
    });
    console.log(
      outcome.unchanged
        ? `Already published: version ${outcome.version} of ${datasetCode} is this file.`
        : `Published version ${outcome.version} of ${datasetCode}: ${outcome.inserted} figures (${outcome.revised} revised, ${outcome.withdrawn} withdrawn).`,
    );
    exitCode = EXIT.published;
  }
} catch (error) {
  console.error(`load-data failed, nothing was published: ${describeError(error)}`);
  exitCode = EXIT.refused;
} finally {
  await handle.close();
}
process.exit(exitCode);
