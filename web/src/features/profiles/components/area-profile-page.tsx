import type { Area } from "@plan-outcomes/server/contract";
import { useIsFetching, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { areaQueries, COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { formatAreaLabel, STATUS_MEANINGS } from "../../../lib/format.ts";
import { paths, type ScatterChoice } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { profileQueries } from "../api/profile-queries.ts";
import { toProfileAreaChoices } from "../utils/to-profile-area-choices.ts";
import { toValidityNote } from "../utils/to-validity-note.ts";
import { ProfileAreaPicker } from "./profile-area-picker.tsx";
import { ProfileFamilyHubs } from "./profile-family-hubs.tsx";
import { ProfilePriorityTable } from "./profile-priority-table.tsx";
import { ProfileScatter } from "./profile-scatter.tsx";
import { SpineChartKey } from "./spine-chart.tsx";
import "../profiles.css";

interface AreaProfilePageProps {
  code: string;
  compare: string | null;
  scatter: ScatterChoice;
  onChoose: (choice: { area: string; compare: string | null }) => void;
  onChooseScatter: (choice: ScatterChoice) => void;
}

/** A Local Alliance Group chair's view: how their area compares with the others, Dorset and England. */
export function AreaProfilePage(props: AreaProfilePageProps) {
  return (
    <QueryBoundary
      resetKeys={[props.code, props.compare]}
      loading={<LoadingState label="Loading the list of areas" />}
      error={({ error, retry }) => <ErrorState error={error} headingLevel={1} onRetry={retry} />}
    >
      <AreaProfileContent {...props} />
    </QueryBoundary>
  );
}

function AreaProfileContent({ code, compare, scatter, onChoose, onChooseScatter }: AreaProfilePageProps) {
  const { data: areas } = useSuspenseQuery(areaQueries.list());
  const area = areas.find((candidate) => candidate.code === code);
  const compareArea = compare ? areas.find((candidate) => candidate.code === compare) : undefined;
  useDocumentTitle(
    area ? `Area profile: ${area.name}${compareArea ? ` and ${compareArea.name}` : ""}` : "Area not found",
  );
  const updating = useIsFetching({ queryKey: profileQueries.all() }) > 0;

  if (!area) {
    return (
      <div className="error-state" role="alert">
        <h1 className="heading-l">Area not found</h1>
        <p>
          There is no area with the code &ldquo;{code}&rdquo;.{" "}
          <Link to={paths.areaProfile(COUNCIL_AREA_CODE)}>Show the profile of Dorset</Link>.
        </p>
      </div>
    );
  }

  return (
    <>
      <span className="caption-l">Area profile</span>
      <h1 className="heading-xl">
        {area.name}
        {compareArea ? <span className="profile-heading__compare"> compared with {compareArea.name}</span> : null}
      </h1>
      <p className="lead">
        Each indicator of the Plan with figures for {area.name}: the latest figure, how it compares with{" "}
        {area.code === COUNCIL_AREA_CODE ? "England" : "Dorset and England"}, and where it stands among similar areas.
      </p>
      <ValidityNotes areas={areas} shown={[area, ...(compareArea ? [compareArea] : [])]} />
      {[area, ...(compareArea ? [compareArea] : [])]
        .filter((shown) => shown.note)
        .map((shown) => (
          <p key={shown.code} className="profile-area-note">
            <strong>About {shown.name}:</strong> {shown.note}
          </p>
        ))}

      <ProfileAreaPicker
        groups={toProfileAreaChoices(areas, COUNCIL_AREA_CODE)}
        areaCode={area.code}
        compareCode={compareArea?.code ?? null}
        onChoose={onChoose}
      />
      <p className="updating" role="status">
        {updating ? "Updating the profile…" : ""}
      </p>

      <QueryBoundary
        resetKeys={[code, compare]}
        loading={<LoadingState label={`Loading the profile of ${area.name}`} />}
        error={({ error, retry }) => <ErrorState error={error} onRetry={retry} notFoundTitle="No profile found" />}
      >
        <ProfileFigures
          code={area.code}
          compare={compareArea?.code ?? null}
          areas={areas}
          scatter={scatter}
          onChooseScatter={onChooseScatter}
        />
      </QueryBoundary>
    </>
  );
}

function ValidityNotes({ areas, shown }: { areas: readonly Area[]; shown: Area[] }) {
  const notes = shown
    .map((area) => ({ area, text: toValidityNote(area, areas) }))
    .filter((note): note is { area: Area; text: string } => note.text !== null);
  if (notes.length === 0) return null;
  return (
    <div className="profile-validity" role="note" aria-label="Changes to these areas">
      <h2 className="heading-s">{notes.length === 1 ? "This area changed" : "These areas changed"}</h2>
      {notes.map(({ area, text }) => (
        <p key={area.code}>
          <strong>{formatAreaLabel(area)}.</strong> {text}
        </p>
      ))}
    </div>
  );
}

interface ProfileFiguresProps {
  code: string;
  compare: string | null;
  areas: readonly Area[];
  scatter: ScatterChoice;
  onChooseScatter: (choice: ScatterChoice) => void;
}

function ProfileFigures({ code, compare, areas, scatter, onChooseScatter }: ProfileFiguresProps) {
  const { data: profile } = useSuspenseQuery(profileQueries.detail(code, compare));
  const withFigures = profile.priorities.filter((priority) => priority.indicators.length > 0);
  const flags = profile.priorities.flatMap((priority) =>
    priority.indicators.flatMap((entry) => [entry.area.latest, entry.compare?.latest ?? null]),
  );
  const anyIllustrative = flags.some((latest) => latest?.isIllustrative);

  return (
    <>
      {anyIllustrative ? (
        <p className="inset profile-illustrative">
          <strong>Illustrative figures.</strong> Locality and LAG-area figures are not published statistics: the ones
          marked &ldquo;Illustrative&rdquo; show what the profile will look like, and must not be quoted.
        </p>
      ) : null}
      <ProfileKey profile={profile} />
      {withFigures.length === 0 ? (
        <p>
          There are no figures for {profile.area.name} in the {profile.plan.title} yet.
        </p>
      ) : (
        profile.priorities.map((priority) => (
          <ProfilePriorityTable key={priority.priority.code} priority={priority} profile={profile} />
        ))
      )}
      <ProfileFamilyHubs profile={profile} />
      <ProfileScatter profile={profile} areas={areas} choice={scatter} onChoose={onChooseScatter} />
    </>
  );
}

function ProfileKey({ profile }: { profile: Parameters<typeof ProfilePriorityTable>[0]["profile"] }) {
  const benchmarkName = profile.benchmark.name;
  return (
    <details className="details">
      <summary className="details__summary">How to read this profile</summary>
      <div className="details__text">
        <p>
          Each figure is compared with {benchmarkName}&rsquo;s for the same period using its 95% confidence interval,
          where the counts allow one: <ComparisonBadge verdict="better" benchmarkName={benchmarkName} />,{" "}
          <ComparisonBadge verdict="similar" benchmarkName={benchmarkName} />,{" "}
          <ComparisonBadge verdict="worse" benchmarkName={benchmarkName} />; &ldquo;higher&rdquo; or &ldquo;lower&rdquo;
          where neither direction is better; <ComparisonBadge verdict="not_compared" benchmarkName={benchmarkName} />{" "}
          where there is no numerator and denominator to test.
        </p>
        <p>
          <strong>Ranks are positions, not a statistical test.</strong> Areas are ranked best first (highest first where
          neither direction is better) among the areas of the same kind with a figure for the same period. Two areas a
          rank apart may not differ significantly.
        </p>
        <p>
          &ldquo;Change&rdquo; is the difference from the area&rsquo;s own previous figure; it is not a tested trend. An
          area&rsquo;s figures are never joined to those of an area it replaced.
        </p>
        <p>
          Spine charts: each row is scaled around {benchmarkName}, drawn as an upright line in the middle, so the
          furthest figure reaches the edge. Better is to the right, whichever way the indicator runs; where neither
          direction is better, higher is to the right.
        </p>
        <SpineChartKey
          areaName={profile.area.name}
          compareName={profile.compareArea?.name ?? null}
          benchmarkName={benchmarkName}
          siblingsLabel={profile.area.siblingsLabel}
        />
        <dl className="symbol-key" aria-label="Symbols used in the tables">
          {Object.entries(STATUS_MEANINGS).map(([symbol, meaning]) => (
            <div key={symbol} className="symbol-key__item">
              <dt>{symbol}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
