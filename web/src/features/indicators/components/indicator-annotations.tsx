import type { Commentary, FigureQuery, Indicator, Observation, Target } from "@plan-outcomes/server/contract";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { SelectField, TextAreaField, TextField } from "../../../components/form-fields.tsx";
import { toFieldErrorsFromProblem } from "../../../lib/field-errors.ts";
import { formatDateTime, formatValue } from "../../../lib/format.ts";
import { sessionQueries } from "../../../lib/session-queries.ts";
import { annotationQueries, useRaiseFigureQuery, useSetTarget, useWriteCommentary } from "../api/annotation-queries.ts";
import { FigureQueryStatusTag } from "./figure-query-status-tag.tsx";

interface IndicatorAnnotationsProps {
  indicator: Indicator;
  areas: readonly string[];
  observations: readonly Observation[];
}

/** Beside the figures: the story behind the curve, targets, and readers' queries, with the forms to add them. */
export function IndicatorAnnotations({ indicator, areas, observations }: IndicatorAnnotationsProps) {
  const { data } = useSuspenseQuery(annotationQueries.ofIndicator(indicator.code, areas));
  const { data: session } = useQuery(sessionQueries.current());
  const role = session?.user?.role ?? null;
  const mayEdit = role === "locality_lead" || role === "analyst" || role === "administrator";

  return (
    <>
      <section aria-labelledby="story-heading" className="section">
        <h2 className="heading-m" id="story-heading">
          The story behind the curve
        </h2>
        {data.commentary.length === 0 ? (
          <p>No commentary has been written for these areas yet.</p>
        ) : (
          data.commentary.map((entry) => (
            <CommentaryEntry key={`${entry.areaCode}|${entry.periodCode}`} entry={entry} />
          ))
        )}
        {mayEdit ? <CommentaryForm indicator={indicator} observations={observations} /> : null}
      </section>

      <section aria-labelledby="targets-heading" className="section">
        <h2 className="heading-m" id="targets-heading">
          Targets and baselines
        </h2>
        <TargetsTable indicator={indicator} targets={data.targets} />
        {mayEdit ? <TargetForm indicator={indicator} observations={observations} /> : null}
      </section>

      <section aria-labelledby="queries-heading" className="section">
        <h2 className="heading-m" id="queries-heading">
          Queries about these figures
        </h2>
        {data.queries.length === 0 ? (
          <p>Nobody has queried these figures.</p>
        ) : (
          <ul className="query-list">
            {data.queries.map((query) => (
              <li key={query.id}>
                <FigureQueryEntry query={query} />
              </li>
            ))}
          </ul>
        )}
        {role ? (
          <QueryFigureForm indicator={indicator} observations={observations} />
        ) : (
          <p>Sign in to query a figure you think is wrong.</p>
        )}
      </section>
    </>
  );
}

function CommentaryEntry({ entry }: { entry: Commentary }) {
  return (
    <article className="commentary">
      <h3 className="heading-s">
        {entry.areaName}
        {entry.periodCode ? `, ${entry.periodCode}` : ""}
      </h3>
      {/* Rendered from Markdown and sanitised on the server (sanitize-html): no script survives. */}
      <div className="commentary__body" dangerouslySetInnerHTML={{ __html: entry.html }} />
      <p className="commentary__meta">
        Written by {entry.author}, {formatDateTime(entry.writtenAt)}
        {entry.version > 1 ? ` (version ${entry.version})` : ""}
      </p>
    </article>
  );
}

