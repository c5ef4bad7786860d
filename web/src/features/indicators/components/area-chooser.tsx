import { useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { areaQueries } from "../../../lib/area-queries.ts";
import { toAreaGroups } from "../utils/to-area-groups.ts";

interface AreaChooserProps {
  councilCode: string;
  chosen: readonly string[];
  maxAreas: number;
  onChoose: (areas: string[]) => void;
}

/** Checkboxes grouped by kind of area; a button applies them, and an error says what to fix. */
export function AreaChooser({ councilCode, chosen, maxAreas, onChoose }: AreaChooserProps) {
  const { data: areas } = useSuspenseQuery(areaQueries.list());
  const groups = toAreaGroups(areas, councilCode);
  const [error, setError] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const errorId = useId();
  const chosenNames = chosen.map((code) => areas.find((area) => area.code === code)?.name ?? code);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new FormData(event.currentTarget).getAll("area").map(String);
    if (next.length === 0) return setError("Choose at least one area");
    if (next.length > maxAreas) return setError(`Choose ${maxAreas} areas or fewer, so the chart stays readable`);
    setError(null);
    // Closing shows the new choice in the summary line, right where the user is.
    if (detailsRef.current) detailsRef.current.open = false;
    onChoose(next);
  }

  return (
    <details className="details area-chooser" ref={detailsRef}>
      <summary className="details__summary">
        Change areas <span className="details__hint">(showing {chosenNames.join(", ")})</span>
      </summary>
      <form className="details__text" onSubmit={handleSubmit} key={chosen.join(",")} noValidate>
        {error ? (
          <p className="error-message" id={errorId} role="alert">
            <span className="visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="area-chooser__groups">
          {groups.map((group) => (
            <fieldset key={group.legend} className="fieldset" aria-describedby={error ? errorId : undefined}>
              <legend className="fieldset__legend">{group.legend}</legend>
              {group.areas.map((area) => (
                <div key={area.code} className="checkbox">
                  <input
                    className="checkbox__input"
                    type="checkbox"
                    name="area"
                    id={`area-${area.code}`}
                    value={area.code}
                    defaultChecked={chosen.includes(area.code)}
                  />
                  <label className="checkbox__label" htmlFor={`area-${area.code}`}>
                    {area.label}
                  </label>
                </div>
              ))}
            </fieldset>
          ))}
        </div>
        <button type="submit" className="button">
          Show figures
        </button>
      </form>
    </details>
  );
}
