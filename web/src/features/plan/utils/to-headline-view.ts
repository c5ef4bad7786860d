import type { Headline, TargetStatus, Verdict } from "@plan-outcomes/server/contract";
import {
  formatChange,
  formatComparisonReason,
  formatObservedValue,
  formatRank,
  formatStatus,
  formatTargetStatus,
  formatValue,
  splitValueUnit,
} from "../../../lib/format.ts";

export interface HeadlineView {
  code: string;
  title: string;
  latest: {
    valueText: string;
    /** The figure and the unit words that follow it, for setting the words smaller. */
    valueParts: [figure: string, unitWords: string];
    /** "x: Not available" when the latest figure is a symbol. */
    statusText: string | null;
    periodLabel: string;
    flags: { isIllustrative: boolean; isProvisional: boolean; isRevised: boolean; isDisputed: boolean };
    note: string;
  } | null;
  /** "Change since 2023/24": a change between two periods, not a tested trend. */
  change: { label: string; text: string } | null;
  comparators: { areaCode: string; areaName: string; valueText: string; statusText: string | null }[];
  comparison: { verdict: Verdict; benchmarkName: string; reason: string | null };
  /** "12th of 152 (top quartile)" among English LAs: a position, not a statistical test. */
  rankText: string | null;
  target: { label: string; periodLabel: string; valueText: string; status: TargetStatus; statusText: string } | null;
  /** The trend in words, for the sparkline's text alternative. */
  trendText: string | null;
}

/** The statistical neighbours' median, shown beside the other comparators with how many it is of. */
function neighbourComparator({ neighbours }: Headline): Headline["comparators"] {
  if (!neighbours) return [];
  return [
    {
      areaCode: "neighbours",
      areaName: `Statistical neighbours (median of ${neighbours.count})`,
      value: neighbours.median,
      status: neighbours.median === null ? "x" : "value",
    },
  ];
}

/** What one headline card shows, worked out once from the API's headline (no reshaping inside JSX). */
export function toHeadlineView(headline: Headline, areaName: string, benchmarkName = "England"): HeadlineView {
  const { indicator, latest, comparators, trend } = headline;
  const format = (value: number | null, status: Parameters<typeof formatObservedValue>[1]) =>
    formatObservedValue(value, status, indicator.unit, indicator.decimalPlaces);

  // An earlier figure for the very same period is not an earlier period.
  const previous =
    headline.previous && headline.previous.period.code !== latest?.period.code ? headline.previous : null;
  const change =
    latest && previous
      ? {
          label: `Change since ${previous.period.label}`,
          text:
            headline.change === null
              ? "Cannot be calculated"
              : formatChange(headline.change, indicator.unit, indicator.decimalPlaces),
        }
      : null;

  const comparison = latest?.comparison
    ? {
        verdict: latest.comparison.verdict,
        benchmarkName: latest.comparison.benchmarkName,
        reason:
          latest.comparison.verdict === "not_compared" ? formatComparisonReason(latest.comparison.description) : null,
      }
    : {
        verdict: "not_compared" as const,
        benchmarkName,
        reason: latest ? `No ${benchmarkName} figure to compare with` : "No figures for this area",
      };

  const values = trend.filter((point) => point.value !== null);
  const trendText =
    values.length >= 2
      ? `${areaName}, ${trend[0]?.periodLabel} to ${trend.at(-1)?.periodLabel}: ${trend
          .map((point) =>
            point.value === null ? "no figure" : formatValue(point.value, indicator.unit, indicator.decimalPlaces),
          )
          .join(", ")}`
      : null;

  return {
    code: indicator.code,
    title: indicator.title,
    latest: latest
      ? {
          valueText: format(latest.value, latest.status),
          valueParts: splitValueUnit(format(latest.value, latest.status)),
          statusText: formatStatus(latest.status),
          periodLabel: latest.period.label,
          flags: {
            isIllustrative: latest.isIllustrative,
            isProvisional: latest.isProvisional,
            isRevised: latest.isRevised,
            isDisputed: latest.isDisputed,
          },
          note: latest.note,
        }
      : null,
    change,
    // Local-only indicators have no comparator figures: rows of "No data" would only be noise.
    comparators: (comparators.some((comparator) => comparator.value !== null || comparator.status !== null)
      ? [...comparators, ...neighbourComparator(headline)]
      : []
    ).map((comparator) => ({
      areaCode: comparator.areaCode,
      areaName: comparator.areaName,
      valueText:
        comparator.value === null && comparator.status === null
          ? "No data"
          : format(comparator.value, comparator.status),
      statusText: formatStatus(comparator.status),
    })),
    comparison,
    rankText: headline.rank ? formatRank(headline.rank) : null,
    target: headline.target
      ? {
          label: `Target for ${headline.target.periodLabel}`,
          periodLabel: headline.target.periodLabel,
          valueText: formatValue(headline.target.value, indicator.unit, indicator.decimalPlaces),
          status: headline.target.status,
          statusText: formatTargetStatus(headline.target.status),
        }
      : null,
    trendText,
  };
}
