import { describe, expect, it } from "vitest";
import { toCountsSummary } from "./to-counts-summary.ts";

const none = { better: 0, similar: 0, worse: 0, different: 0, notCompared: 0, noData: 0 };

describe("toCountsSummary", () => {
  it("names each non-zero count against the benchmark", () => {
    expect(toCountsSummary({ ...none, better: 1, notCompared: 2 })).toBe("1 better than England, 2 not compared");
  });

  it("keeps the order better, similar, worse, different, not compared, no data", () => {
    expect(toCountsSummary({ better: 1, similar: 2, worse: 3, different: 4, notCompared: 5, noData: 6 })).toBe(
      "1 better than England, 2 similar to England, 3 worse than England, " +
        "4 higher or lower than England (neither is better), 5 not compared, 6 with no data",
    );
  });

  it("says so when there is nothing to count", () => {
    expect(toCountsSummary(none)).toBe("No headline indicators yet");
  });

  it("uses the benchmark it is given", () => {
    expect(toCountsSummary({ ...none, worse: 1 }, "South West")).toBe("1 worse than South West");
  });
});
