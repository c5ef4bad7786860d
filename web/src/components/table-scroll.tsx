import type { ReactNode } from "react";

interface TableScrollProps {
  /** Names the region for screen readers: "Audit events". */
  label: string;
  children: ReactNode;
}

/** A table that may be wider than the screen: it scrolls sideways, and takes focus so a keyboard can scroll it. */
export function TableScroll({ label, children }: TableScrollProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be focusable to be scrolled by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
