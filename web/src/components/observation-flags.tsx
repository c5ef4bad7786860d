interface ObservationFlagsProps {
  isIllustrative?: boolean;
  isProvisional?: boolean;
  isRevised?: boolean;
  isDisputed?: boolean;
  isQueried?: boolean;
}

const FLAGS = [
  {
    key: "isIllustrative",
    label: "Illustrative",
    hint: "Not a published statistic: an illustration of what local figures could show",
  },
  { key: "isProvisional", label: "Provisional", hint: "May change when final figures are published" },
  { key: "isRevised", label: "Revised", hint: "Changed since first published" },
  { key: "isDisputed", label: "Disputed", hint: "Questioned by the people who use it; being checked" },
  { key: "isQueried", label: "Queried", hint: "A reader has queried this figure; the analysts have not answered yet" },
] as const;

/** Badges for figures that need a caution beside them. Renders nothing when none applies. */
export function ObservationFlags(props: ObservationFlagsProps) {
  const flags = FLAGS.filter((flag) => props[flag.key]);
  if (flags.length === 0) return null;
  return (
    <span className="flags">
      {flags.map((flag) => (
        <strong key={flag.key} className={`flag flag--${flag.label.toLowerCase()}`} title={flag.hint}>
          {flag.label}
        </strong>
      ))}
    </span>
  );
}
