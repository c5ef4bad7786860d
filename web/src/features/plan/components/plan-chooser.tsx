import type { Plan } from "@plan-outcomes/server/contract";
import type { FormEvent } from "react";
import type { AreaChoiceGroup } from "../utils/to-area-choices.ts";
import { AreaSelect } from "./area-select.tsx";

interface PlanChooserProps {
  plans: readonly Plan[];
  areaGroups: readonly AreaChoiceGroup[];
  planCode: string;
  areaCode: string;
  /** A year, or null for the latest figures. */
  asOf: string | null;
  /** The years offered, newest first. */
  years: readonly string[];
  onChoose: (choice: { plan: string; area: string; asOf: string | null }) => void;
}

/**
 * Which Plan and which area. A button applies the choice, so moving through the options
 * with a keyboard or screen reader does not reload the page under the user (WCAG 3.2.2).
 */
export function PlanChooser({ plans, areaGroups, planCode, areaCode, asOf, years, onChoose }: PlanChooserProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChoose({
      plan: String(data.get("plan") ?? planCode),
      area: String(data.get("area") ?? areaCode),
      asOf: String(data.get("asOf") ?? "") || null,
    });
  }

  return (
    <form
      className="chooser"
      onSubmit={handleSubmit}
      key={`${planCode}|${areaCode}|${asOf}`}
      aria-label="Choose a Plan and area"
    >
      <div className="form-group">
        <label className="label" htmlFor="plan-choice">
          Plan
        </label>
        <select className="select" id="plan-choice" name="plan" defaultValue={planCode}>
          {plans.map((plan) => (
            <option key={plan.code} value={plan.code}>
              {plan.title}
              {plan.isCurrent ? " (current)" : ""}
            </option>
          ))}
        </select>
      </div>
      <AreaSelect id="area-choice" groups={areaGroups} defaultValue={areaCode} />
      <div className="form-group">
        <label className="label" htmlFor="as-of-choice">
          Figures as at
        </label>
        <select className="select" id="as-of-choice" name="asOf" defaultValue={asOf ?? ""}>
          <option value="">The latest</option>
          {years.map((year) => (
            <option key={year} value={year}>
              The end of {year}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Show figures
      </button>
    </form>
  );
}
