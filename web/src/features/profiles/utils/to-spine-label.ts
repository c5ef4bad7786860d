import { formatCompactValue } from "../../../lib/format.ts";

export interface SpineLabelInput {
  areaName: string;
  value: number | null;
  valueText: string;
  compare: { name: string; value: number | null; valueText: string } | null;
  benchmark: { name: string; value: number | null } | null;
  spread: { min: number; q1: number; q3: number; max: number } | null;
  siblingsLabel: string | null;
  polarity: "higher_is_better" | "lower_is_better" | "none";
  unit: string;
  decimalPlaces: number;
}

/** The spine chart in words, read to screen readers in place of the picture. */
export function toSpineLabel(input: SpineLabelInput): string {
  const number = (value: number) => formatCompactValue(value, input.unit, input.decimalPlaces);
  const parts = [`${input.areaName}: ${input.valueText}`];
  if (input.compare) parts.push(`${input.compare.name}: ${input.compare.valueText}`);
  if (input.benchmark?.value != null) parts.push(`${input.benchmark.name}: ${number(input.benchmark.value)}`);
  if (input.spread && input.siblingsLabel) {
    parts.push(
      `${input.siblingsLabel} from ${number(input.spread.min)} to ${number(input.spread.max)}, middle half ${number(input.spread.q1)} to ${number(input.spread.q3)}`,
    );
  }
  parts.push(input.polarity === "none" ? "higher to the right, neither direction better" : "better to the right");
  return `Spine chart. ${parts.join("; ")}.`;
}
