import type { ObservationStatus } from "@plan-outcomes/server/contract";
import { STATUS_MEANINGS } from "../../../lib/format.ts";

/**
 * What a missing value means, in words beside its symbol: "Suppressed: fewer than 6, too few to publish
 * without risk of identifying children". Null for an ordinary value.
 */
export function formatMissingReason(status: ObservationStatus | null, suppressBelow: number | null): string | null {
  if (status === null || status === "value") return null;
  if (status === "c") {
    return suppressBelow !== null
      ? `Suppressed: a count of fewer than ${suppressBelow + 1}, too few to publish without risk of identifying children`
      : "Suppressed (confidential)";
  }
  return STATUS_MEANINGS[status];
}
