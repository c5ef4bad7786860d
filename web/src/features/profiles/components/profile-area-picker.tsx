import type { FormEvent } from "react";
import type { ProfileAreaChoiceGroup } from "../utils/to-profile-area-choices.ts";

interface ProfileAreaPickerProps {
  groups: readonly ProfileAreaChoiceGroup[];
  areaCode: string;
  compareCode: string | null;
  onChoose: (choice: { area: string; compare: string | null }) => void;
}

function AreaOptions({ groups }: { groups: readonly ProfileAreaChoiceGroup[] }) {
  return groups.map((group) => (
    <optgroup key={group.label} label={group.label}>
      {group.options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.label}
        </option>
      ))}
    </optgroup>
  ));
}

/** Which area, and which to compare it with. A button applies the choice, so browsing the options never reloads the page (WCAG 3.2.2). */
export function ProfileAreaPicker({ groups, areaCode, compareCode, onChoose }: ProfileAreaPickerProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const area = String(data.get("area") ?? areaCode);
    const compare = String(data.get("compare") ?? "");
    onChoose({ area, compare: compare && compare !== area ? compare : null });
  }

  return (
    <form
      className="chooser"
      onSubmit={handleSubmit}
      key={`${areaCode}|${compareCode ?? ""}`}
      aria-label="Choose an area and one to compare it with"
    >
      <div className="form-group">
        <label className="label" htmlFor="profile-area">
          Area
        </label>
        <select className="select" id="profile-area" name="area" defaultValue={areaCode}>
          <AreaOptions groups={groups} />
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor="profile-compare">
          Compare with
        </label>
        <select className="select" id="profile-compare" name="compare" defaultValue={compareCode ?? ""}>
          <option value="">No second area</option>
          <AreaOptions groups={groups} />
        </select>
      </div>
      <button type="submit" className="button">
        Show profile
      </button>
    </form>
  );
}
