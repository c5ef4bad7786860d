import { describe, expect, it } from "vitest";
import { toCsv, toSafeCsvCell } from "./csv.ts";

describe("toSafeCsvCell", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(toSafeCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(toSafeCsvCell("+1")).toBe("'+1");
    expect(toSafeCsvCell("-1")).toBe("'-1");
    expect(toSafeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("writes numbers as numbers, negative ones included", () => {
    expect(toSafeCsvCell(-0.39)).toBe("-0.39");
    expect(toSafeCsvCell(62)).toBe("62");
  });

  it("quotes cells with commas, quotes or line breaks", () => {
    expect(toSafeCsvCell("Bournemouth, Christchurch and Poole")).toBe('"Bournemouth, Christchurch and Poole"');
    expect(toSafeCsvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it("writes missing cells as empty, never 0", () => {
    expect(toSafeCsvCell(null)).toBe("");
    expect(toSafeCsvCell(undefined)).toBe("");
    expect(toSafeCsvCell(Number.NaN)).toBe("");
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends", () => {
    expect(
      toCsv(
        ["Area", "Value"],
        [
          ["Dorset", 62],
          ["England", null],
        ],
      ),
    ).toBe("Area,Value\r\nDorset,62\r\nEngland,\r\n");
  });
});
