import type { ReactNode } from "react";

interface ChartFrameProps {
  title: string;
  /** A sentence a screen reader hears instead of the picture; the table beneath carries the figures. */
  description: string;
  source: ReactNode;
  legend?: ReactNode;
  children: ReactNode;
}

/** Every chart: a figure whose caption gives title and source, the picture (role img, described) and a legend. */
export function ChartFrame({ title, description, source, legend, children }: ChartFrameProps) {
  return (
    <figure className="chart-frame">
      <figcaption className="chart-frame__caption">
        <span className="chart-frame__title">{title}</span>
        <span className="chart-frame__source">{source}</span>
      </figcaption>
      {legend}
      <div className="chart-frame__plot" role="img" aria-label={description}>
        {children}
      </div>
    </figure>
  );
}
