import type { Upload } from "@plan-outcomes/server/contract";
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { SelectField } from "../../../components/form-fields.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { areaQueries } from "../../../lib/area-queries.ts";
import { uploadQueries } from "../api/upload-queries.ts";
import { formatDifference, formatPreviewValue, groupChangesByIndicator } from "../utils/to-report-summary.ts";
import { ChangedFiguresChart } from "./changed-figures-chart.tsx";
import { DraftCharts } from "./draft-charts.tsx";

type Preview = NonNullable<Upload["report"]["preview"]>;

const count = new Intl.NumberFormat("en-GB");

const TOTALS = [
  { key: "new", label: "New", hint: "figures not published before" },
  { key: "changed", label: "Changed", hint: "published figures with a new value" },
  { key: "unchanged", label: "Unchanged", hint: "published figures the file repeats" },
  { key: "withdrawn", label: "Withdrawn", hint: "published figures the file no longer carries" },
] as const;

interface UploadPreviewProps {
  preview: Preview;
  /** The file checked, named as the draft's source. */
  fileName: string;
  /** Published already: the preview is what the check foresaw, in the past. */
  published: boolean;
}

/** What publishing would do, rehearsed by the server: totals, per indicator, and the changed figures old and new. */
export function UploadPreview({ preview, fileName, published }: UploadPreviewProps) {
  // Area names make the changes readable; until they arrive (or if they cannot), the codes stand in.
  const { data: areas } = useQuery(areaQueries.list());
  const { data: publishedTitles } = useQuery(uploadQueries.indicatorTitles());
  // The preview titles each indicator, new ones included (which nothing has published yet); older reports do not.
  const titles = useMemo(
    () =>
      new Map([
        ...(publishedTitles ?? []),
        ...preview.byIndicator.flatMap((row) => (row.title ? [[row.indicatorCode, row.title] as const] : [])),
      ]),
    [preview.byIndicator, publishedTitles],
  );
  const groups = useMemo(
    () => groupChangesByIndicator(preview.changes, new Map(areas?.map((area) => [area.code, area.name]))),
    [preview.changes, areas],
  );
  return (
    <section className="section" aria-labelledby="preview-title">
      <h2 className="heading-m" id="preview-title">
        {published ? "What publishing changed, as checked beforehand" : "What publishing would change"}
      </h2>
      <dl className="uploads-totals">
        {TOTALS.map((total) => (
          <div key={total.key} className={`uploads-totals__item uploads-totals__item--${total.key}`}>
            <dt className="uploads-totals__label">
              {total.label}
              <span className="uploads-totals__hint">{total.hint}</span>
            </dt>
            <dd className="uploads-totals__value">{count.format(preview[total.key])}</dd>
          </div>
        ))}
      </dl>

      <TableScroll label="Figures by indicator">
        <table className="table table--compact">
          <caption className="table__caption heading-s">By indicator</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              {TOTALS.map((total) => (
                <th key={total.key} scope="col" className="uploads-number">
                  {total.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.byIndicator.map((row) => (
              <tr key={row.indicatorCode}>
                <th scope="row">
                  <IndicatorName code={row.indicatorCode} title={titles?.get(row.indicatorCode)} />
                </th>
                {TOTALS.map((total) => (
                  <td key={total.key} className="uploads-number">
                    {count.format(row[total.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {preview.charts && preview.charts.length > 0 && !published ? (
        <DraftCharts charts={preview.charts} fileName={fileName} />
      ) : null}

      <h3 className="heading-s" id="changes-title">
        Changed figures
      </h3>
      {groups.length === 0 ? (
        <p>No published figure would change value.</p>
      ) : (
        <ChangedFigures preview={preview} groups={groups} titles={titles} />
      )}
    </section>
  );
}

/** An indicator's title, with the code analysts map files by; the code alone until titles arrive. */
function IndicatorName({ code, title }: { code: string; title: string | undefined }) {
  if (!title) return <code className="code">{code}</code>;
  return (
    <>
      {title}
      <span className="table__reason">
        <code className="code">{code}</code>
      </span>
    </>
  );
}

interface ChangedFiguresProps {
  preview: Preview;
  groups: ReturnType<typeof groupChangesByIndicator>;
  titles: ReadonlyMap<string, string> | undefined;
}

function ChangedFigures({ preview, groups, titles }: ChangedFiguresProps) {
  const chooserId = useId();
  const [chosen, setChosen] = useState(groups[0]?.indicatorCode ?? "");
  const group = groups.find((candidate) => candidate.indicatorCode === chosen) ?? groups[0];
  const listedAll = preview.changes.length >= preview.changed;
  return (
    <>
      {groups.length > 1 ? (
        <SelectField
          id={chooserId}
          label="Indicator shown in the chart"
          value={group?.indicatorCode}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          {groups.map((candidate) => (
            <option key={candidate.indicatorCode} value={candidate.indicatorCode}>
              {titles?.get(candidate.indicatorCode) ?? candidate.indicatorCode} ({candidate.changes.length} changed)
            </option>
          ))}
        </SelectField>
      ) : null}
      {group ? <ChangedFiguresChart group={group} title={titles?.get(group.indicatorCode)} /> : null}
      <TableScroll label="Changed figures, old and new">
        <table className="table table--compact">
          <caption className="table__caption heading-s">
            {listedAll
              ? "Every changed figure, old and new"
              : `The first ${preview.changes.length} of ${count.format(preview.changed)} changed figures, old and new`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Area</th>
              <th scope="col">Period</th>
              <th scope="col" className="uploads-number">
                Old value
              </th>
              <th scope="col" className="uploads-number">
                New value
              </th>
              <th scope="col" className="uploads-number">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((candidate) =>
              candidate.changes.map((change, index) => (
                // One area and period may change in several breakdowns: the position keeps keys apart.
                <tr key={`${change.indicatorCode}:${change.areaCode}:${change.periodCode}:${index}`}>
                  <td>
                    <IndicatorName code={change.indicatorCode} title={titles?.get(change.indicatorCode)} />
                  </td>
                  <td>
                    {change.areaName ?? change.areaCode}
                    {change.areaName ? <span className="table__reason">{change.areaCode}</span> : null}
                  </td>
                  <td>{change.periodCode}</td>
                  <td className="uploads-number">{formatPreviewValue(change.oldValue)}</td>
                  <td className="uploads-number">{formatPreviewValue(change.newValue)}</td>
                  <td className="uploads-number">{formatDifference(change.difference)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
