import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatDate,
  formatInterval,
  formatList,
  formatObservedValue,
  formatPolarity,
  formatStatus,
  formatUnitLabel,
  formatValue,
  MINUS,
} from "./format.ts";

describe("formatValue", () => {
  it("writes percentages with their decimal places", () => {
    expect(formatValue(7.49, "%", 2)).toBe("7.49%");
    expect(formatValue(62, "%", 0)).toBe("62%");
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
  it("keeps at least one decimal place", () => {
    expect(formatInterval(54.97748323916183, 68.04434730905287, "%", 0)).toBe("55.0% to 68.0%");
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