function TargetsTable({ indicator, targets }: { indicator: Indicator; targets: Target[] }) {
  if (targets.length === 0) return <p>No targets have been set for these areas.</p>;
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimalPlaces);
  return (
    <table className="table">
      <caption className="visually-hidden">Targets and baselines of {indicator.title}</caption>
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">By</th>
          <th scope="col" className="table__numeric">
            Target
          </th>
          <th scope="col" className="table__numeric">
            Baseline
          </th>
          <th scope="col">Set by</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={`${target.areaCode}|${target.periodCode}`}>
            <th scope="row">{target.areaName}</th>
            <td>{target.periodLabel}</td>
            <td className="table__numeric">{format(target.targetValue)}</td>
            <td className="table__numeric">
              {target.baselineValue === null
                ? "–"
                : `${format(target.baselineValue)}${target.baselinePeriodCode ? ` (${target.baselinePeriodCode})` : ""}`}
            </td>
            <td>
              {target.setBy}, {formatDateTime(target.setAt)}
              {target.note ? <span className="table__note">{target.note}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FigureQueryEntry({ query }: { query: FigureQuery }) {
  return (
    <article className="figure-query">
      <p className="figure-query__figure">
        <strong>
          {query.areaName}, {query.periodLabel}
        </strong>{" "}
        <FigureQueryStatusTag status={query.status} />
      </p>
      <p>
        &ldquo;{query.question}&rdquo;
        {query.suggestedValue ? ` They think it is ${query.suggestedValue}.` : ""}
      </p>
      <p className="figure-query__meta">
        Raised {query.raisedBy ? `by ${query.raisedBy}, ` : ""}
        {formatDateTime(query.raisedAt)}
      </p>
      {query.answer ? (
        <div className="figure-query__answer">
          <p>
            <strong>Answer:</strong> {query.answer}
          </p>
          <p className="figure-query__meta">
            {query.answeredBy ? `${query.answeredBy}, ` : ""}
            {query.answeredAt ? formatDateTime(query.answeredAt) : ""}
          </p>
        </div>
      ) : null}
    </article>
  );
}

/** The areas and periods of the figures on the page: what a query, target or commentary can be about. */
function toFigureChoices(observations: readonly Observation[]) {
  const areas = new Map<string, string>();
  const periods = new Map<string, string>();
  for (const observation of observations) {
    areas.set(observation.areaCode, observation.areaName);
    periods.set(observation.period.code, observation.period.label);
  }
  return { areas: [...areas], periods: [...periods].reverse() };
}

function useFormState() {
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return { error, setError, done, setDone };
}

function QueryFigureForm({ indicator, observations }: { indicator: Indicator; observations: readonly Observation[] }) {
  const raise = useRaiseFigureQuery(indicator.code);
  const { error, setError, done, setDone } = useFormState();
  const { areas, periods } = toFigureChoices(observations);
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const question = String(data.get("question") ?? "").trim();
    if (!question) {
      setError({ field: `${id}-question`, message: "Say what you think is wrong with the figure" });
      return;
    }
    raise.mutate(
      {
        areaCode: String(data.get("area")),
        periodCode: String(data.get("period")),
        question,
        suggestedValue: String(data.get("suggested") ?? ""),
      },
      {
        onSuccess: (query) => {
          setError(null);
          setDone(`Your query about ${query.areaName}, ${query.periodLabel} has been sent to the analysts.`);
          form.reset();
        },
        onError: (failure) => {
          const [problem] = toFieldErrorsFromProblem(failure, ["question"], "question");
          setError({ field: `${id}-question`, message: problem?.message ?? "The query was not sent" });
        },
      },
    );
  }

  return (
    <details className="details">
      <summary className="details__summary">Query a figure</summary>
      <form className="details__text" onSubmit={submit} noValidate aria-label="Query a figure">
        <FormMessages error={error} done={done} />
        <ChoiceField id={`${id}-area`} name="area" label="Area" choices={areas} />
        <ChoiceField id={`${id}-period`} name="period" label="Period" choices={periods} />
        <TextAreaField
          id={`${id}-question`}
          name="question"
          label="What do you think is wrong?"
          error={error?.field === `${id}-question` ? error.message : undefined}
        />
        <TextField
          id={`${id}-suggested`}
          name="suggested"
          label="What do you think the figure should be? (optional)"
          hint="For example, 5 to 6"
          className="input--width-10"
        />
        <button type="submit" className="button" disabled={raise.isPending}>
          Send query
        </button>
      </form>
    </details>
  );
}

function TargetForm({ indicator, observations }: { indicator: Indicator; observations: readonly Observation[] }) {
  const setTarget = useSetTarget(indicator.code);
  const { error, setError, done, setDone } = useFormState();
  const { areas } = toFigureChoices(observations);
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const targetValue = Number(String(data.get("target") ?? "").trim());
    const baselineText = String(data.get("baseline") ?? "").trim();
    if (!String(data.get("target") ?? "").trim() || !Number.isFinite(targetValue)) {
      setError({ field: `${id}-target`, message: "Enter the target as a number, like 65" });
      return;
    }
    if (baselineText && !Number.isFinite(Number(baselineText))) {
      setError({ field: `${id}-baseline`, message: "Enter the baseline as a number, or leave it empty" });
      return;
    }
    setTarget.mutate(
      {
        areaCode: String(data.get("area")),
        periodCode: String(data.get("period") ?? "").trim(),
        targetValue,
        baselineValue: baselineText ? Number(baselineText) : null,
        note: String(data.get("note") ?? ""),
      },
      {
        onSuccess: (target) => {
          setError(null);
          setDone(`Target for ${target.areaName} by ${target.periodLabel} saved.`);
          form.reset();
        },
        onError: (failure) => {
          const [problem] = toFieldErrorsFromProblem(failure, ["period"], "target");
          setError({
            field: problem?.field === "period" ? `${id}-period` : `${id}-target`,
            message: problem?.message ?? "The target was not saved",
          });
        },
      },
    );
  }

  return (
    <details className="details">
      <summary className="details__summary">Set a target</summary>
      <form className="details__text" onSubmit={submit} noValidate aria-label="Set a target">
        <FormMessages error={error} done={done} />
        <ChoiceField id={`${id}-area`} name="area" label="Area" choices={areas} />
        <TextField
          id={`${id}-period`}
          name="period"
          label="By (period code)"
          hint={indicator.periodType === "academic_year" ? "For example 202728 for 2027/28" : "For example 2028"}
          className="input--width-10"
          error={error?.field === `${id}-period` ? error.message : undefined}
        />
        <TextField
          id={`${id}-target`}
          name="target"
          label={`Target (${indicator.unit || "value"})`}
          inputMode="decimal"
          className="input--width-10"
          error={error?.field === `${id}-target` ? error.message : undefined}
        />
        <TextField
          id={`${id}-baseline`}
          name="baseline"
          label="Baseline (optional)"
          inputMode="decimal"
          className="input--width-10"
          error={error?.field === `${id}-baseline` ? error.message : undefined}
        />
        <TextField id={`${id}-note`} name="note" label="Note (optional)" />
        <button type="submit" className="button" disabled={setTarget.isPending}>
          Save target
        </button>
      </form>
    </details>
  );
}

