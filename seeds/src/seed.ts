import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Database, repositoryRoot } from "@plan-outcomes/db";
import { BOUNDARY_FILE, loadBoundaries } from "./boundaries.ts";
import { documentFigures, headlineFigures } from "./catalogue/figures.ts";
import { loadFigureSet } from "./figures.ts";
import { buildIllustrativeFigures } from "./illustrative.ts";
import { loadPublicFiles, readLocalAuthorityLookup } from "./public-data.ts";
import { seedReferenceData } from "./reference-data.ts";
import { seedReferenceVersions } from "./reference-versions.ts";
import { IMD_FILE, imdFigures, lsoaAreas, readDorsetLsoas, readDorsetWards } from "./small-areas.ts";

export interface SeedOptions {
  /** Folder of the public statistics files; skipped when it does not exist. */
  dataDir: string | null;
  illustrative: boolean;
  log?: (message: string) => void;
}

export const defaultDataDir = resolve(repositoryRoot, "../shared/data");

/** Reads seed options from an environment (the seed CLI and the server both call this once). */
export function seedOptionsFromEnv(env: NodeJS.ProcessEnv): SeedOptions {
  const dataDir = env.PLAN_OUTCOMES_DATA_DIR?.trim() || defaultDataDir;
  return { dataDir: existsSync(dataDir) ? dataDir : null, illustrative: env.SEED_ILLUSTRATIVE !== "false" };
}

export interface SeedSummary {
  datasets: { code: string; unchanged: boolean; inserted: number; revised: number; warnings: string[] }[];
}

/**
 * Loads everything a fresh install shows, in one transaction: a bad file stops the seed and leaves
 * the database as it was. Running it again changes nothing.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const summary: SeedSummary = { datasets: [] };
  await db.transaction(async (tx) => {
    const extraAreas = options.dataDir ? readLocalAuthorityLookup(options.dataDir) : [];
    const wards = options.dataDir ? readDorsetWards(options.dataDir) : [];
    const lsoas = options.dataDir ? readDorsetLsoas(options.dataDir) : [];
    await seedReferenceData(tx, [...extraAreas, ...wards, ...lsoaAreas(lsoas)]);
    log(
      `reference data: plans, priorities, indicators, ${extraAreas.length} further local authorities, ` +
        `${wards.length} wards and ${lsoas.length} LSOAs`,
    );
    for (const loaded of await seedReferenceVersions(tx, lsoas)) log(`reference data: ${loaded}`);
    const boundaries = options.dataDir ? await loadBoundaries(tx, options.dataDir) : null;
    log(
      boundaries
        ? `boundaries: ${boundaries.stored} councils${boundaries.unmatched.length ? `; no local authority for ${boundaries.unmatched.join(", ")}` : ""}`
        : `boundaries: skipped, ${BOUNDARY_FILE} is not in the public data folder (the map will not show)`,
    );

    const record = (
      code: string,
      outcome: { unchanged: boolean; inserted: number; revised: number; warnings: { message: string }[] },
    ) => {
      summary.datasets.push({ code, ...outcome, warnings: outcome.warnings.map((warning) => warning.message) });
      log(`${code}: ${outcome.unchanged ? "unchanged" : `${outcome.inserted} figures (${outcome.revised} revised)`}`);
    };

    record(
      "headline-figures",
      await loadFigureSet(
        tx,
        {
          code: "headline-figures",
          title: "Headline published figures",
          sourceCode: "dfe-lait",
          label: "Headline published figures",
        },
        headlineFigures,
      ),
    );
    if (options.dataDir) {
      for (const load of await loadPublicFiles(tx, options.dataDir)) {
        record(load.file, { ...load.outcome, warnings: [...load.importWarnings, ...load.outcome.warnings] });
      }
    }
    record(
      "plan-document-figures",
      await loadFigureSet(
        tx,
        {
          code: "plan-document-figures",
          title: "Figures from the Plan's documents",
          sourceCode: "annual-report-2024",
          label: "Plan documents",
        },
        documentFigures,
      ),
    );
    if (lsoas.length > 0) {
      record(
        "imd-2019",
        await loadFigureSet(
          tx,
          {
            code: "imd-2019",
            title: "Index of Multiple Deprivation 2019 by LSOA",
            sourceCode: "mhclg-imd-2019",
            label: IMD_FILE,
          },
          imdFigures(lsoas),
        ),
      );
    }
    if (options.illustrative) {
      record(
        "illustrative-localities",
        await loadFigureSet(
          tx,
          {
            code: "illustrative-localities",
            title: "Illustrative locality figures",
            sourceCode: "plan-outcomes-illustrative",
            label: "Illustrative locality figures",
            isIllustrative: true,
          },
          buildIllustrativeFigures(),
        ),
      );
    }
  });
  return summary;
}

/** Plans, indicators, areas, mappings and the first reference data only: what an upload needs on an empty database. */
export async function seedReferenceDataOnly(db: Database, options: Pick<SeedOptions, "dataDir">): Promise<void> {
  await db.transaction(async (tx) => {
    const lsoas = options.dataDir ? readDorsetLsoas(options.dataDir) : [];
    await seedReferenceData(tx, [
      ...(options.dataDir ? [...readLocalAuthorityLookup(options.dataDir), ...readDorsetWards(options.dataDir)] : []),
      ...lsoaAreas(lsoas),
    ]);
    await seedReferenceVersions(tx, lsoas);
  });
}
