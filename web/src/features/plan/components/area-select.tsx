import type { AreaChoiceGroup } from "../utils/to-area-choices.ts";

/** The council, its localities and LAG areas as one grouped select named `area`. */
export function AreaSelect({
  id,
  groups,
  defaultValue,
}: {
  id: string;
  groups: readonly AreaChoiceGroup[];
  defaultValue: string;
}) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        Area
      </label>
      <select className="select" id={id} name="area" defaultValue={defaultValue}>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
