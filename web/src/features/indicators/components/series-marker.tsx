/** Shapes that tell the lines apart without colour. */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross" | "triangle-down" | "plus" | "star";

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash: string | undefined;
  marker: MarkerShape;
}

/**
 * Okabe-Ito colours that reach 3:1 against white (WCAG 1.4.11), each paired with its own dash
 * pattern and marker so the lines stay distinct in greyscale and for colour-blind readers.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "#0072B2", dash: undefined, marker: "circle" },
  { color: "#D55E00", dash: "8 4", marker: "square" },
  { color: "#009E73", dash: "2 3", marker: "triangle" },
  { color: "#CC79A7", dash: "12 3 3 3", marker: "diamond" },
  { color: "#000000", dash: "4 4", marker: "cross" },
  { color: "#0072B2", dash: "1 4", marker: "triangle-down" },
  { color: "#D55E00", dash: "16 4", marker: "plus" },
  { color: "#009E73", dash: "6 2 1 2", marker: "star" },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? { color: "#000000", dash: undefined, marker: "circle" };
}

interface SeriesMarkerProps {
  shape: MarkerShape;
  color: string;
  cx: number;
  cy: number;
  size?: number;
}

/** One marker, centred on (cx, cy); white-filled except the cross and plus, which are strokes. */
export function SeriesMarker({ shape, color, cx, cy, size = 5 }: SeriesMarkerProps) {
  const s = size;
  const common = { stroke: color, strokeWidth: 2, fill: "#ffffff" };
  switch (shape) {
    case "circle":
      return <circle cx={cx} cy={cy} r={s} {...common} />;
    case "square":
      return <rect x={cx - s} y={cy - s} width={2 * s} height={2 * s} {...common} />;
    case "triangle":
      return <polygon points={`${cx},${cy - s - 1} ${cx + s + 1},${cy + s} ${cx - s - 1},${cy + s}`} {...common} />;
    case "triangle-down":
      return <polygon points={`${cx},${cy + s + 1} ${cx + s + 1},${cy - s} ${cx - s - 1},${cy - s}`} {...common} />;
    case "diamond":
      return (
        <polygon
          points={`${cx},${cy - s - 1} ${cx + s + 1},${cy} ${cx},${cy + s + 1} ${cx - s - 1},${cy}`}
          {...common}
        />
      );
    case "cross":
      return (
        <path
          d={`M${cx - s} ${cy - s}L${cx + s} ${cy + s}M${cx + s} ${cy - s}L${cx - s} ${cy + s}`}
          stroke={color}
          strokeWidth={2.5}
        />
      );
    case "plus":
      return <path d={`M${cx - s} ${cy}H${cx + s}M${cx} ${cy - s}V${cy + s}`} stroke={color} strokeWidth={2.5} />;
    case "star": {
      const points = Array.from({ length: 10 }, (_, i) => {
        const radius = i % 2 === 0 ? s + 1.5 : (s + 1.5) / 2.2;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        return `${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`;
      });
      return <polygon points={points.join(" ")} {...common} />;
    }
  }
}

interface SeriesSwatchProps {
  style: SeriesStyle;
}

/** The legend's sample of a line: its dash pattern with its marker in the middle. */
export function SeriesSwatch({ style }: SeriesSwatchProps) {
  return (
    <svg width="48" height="16" viewBox="0 0 48 16" aria-hidden="true" focusable="false" className="series-swatch">
      <line x1="2" y1="8" x2="46" y2="8" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} />
      <SeriesMarker shape={style.marker} color={style.color} cx={24} cy={8} size={4.5} />
    </svg>
  );
}
