import type { AreaProfile } from "@plan-outcomes/server/contract";
import { Link } from "react-router";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { formatDate, formatValue } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { formatHubKind, formatHubPlace, formatHubStatus, toFamilyHubSummary } from "../utils/to-family-hub-summary.ts";

const REACH_INDICATOR = "family-hub-reach";

/** The area's Family Hub sites and outreach points from the analysts' list, and its reach where loaded. */
export function ProfileFamilyHubs({ profile }: { profile: AreaProfile }) {
  const hubs = profile.familyHubs;
  if (!hubs) return null;
  const reach = profile.priorities
    .flatMap((priority) => priority.indicators)
    .find((entry) => entry.indicator.code === REACH_INDICATOR);
  const latest = reach?.area.latest ?? null;
  return (
    <section className="section" aria-labelledby="profile-hubs-heading">
      <h2 className="heading-m" id="profile-hubs-heading">
        Family Hubs
      </h2>
      <p>
        {toFamilyHubSummary(hubs.hubs)} in{" "}
        {profile.area.type === "lag_area" ? profile.area.name : `the ${hubs.locality.name} locality`} on{" "}
        {formatDate(hubs.asOf)}.{" "}
        {hubs.list ? (
          <span className="secondary-text">
            From the Family Hub list, version {hubs.list.version}
            {hubs.list.note ? `: ${hubs.list.note}` : "."}
          </span>
        ) : (
          <span className="secondary-text">No Family Hub list has been loaded yet.</span>
        )}
      </p>
      <p>
        {latest?.value != null && reach ? (
          <>
            Reach of children under 5:{" "}
            <strong>{formatValue(latest.value, reach.indicator.unit, reach.indicator.decimalPlaces)}</strong> in{" "}
            {latest.period.label}
            {latest.isIllustrative ? " (illustrative)" : ""}.{" "}
          </>
        ) : (
          <>No Family Hub reach figure has been loaded for {profile.area.name}. </>
        )}
        <Link to={paths.indicator(REACH_INDICATOR, { areas: [profile.area.code] })}>
          Family Hub reach: definition and series
        </Link>
      </p>
      {hubs.hubs.length > 0 ? (
        <TableScroll label="Family Hub sites and outreach points">
          <table className="table">
            <caption className="table__caption visually-hidden">Family Hub sites and outreach points</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Where</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {hubs.hubs.map((hub) => (
                <tr key={hub.code}>
                  <th scope="row" className="table__wrap">
                    {hub.name}
                    {hub.note ? <span className="table__reason">{hub.note}</span> : null}
                  </th>
                  <td>{formatHubKind(hub.kind)}</td>
                  <td className="table__wrap">{formatHubPlace(hub, hubs.locality.name)}</td>
                  <td className="table__wrap">{formatHubStatus(hub, hubs.asOf, formatDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
