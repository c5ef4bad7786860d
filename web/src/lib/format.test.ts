import { describe, expect, it } from "vitest";
import {
  formatAreaLabel,
  formatAxisTick,
  formatChange,
  formatCompactValue,
  formatComparisonReason,
  formatDate,
  formatDateTime,
  formatInterval,
  formatList,
  formatObservedValue,
  formatPeriodType,
  formatPolarity,
  formatStatus,
  formatUnitLabel,
  formatUtcDateTime,
  formatValue,
  formatValueHeader,
  formatVerdict,
  MINUS,
  splitValueUnit,
} from "./format.ts";

describe("formatValue", () => {
  it("writes percentages with their decimal places", () => {
    expect(formatValue(7.49, "%", 2)).toBe("7.49%");
    expect(formatValue(62, "%", 0)).toBe("62%");
    expect(formatValue(10.5, "rate", 1)).toBe("10.5");
    expect(formatValue(65.6, "%", 1)).toBe("65.6%");
  });

  it("rounds float artefacts away", () => {
    expect(formatValue(4.7300000000000004, "%", 2)).toBe("4.73%");
    expect(formatValue(11.61829, "per 100 pupils", 2)).toBe("11.62 per 100 pupils");
  });

  it("writes rates with their unit", () => {
    expect(formatValue(65, "per 10,000", 0)).toBe("65 per 10,000");
    expect(formatValue(324.2, "per 10,000", 1)).toBe("324.2 per 10,000");
  });

  it("writes pounds with the sign first and thousands separators", () => {
    expect(formatValue(210000, "£", 0)).toBe("£210,000");
    expect(formatValue(1.25, "£m", 2)).toBe("£1.25m");
  });

  it("writes counts with thousands separators and their unit", () => {
    expect(formatValue(2056, "children", 0)).toBe("2,056 children");
    expect(formatValue(6, "sites", 0)).toBe("6 sites");
    expect(formatValue(1234567, "", 0)).toBe("1,234,567");
  });

  it("uses the singular for a count of one", () => {
    expect(formatValue(1, "exclusions", 0)).toBe("1 exclusion");
    expect(formatValue(1, "young people", 0)).toBe("1 young person");
  });

  it("writes scores as bare numbers", () => {
    expect(formatValue(46.2, "score", 1)).toBe("46.2");
  });

  it("writes a true zero as zero", () => {
    expect(formatValue(0, "%", 1)).toBe("0.0%");
  });

  it("uses the true minus sign for negative values", () => {
    expect(formatValue(-1000, "£", 0)).toBe(`${MINUS}£1,000`);
    expect(formatValue(-0.5, "%", 1)).toBe(`${MINUS}0.5%`);
  });
});

describe("formatChange", () => {
  it("shows percentage changes in percentage points with an explicit sign", () => {
    expect(formatChange(11, "%", 0)).toBe("+11pp");
    expect(formatChange(-0.3899999999999997, "%", 2)).toBe(`${MINUS}0.39pp`);
  });

  it("keeps the unit of rates and counts", () => {
    expect(formatChange(2.76096, "per 100 pupils", 2)).toBe("+2.76 per 100 pupils");
    expect(formatChange(1.5, "rate", 1)).toBe("+1.5");
    expect(formatChange(-2, "per 10,000", 0)).toBe(`${MINUS}2 per 10,000`);
    expect(formatChange(1000, "£", 0)).toBe("+£1,000");
    expect(formatChange(1, "sites", 0)).toBe("+1 site");
  });

  it("says no change when the change rounds to zero", () => {
    expect(formatChange(0, "%", 0)).toBe("No change");
    expect(formatChange(-0.004, "%", 2)).toBe("No change");
  });
});

describe("formatInterval", () => {
  it("keeps at least two decimal places", () => {
    expect(formatInterval(54.97748323916183, 68.04434730905287, "%", 0)).toBe("54.98% to 68.04%");
    expect(formatInterval(40.38, 59.62, "%", 2)).toBe("40.38% to 59.62%");
  });
});

describe("formatObservedValue", () => {
  it("formats a value", () => {
    expect(formatObservedValue(62, "value", "%", 0)).toBe("62%");
  });

  it("shows the symbol, never 0, for a missing value", () => {
    expect(formatObservedValue(null, "c", "%", 0)).toBe("c");
    expect(formatObservedValue(null, "x", "%", 0)).toBe("x");
    expect(formatObservedValue(null, "low", "per 100 pupils", 2)).toBe("low");
  });

  it("keeps the low-reliability mark beside a value", () => {
    expect(formatObservedValue(12.5, "u", "%", 1)).toBe("12.5% (u)");
  });

  it("says no data when there is neither value nor symbol", () => {
    expect(formatObservedValue(null, null, "%", 1)).toBe("No data");
  });
});

describe("formatStatus", () => {
  it("gives each symbol its meaning", () => {
    expect(formatStatus("c")).toBe("c: Suppressed (confidential)");
    expect(formatStatus("x")).toBe("x: Not available");
    expect(formatStatus("z")).toBe("z: Not applicable");
    expect(formatStatus("low")).toBe("low: Rounds to 0");
    expect(formatStatus("u")).toBe("u: Low reliability");
  });

  it("gives nothing for an ordinary value", () => {
    expect(formatStatus("value")).toBeNull();
  });
});

describe("formatPolarity", () => {
  it("says which direction is better in words", () => {
    expect(formatPolarity("lower_is_better")).toBe("Lower is better");
    expect(formatPolarity("higher_is_better")).toBe("Higher is better");
    expect(formatPolarity("none")).toBe("Neither higher nor lower is better");
  });
});