function CommentaryForm({ indicator, observations }: { indicator: Indicator; observations: readonly Observation[] }) {
  const write = useWriteCommentary(indicator.code);
  const { error, setError, done, setDone } = useFormState();
  const { areas, periods } = toFigureChoices(observations);
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const markdown = String(data.get("markdown") ?? "").trim();
    if (!markdown) {
      setError({ field: `${id}-markdown`, message: "Write the commentary" });
      return;
    }
    const period = String(data.get("period") ?? "");
    write.mutate(
      { areaCode: String(data.get("area")), periodCode: period || null, markdown },
      {
        onSuccess: (entry) => {
          setError(null);
          setDone(`Commentary for ${entry.areaName} saved.`);
          form.reset();
        },
        onError: (failure) => {
          const [problem] = toFieldErrorsFromProblem(failure, ["markdown"], "markdown");
          setError({ field: `${id}-markdown`, message: problem?.message ?? "The commentary was not saved" });
        },
      },
    );
  }

  return (
    <details className="details">
      <summary className="details__summary">Write commentary</summary>
      <form className="details__text" onSubmit={submit} noValidate aria-label="Write commentary">
        <FormMessages error={error} done={done} />
        <ChoiceField id={`${id}-area`} name="area" label="Area" choices={areas} />
        <ChoiceField
          id={`${id}-period`}
          name="period"
          label="Period"
          choices={periods}
          noneLabel="Not about one period"
        />
        <TextAreaField
          id={`${id}-markdown`}
          name="markdown"
          label="Commentary"
          hint="Markdown: **bold**, lists with -, links as [words](https://…)"
          error={error?.field === `${id}-markdown` ? error.message : undefined}
        />
        <button type="submit" className="button" disabled={write.isPending}>
          Save commentary
        </button>
      </form>
    </details>
  );
}

/** What a form says after it is sent: what to fix, or that it worked. */
function FormMessages({ error, done }: { error: { field: string; message: string } | null; done: string | null }) {
  return (
    <>
      {error ? <ErrorSummary items={[{ targetId: error.field, message: error.message }]} /> : null}
      {done ? (
        <p className="notification" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}

/** A select of [code, label] choices, optionally led by a "none" option. */
function ChoiceField({
  id,
  name,
  label,
  choices,
  noneLabel,
}: {
  id: string;
  name: string;
  label: string;
  choices: readonly [string, string][];
  noneLabel?: string;
}) {
  return (
    <SelectField id={id} name={name} label={label}>
      {noneLabel ? <option value="">{noneLabel}</option> : null}
      {choices.map(([code, text]) => (
        <option key={code} value={code}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}
