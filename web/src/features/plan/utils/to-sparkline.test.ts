import { describe, expect, it } from "vitest";
import { toSparkline } from "./to-sparkline.ts";

describe("toSparkline", () => {
  it("scales values into the box, highest at the top", () => {
    const line = toSparkline(
      [
        { periodLabel: "2021", value: 10 },
        { periodLabel: "2022", value: 20 },
      ],
      108,
      28,
    );
    expect(line?.path).toBe("M4 24L104 4");
  });

  it("breaks the line at a missing value instead of drawing 0", () => {
    const line = toSparkline(
      [
        { periodLabel: "2021", value: 1 },
        { periodLabel: "2022", value: 3 },
        { periodLabel: "2023", value: null },
        { periodLabel: "2024", value: 2 },
      ],
      64,
      28,
    );
    expect(line?.path).toBe("M4 24L22.67 4M60 14");
    expect(line?.points.map((point) => point.periodLabel)).toEqual(["2021", "2022", "2024"]);
  });

  it("draws a flat series across the middle", () => {
    const line = toSparkline(
      [
        { periodLabel: "2021", value: 5 },
        { periodLabel: "2022", value: 5 },
      ],
      20,
      20,
    );
    expect(line?.path).toBe("M4 10L16 10");
  });

  it("gives nothing for fewer than two values", () => {
    expect(toSparkline([{ periodLabel: "2024", value: 6 }], 100, 20)).toBeNull();
    expect(
      toSparkline(
        [
          { periodLabel: "2023", value: null },
          { periodLabel: "2024", value: 6 },
        ],
        100,
        20,
      ),
    ).toBeNull();
  });
});
