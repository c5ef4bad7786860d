import type { FigureQuery } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorState } from "../../../components/error-state.tsx";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { TextAreaField } from "../../../components/form-fields.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { toFieldErrorsFromProblem } from "../../../lib/field-errors.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { annotationQueries, useAnswerFigureQuery } from "../api/annotation-queries.ts";
import { FigureQueryEntry } from "./indicator-annotations.tsx";

/** `/figure-queries`: the analysts' list of readers' queries about published figures, answered here. */
export function FigureQueriesPage({ showAll }: { showAll: boolean }) {
  useDocumentTitle("Figure queries");
  return (
    <>
      <h1 className="heading-l">Figure queries</h1>
      <p className="lead">
        Readers&rsquo; doubts about published figures. Check each one, correct the data by uploading a new version if
        the figure is wrong, and answer: the answer stays on record beside the figure.
      </p>
      <p>
        {showAll ? (
          <Link to={paths.figureQueries()}>Show open queries only</Link>
        ) : (
          <Link to={paths.figureQueries("all")}>Show answered queries too</Link>
        )}
      </p>
      <QueryBoundary
        resetKeys={[showAll]}
        loading={<LoadingState label="Loading the queries" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={2} onRetry={retry} />}
      >
        <QueryList status={showAll ? "all" : "open"} />
      </QueryBoundary>
    </>
  );
}

function QueryList({ status }: { status: "open" | "all" }) {
  const { data: queries } = useSuspenseQuery(annotationQueries.figureQueries(status));
  if (queries.length === 0) {
    return <p className="empty-state">{status === "open" ? "There are no open queries." : "No queries yet."}</p>;
  }
  return (
    <ul className="query-list">
      {queries.map((query) => (
        <li key={query.id}>
          <h2 className="heading-s">
            <Link to={paths.indicator(query.indicatorCode, { areas: [query.areaCode] })}>{query.indicatorTitle}</Link>
          </h2>
          <FigureQueryEntry query={query} />
          {query.status === "open" ? <AnswerForm query={query} /> : null}
        </li>
      ))}
    </ul>
  );
}

function AnswerForm({ query }: { query: FigureQuery }) {
  const answer = useAnswerFigureQuery();
  const [error, setError] = useState<string | null>(null);
  const fieldId = `answer-${query.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = String(data.get("answer") ?? "").trim();
    if (!text) {
      setError("Write the answer the reader will see");
      return;
    }
    answer.mutate(
      { id: query.id, status: data.get("status") === "corrected" ? "corrected" : "figure_stands", answer: text },
      {
        onError: (failure) =>
          setError(toFieldErrorsFromProblem(failure, ["answer"], "answer")[0]?.message ?? "Not answered"),
      },
    );
  }

  return (
    <form className="answer-form" onSubmit={submit} noValidate aria-label={`Answer the query about ${query.areaName}`}>
      {error ? <ErrorSummary items={[{ targetId: fieldId, message: error }]} /> : null}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Outcome</legend>
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="radio"
            name="status"
            id={`${fieldId}-stands`}
            value="figure_stands"
            defaultChecked
          />
          <label className="checkbox__label" htmlFor={`${fieldId}-stands`}>
            The figure stands
          </label>
        </div>
        <div className="checkbox">
          <input className="checkbox__input" type="radio" name="status" id={`${fieldId}-corrected`} value="corrected" />
          <label className="checkbox__label" htmlFor={`${fieldId}-corrected`}>
            The figure was wrong and has been corrected
          </label>
        </div>
      </fieldset>
      <TextAreaField id={fieldId} name="answer" label="Answer" rows={3} error={error ?? undefined} />
      <button type="submit" className="button" disabled={answer.isPending}>
        Send answer
      </button>
    </form>
  );
}
