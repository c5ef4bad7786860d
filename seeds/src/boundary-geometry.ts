import { BOUNDARY_FRAME } from "@plan-outcomes/db/schema";

/** [x, y] in BOUNDARY_FRAME, y growing southwards. */
export type Point = readonly [number, number];
type Ring = Point[];

const RADIANS = Math.PI / 180;
const LONGITUDE_SCALE = Math.cos(BOUNDARY_FRAME.standardParallel * RADIANS);
const UNITS_PER_DEGREE = BOUNDARY_FRAME.height / (BOUNDARY_FRAME.north - BOUNDARY_FRAME.south);

/**
 * Longitude and latitude (WGS 84 degrees) to the map plane. Equirectangular with longitude scaled by
 * cos(52.5°): across England's six degrees of latitude it stretches shapes by at most 8%, which a map
 * drawn to compare councils by colour can afford, and it needs no projection library.
 */
export function projectToFrame([longitude, latitude]: readonly number[]): Point {
  if (longitude === undefined || latitude === undefined) throw new Error("a position needs longitude and latitude");
  return [
    (longitude - BOUNDARY_FRAME.west) * LONGITUDE_SCALE * UNITS_PER_DEGREE,
    (BOUNDARY_FRAME.north - latitude) * UNITS_PER_DEGREE,
  ];
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas-Peucker: drops points closer than `tolerance` to the line that replaces them. */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let index = first + 1; index < last; index++) {
      const distance = distanceToSegment(points[index] as Point, points[first] as Point, points[last] as Point);
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, index) => keep[index]);
}

/** Twice the signed area of a ring (shoelace); its absolute value halved is the area. */
function doubleArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length; index++) {
    const [x1, y1] = ring[index] as Point;
    const [x2, y2] = ring[(index + 1) % ring.length] as Point;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** The area-weighted centroid of a ring: inside it for the compact shapes of English councils. */
export function ringCentroid(ring: readonly Point[]): Point {
  const twiceArea = doubleArea(ring);
  if (twiceArea === 0) {
    const [sumX, sumY] = ring.reduce(([x, y], [px, py]) => [x + px, y + py], [0, 0]);
    return [sumX / ring.length, sumY / ring.length];
  }
  let cx = 0;
  let cy = 0;
  for (let index = 0; index < ring.length; index++) {
    const [x1, y1] = ring[index] as Point;
    const [x2, y2] = ring[(index + 1) % ring.length] as Point;
    const cross = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

/** Polygon and MultiPolygon as a list of polygons, each a list of rings of [longitude, latitude]. */
function polygonsOf(geometry: GeoJsonGeometry): number[][][][] {
  if (geometry.type === "Polygon") return [geometry.coordinates as number[][][]];
  if (geometry.type === "MultiPolygon") return geometry.coordinates as number[][][][];
  throw new Error(`a boundary must be a Polygon or MultiPolygon, not ${geometry.type}`);
}

const round = (value: number) => Math.round(value * 10) / 10;

export interface BoundaryShape {
  /** SVG path data: absolute start of each ring, then relative moves, to one decimal of a frame unit. */
  path: string;
  label: Point;
}

/**
 * A GeoJSON boundary as SVG path data in BOUNDARY_FRAME, simplified to `tolerance` frame units.
 * Rings that simplify to nothing are dropped, except a council's largest, so no council vanishes
 * (the Isles of Scilly are all small islands).
 */
export function toBoundaryShape(geometry: GeoJsonGeometry, tolerance: number): BoundaryShape {
  const rings: Ring[] = polygonsOf(geometry).flatMap((polygon) =>
    polygon.map((ring) => ring.map((position) => projectToFrame(position))),
  );
  if (rings.length === 0) throw new Error("a boundary has no rings");
  const largest = rings.reduce((best, ring) => (Math.abs(doubleArea(ring)) > Math.abs(doubleArea(best)) ? ring : best));
  const parts: string[] = [];
  for (const ring of rings) {
    const open = ring.length > 1 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1];
    const simplified = simplifyLine(open ? ring : [...ring, ring[0] as Point], tolerance)
      .slice(0, -1)
      .map(([x, y]): Point => [round(x), round(y)]);
    const distinct = simplified.filter(
      (point, index) =>
        index === 0 || point[0] !== simplified[index - 1]?.[0] || point[1] !== simplified[index - 1]?.[1],
    );
    const kept =
      distinct.length >= 3 ? distinct : ring === largest ? ring.map(([x, y]): Point => [round(x), round(y)]) : [];
    if (kept.length < 3) continue;
    parts.push(toRingPath(kept));
  }
  const [labelX, labelY] = ringCentroid(largest);
  return { path: parts.join(""), label: [round(labelX), round(labelY)] };
}

/** Tenths of a unit as the shortest SVG number: 12 → "1.2", 3 → ".3", -3 → "-.3". */
function formatTenths(tenths: number): string {
  const text = String(tenths / 10);
  return text.replace(/^(-?)0\./, "$1.");
}

/** Numbers joined as SVG path grammar allows: no space before a minus sign, nor before a point after a decimal. */
export function joinNumbers(numbers: readonly string[]): string {
  let text = "";
  let previous = "";
  for (const number of numbers) {
    const selfSeparating = number.startsWith("-") || (number.startsWith(".") && previous.includes("."));
    text += previous === "" || selfSeparating ? number : ` ${number}`;
    previous = number;
  }
  return text;
}

/** "M x y l dx dy … z" in whole tenths: relative steps are short and compress well. */
export function toRingPath(ring: readonly Point[]): string {
  const [first, ...rest] = ring;
  if (!first) return "";
  const tenths = (value: number) => Math.round(value * 10);
  let [previousX, previousY] = [tenths(first[0]), tenths(first[1])];
  const steps: string[] = [];
  for (const [x, y] of rest) {
    const [nextX, nextY] = [tenths(x), tenths(y)];
    steps.push(formatTenths(nextX - previousX), formatTenths(nextY - previousY));
    [previousX, previousY] = [nextX, nextY];
  }
  const start = joinNumbers([formatTenths(tenths(first[0])), formatTenths(tenths(first[1]))]);
  return `M${start}${steps.length ? `l${joinNumbers(steps)}` : ""}z`;
}
