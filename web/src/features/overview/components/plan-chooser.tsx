import type { Plan } from "@plan-outcomes/server/contract";
import type { FormEvent } from "react";
import type { AreaChoiceGroup } from "../utils/to-area-choices.ts";

interface PlanChooserProps {
  plans: readonly Plan[];
  areaGroups: readonly AreaChoiceGroup[];
  planCode: string;
  areaCode: string;
  onChoose: (choice: { plan: string; area: string }) => void;
}

/**
 * Which Plan and which area. A button applies the choice, so moving through the options
 * with a keyboard or screen reader does not reload the page under the user (WCAG 3.2.2).
 */
export function PlanChooser({ plans, areaGroups, planCode, areaCode, onChoose }: PlanChooserProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChoose({ plan: String(data.get("plan") ?? planCode), area: String(data.get("area") ?? areaCode) });
  }

  return (
    <form
      className="chooser"
      onSubmit={handleSubmit}
      key={`${planCode}|${areaCode}`}
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
      <div className="form-group">
        <label className="label" htmlFor="area-choice">
          Area
        </label>
        <select className="select" id="area-choice" name="area" defaultValue={areaCode}>
          {areaGroups.map((group) => (
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
      <button type="submit" className="button">
        Show figures
      </button>
    </form>
  );
}
