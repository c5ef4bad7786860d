/**
 * DOMAIN.md section 6, the small-number rule: figures the project derives below the council (a locality's, a LAG
 * area's) are hidden when the count they rest on is from 1 to their indicator's threshold. One definition for the
 * readers' suppression and the upload check's warning that a file's figures will be hidden.
 */

/** The area types whose figures the rule protects. */
export const DERIVED_AREA_TYPES = ["locality", "lag_area"] as const;

/** Whether a figure resting on `count` is hidden under `threshold`. */
export function isSmallCount(count: number | null, threshold: number): boolean {
  return count !== null && count >= 1 && count <= threshold;
}

/** The count a figure rests on: its numerator, or the value itself for an indicator that counts. */
export function countBehind(
  figure: { numerator: number | null; value: number | null },
  valueType: string,
): number | null {
  if (figure.numerator !== null) return figure.numerator;
  return valueType === "count" ? figure.value : null;
}
