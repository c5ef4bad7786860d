import { BOUNDARY_FRAME } from "@plan-outcomes/db/schema";
import { describe, expect, it } from "vitest";
import {
  joinNumbers,
  projectToFrame,
  ringCentroid,
  simplifyLine,
  toBoundaryShape,
  toRingPath,
} from "./boundary-geometry.ts";

describe("projectToFrame", () => {
  it("puts the frame's north-west corner at the origin and its south-east corner at width and height", () => {
    expect(projectToFrame([BOUNDARY_FRAME.west, BOUNDARY_FRAME.north])).toEqual([0, 0]);
    const [x, y] = projectToFrame([BOUNDARY_FRAME.east, BOUNDARY_FRAME.south]);
    expect(x).toBeCloseTo(BOUNDARY_FRAME.width, 0);
    expect(y).toBeCloseTo(BOUNDARY_FRAME.height, 6);
  });

  it("shrinks a degree of longitude by cos(52.5°) against a degree of latitude", () => {
    const [x0, y0] = projectToFrame([-2, 52.5]);
    const [x1] = projectToFrame([-1, 52.5]);
    const [, y1] = projectToFrame([-2, 51.5]);
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(0.6088, 4);
  });
});

describe("simplifyLine", () => {
  it("drops points nearer the line than the tolerance and keeps the ends and the corners", () => {
    const line = [
      [0, 0],
      [1, 0.05],
      [2, 0],
      [2, 5],
    ] as const;
    expect(simplifyLine(line, 0.1)).toEqual([
      [0, 0],
      [2, 0],
      [2, 5],
    ]);
    expect(simplifyLine(line, 0.01)).toHaveLength(4);
  });
});

describe("ringCentroid", () => {
  it("finds the middle of a square", () => {
    expect(
      ringCentroid([
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
      ]),
    ).toEqual([2, 2]);
  });
});

describe("toRingPath", () => {
  it("writes the first point absolutely and the rest as relative tenths, closed", () => {
    expect(
      toRingPath([
        [10, 20],
        [10.5, 20],
        [10, 19.2],
      ]),
    ).toBe("M10 20l.5 0-.5-.8z");
  });

  it("separates numbers only where the SVG grammar needs a space", () => {
    expect(joinNumbers(["1.5", ".5", "-2", "3", ".4"])).toBe("1.5.5-2 3 .4");
  });
});

describe("toBoundaryShape", () => {
  const square = (x: number, y: number, size: number) => [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ];

  it("draws every part of a MultiPolygon and labels its largest", () => {
    const shape = toBoundaryShape(
      { type: "MultiPolygon", coordinates: [square(-2, 50.5, 0.01), square(-1, 51, 1)] },
      0.1,
    );
    expect(shape.path.match(/M/g)).toHaveLength(2);
    const [x, y] = projectToFrame([-0.5, 51.5]);
    expect(shape.label[0]).toBeCloseTo(x, 0);
    expect(shape.label[1]).toBeCloseTo(y, 0);
  });

  it("keeps a council that is only a speck rather than losing it", () => {
    const shape = toBoundaryShape({ type: "Polygon", coordinates: square(-6.3, 49.9, 0.0005) }, 5);
    expect(shape.path).toMatch(/^M.+z$/);
  });

  it("refuses a geometry that is not a polygon", () => {
    expect(() => toBoundaryShape({ type: "Point", coordinates: [0, 51] }, 0.1)).toThrow(/Polygon or MultiPolygon/);
  });
});
