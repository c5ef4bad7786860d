import type { ReferenceCheck, ReferenceKind } from "@plan-outcomes/server/contract";

interface KindText {
  /** The tab and page heading. */
  title: string;
  /** What the data is for, in a sentence. */
  purpose: string;
  /** Its URL segment. */
  slug: string;
}

/** The three kinds of reference data, in the order analysts usually maintain them. */
export const REFERENCE_KINDS: Record<ReferenceKind, KindText> = {
  localities: {
    title: "Localities and LAG areas",
    purpose:
      "The council's children's services localities and the Local Alliance Groups' areas, with the dates each began and ended. Areas are never deleted: figures may name them.",
    slug: "localities",
  },
  lookup: {
    title: "Locality lookup",
    purpose:
      "Which locality or LAG area each ward, LSOA or school belongs to, and from when to when. A locality's deprivation is built from its LSOAs through this lookup.",
    slug: "lookup",
  },
  family_hubs: {
    title: "Family Hubs",
    purpose:
      "Family Hub sites, outreach points and online services, with their locality and when they opened and closed. Area profiles list them.",
    slug: "family-hubs",
  },
};

export const REFERENCE_KIND_ORDER: ReferenceKind[] = ["localities", "lookup", "family_hubs"];

/** The kind a URL segment names; undefined for the default page; null for a segment that names none. */
export function toReferenceKind(slug: string | undefined): ReferenceKind | null {
  if (slug === undefined || slug === "") return "localities";
  return REFERENCE_KIND_ORDER.find((kind) => REFERENCE_KINDS[kind].slug === slug) ?? null;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** "1 row added, 2 changed, 0 removed; 11 unchanged." */
export function toPreviewSummary(preview: NonNullable<ReferenceCheck["preview"]>): string {
  return `${plural(preview.added, "row")} added, ${preview.changed.toLocaleString("en-GB")} changed, ${preview.removed.toLocaleString(
    "en-GB",
  )} removed; ${preview.unchanged.toLocaleString("en-GB")} unchanged.`;
}

/** "3 problems: the first 100 are listed" or "1 problem". */
export function toProblemCountText(check: ReferenceCheck): string {
  const shown = check.problems.length;
  return check.problemCount > shown
    ? `${plural(check.problemCount, "problem")}: the first ${shown} are listed`
    : plural(check.problemCount, "problem");
}
