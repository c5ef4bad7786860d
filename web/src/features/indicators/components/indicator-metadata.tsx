import type { Indicator } from "@plan-outcomes/server/contract";
import type { ReactNode } from "react";
import { formatDate, formatPolarity, formatUnitLabel } from "../../../lib/format.ts";

interface IndicatorMetadataProps {
  indicator: Indicator;
}

/** What the indicator measures and where it comes from, as a GOV.UK-style summary list. */
export function IndicatorMetadata({ indicator }: IndicatorMetadataProps) {
  const { source } = indicator;
  const rows: { key: string; value: ReactNode }[] = [
    { key: "Definition", value: indicator.definition },
    { key: "Numerator", value: indicator.numerator },
    { key: "Denominator", value: indicator.denominator },
    {
      key: "Unit",
      value: `${formatUnitLabel(indicator.unit)}, to ${indicator.decimalPlaces} decimal place${indicator.decimalPlaces === 1 ? "" : "s"}`,
    },
    { key: "Which is better", value: formatPolarity(indicator.polarity) },
    {
      key: "Source",
      value: source ? (
        <>
          {source.publisher}: {source.url ? <a href={source.url}>{source.title}</a> : source.title}
          {source.documentName ? <>, {source.documentName}</> : null}
          <span className="summary-list__hint">Licence: {source.licence}</span>
        </>
      ) : (
        "Not recorded"
      ),
    },
    { key: "Last updated", value: indicator.lastUpdated ? formatDate(indicator.lastUpdated) : "Not recorded" },
    { key: "Next update", value: indicator.nextUpdate ? formatDate(indicator.nextUpdate) : "Not announced" },
    {
      key: "Significance",
      value: indicator.noSignificance
        ? "Not tested for this indicator: no confidence interval is shown and figures are not compared."
        : "95% confidence intervals where the published counts allow; compared with England.",
    },
  ];
  if (indicator.suppressBelow !== null) {
    rows.push({
      key: "Small numbers",
      value: `Counts from 1 to ${indicator.suppressBelow} are suppressed (c), and so is any rate built on them.`,
    });
  }
  rows.push({ key: "Caveats", value: indicator.caveats || "None recorded" });

  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div key={row.key} className="summary-list__row">
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