describe("formatUnitLabel", () => {
  it("describes units for axis labels", () => {
    expect(formatUnitLabel("%")).toBe("Percentage (%)");
    expect(formatUnitLabel("per 10,000")).toBe("Rate per 10,000");
    expect(formatUnitLabel("£")).toBe("Pounds (£)");
    expect(formatUnitLabel("sites")).toBe("Number of sites");
    // A rate whose denominator is not known (a new indicator's column without metadata).
    expect(formatUnitLabel("rate")).toBe("Rate");
  });
});

describe("formatDate", () => {
  it("writes ISO dates the British way", () => {
    expect(formatDate("2026-11-22")).toBe("22 November 2026");
  });

  it("leaves text that is not a date as written", () => {
    expect(formatDate("March each year")).toBe("March each year");
  });
});

describe("formatList", () => {
  it("joins with commas and a final and", () => {
    expect(formatList(["Dorset", "South West", "England"])).toBe("Dorset, South West and England");
    expect(formatList(["Dorset"])).toBe("Dorset");
    expect(formatList([])).toBe("");
  });
});

describe("formatAreaLabel", () => {
  it("adds the dates of areas that ended or began recently", () => {
    expect(formatAreaLabel({ name: "Chesil LAG", validFrom: "2020-09-01", validTo: "2023-10-03" })).toBe(
      "Chesil LAG (to 3 October 2023)",
    );
    expect(formatAreaLabel({ name: "Portland LAG", validFrom: "2023-10-04", validTo: null })).toBe(
      "Portland LAG (from 4 October 2023)",
    );
    expect(formatAreaLabel({ name: "Dorset", validFrom: "2019-04-01", validTo: null })).toBe("Dorset");
  });
});

describe("formatComparisonReason", () => {
  it("takes the reason in brackets, capitalised", () => {
    expect(formatComparisonReason("Not compared with England (significance is not tested for this indicator)")).toBe(
      "Significance is not tested for this indicator",
    );
    expect(formatComparisonReason("Better than England")).toBeNull();
  });
});

describe("formatAxisTick", () => {
  it("keeps ticks short", () => {
    expect(formatAxisTick(60, "%")).toBe("60%");
    expect(formatAxisTick(2.5, "per 100 pupils")).toBe("2.5");
    expect(formatAxisTick(200000, "£")).toBe("£200,000");
  });
});

describe("formatPeriodType", () => {
  it("names the time axis", () => {
    expect(formatPeriodType("academic_year")).toBe("Academic year");
    expect(formatPeriodType("something_new")).toBe("Period");
  });
});

describe("formatVerdict", () => {
  it("says the verdict against the benchmark in words", () => {
    expect(formatVerdict("better", "England")).toBe("Better than England");
    expect(formatVerdict("worse", "England")).toBe("Worse than England");
    expect(formatVerdict("similar", "England")).toBe("Similar to England");
    expect(formatVerdict("higher", "England")).toBe("Higher than England");
    expect(formatVerdict("not_compared", "England")).toBe("Not compared");
  });
});

describe("splitValueUnit", () => {
  it("separates the figure from the unit words", () => {
    expect(splitValueUnit("11.62 per 100 pupils")).toEqual(["11.62", "per 100 pupils"]);
    expect(splitValueUnit("2,056 children")).toEqual(["2,056", "children"]);
    expect(splitValueUnit("7.49%")).toEqual(["7.49%", ""]);
    expect(splitValueUnit("£210,000")).toEqual(["£210,000", ""]);
  });
});

describe("formatCompactValue", () => {
  it("keeps % and £ but leaves other units to the column header", () => {
    expect(formatCompactValue(62, "%", 0)).toBe("62%");
    expect(formatCompactValue(210000, "£", 0)).toBe("£210,000");
    expect(formatCompactValue(11.39, "per 100 pupils", 2)).toBe("11.39");
    expect(formatCompactValue(2056, "children", 0)).toBe("2,056");
  });

  it("makes compact intervals", () => {
    expect(formatInterval(10.31, 12.55, "per 100 pupils", 2, { compact: true })).toBe("10.31 to 12.55");
  });
});

describe("formatValueHeader", () => {
  it("puts the unit in the header", () => {
    expect(formatValueHeader("%")).toBe("Value (%)");
    expect(formatValueHeader("per 100 pupils")).toBe("Value (per 100 pupils)");
    expect(formatValueHeader("score")).toBe("Score");
    expect(formatValueHeader("")).toBe("Value");
  });
});

describe("formatUtcDateTime", () => {
  it("writes instants in UTC to the second, saying so, with no summer-time shift", () => {
    expect(formatUtcDateTime("2026-07-01T13:05:09.000Z")).toBe("1 July 2026 at 13:05:09 UTC");
    expect(formatUtcDateTime("2026-11-22T23:59:59.999Z")).toBe("22 November 2026 at 23:59:59 UTC");
    // 00:30 in London on 1 July is still 30 June in UTC: the day an audit filter puts it on.
    expect(formatUtcDateTime("2026-06-30T23:30:00Z")).toBe("30 June 2026 at 23:30:00 UTC");
  });

  it("leaves text that is not an instant as written", () => {
    expect(formatUtcDateTime("soon")).toBe("soon");
  });
});

describe("formatDateTime", () => {
  it("writes instants in UK time, summer and winter", () => {
    expect(formatDateTime("2026-07-01T13:05:00.000Z")).toBe("1 July 2026 at 14:05");
    expect(formatDateTime("2026-01-15T09:30:00Z")).toBe("15 January 2026 at 09:30");
  });

  it("leaves text that is not an instant as written", () => {
    expect(formatDateTime("soon")).toBe("soon");
  });
});
