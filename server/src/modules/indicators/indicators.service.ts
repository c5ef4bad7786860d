import type { Database } from "@plan-outcomes/db";
import type { Indicator, IndicatorSummary } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import { type IndicatorFilter, selectIndicatorLinks, selectIndicators } from "./indicators.queries.ts";

type IndicatorRow = Awaited<ReturnType<typeof selectIndicators>>[number];
type LinkRow = Awaited<ReturnType<typeof selectIndicatorLinks>>[number];

function toIndicator({ indicator, source }: IndicatorRow, links: LinkRow[]): Indicator {
  return {
    code: indicator.code,
    title: indicator.title,
    unit: indicator.unit,
    decimalPlaces: indicator.decimalPlaces,
    polarity: indicator.polarity,
    periodType: indicator.periodType,
    priorities: links
      .filter((link) => link.indicatorId === indicator.id)
      .map(({ plan, code, isPrimary, isHeadline }) => ({ plan, code, isPrimary, isHeadline })),
    definition: indicator.definition,
    numerator: indicator.numerator,
    denominator: indicator.denominator,
    multiplier: indicator.multiplier,
    valueType: indicator.valueType,
    caveats: indicator.caveats,
    suppressBelow: indicator.suppressBelow,
    noSignificance: indicator.noSignificance,
    lastUpdated: indicator.lastUpdated,
    nextUpdate: indicator.nextUpdate,
    source: source
      ? {
          code: source.code,
          title: source.title,
          publisher: source.publisher,
          url: source.url,
          documentName: source.documentName,
          licence: source.licence,
        }
      : null,
  };
}

/** Indicators with their priority links; the filter keeps hot paths from reading the whole catalogue. */
export async function listIndicatorDetails(
  db: Database,
  filter: IndicatorFilter = {},
): Promise<(Indicator & { id: number })[]> {
  const rows = await selectIndicators(db, filter);
  const links = await selectIndicatorLinks(
    db,
    rows.map((row) => row.indicator.id),
  );
  return rows.map((row) => ({ ...toIndicator(row, links), id: row.indicator.id }));
}

export async function listIndicators(
  db: Database,
  filter: { plan?: string; priority?: string; search?: string },
): Promise<IndicatorSummary[]> {
  const words = (filter.search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const all = await listIndicatorDetails(db);
  return all
    .filter(
      (indicator) =>
        !filter.priority ||
        indicator.priorities.some(
          (link) => link.code === filter.priority && (!filter.plan || link.plan === filter.plan),
        ),
    )
    .filter((indicator) =>
      words.every((word) => `${indicator.title} ${indicator.definition}`.toLowerCase().includes(word)),
    )
    .map(({ code, title, unit, decimalPlaces, polarity, periodType, priorities }) => ({
      code,
      title,
      unit,
      decimalPlaces,
      polarity,
      periodType,
      priorities,
    }));
}

export async function getIndicator(db: Database, code: string): Promise<Indicator & { id: number }> {
  const [indicator] = await listIndicatorDetails(db, { codes: [code] });
  if (!indicator) throw new NotFoundError("indicator", code);
  return indicator;
}
