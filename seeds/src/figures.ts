import { createHash } from "node:crypto";
import { type Executor, type LoadableObservation, type LoadOutcome, loadObservations } from "@plan-outcomes/db";
import { parseDfePeriod } from "@plan-outcomes/db/domain";
import type { FigureDefinition } from "./catalogue/figures.ts";

/** Publishes figures written in the catalogue as one dataset, fingerprinted by their content. */
export async function loadFigureSet(
  tx: Executor,
  dataset: { code: string; title: string; sourceCode: string; label: string; isIllustrative?: boolean },
  figures: FigureDefinition[],
  options: { provisional?: boolean } = {},
): Promise<LoadOutcome> {
  const observations: LoadableObservation[] = figures.map((figure, index) => {
    const location = { file: dataset.label, row: index + 1 };
    return {
      indicatorCode: figure.indicator,
      area: { code: figure.area },
      period: parseDfePeriod(figure.period.timePeriod, figure.period.timeIdentifier, location),
      breakdown: { dimension: "total", value: "Total" },
      status: "value",
      value: figure.value,
      numerator: figure.numerator ?? null,
      denominator: figure.denominator ?? null,
      isProvisional: options.provisional ?? false,
      location,
      note: figure.note ?? "",
      isDisputed: figure.isDisputed ?? false,
      sourceCode: figure.source,
      sourceLocator: figure.locator,
    };
  });
  const fingerprint = createHash("sha256").update(JSON.stringify(figures)).digest("hex");
  return loadObservations(
    tx,
    {
      datasetCode: dataset.code,
      datasetTitle: dataset.title,
      sourceCode: dataset.sourceCode,
      fileName: dataset.label,
      fileSha256: fingerprint,
      rowCount: figures.length,
      licence: "",
      note: "Loaded by the seed.",
      createdBy: "seed",
      isIllustrative: dataset.isIllustrative ?? false,
    },
    observations,
  );
}
