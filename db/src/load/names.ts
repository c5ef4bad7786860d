/** How area names are compared: case, punctuation and "&" vs "and" do not matter. */
export function normaliseAreaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.,'’()-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
