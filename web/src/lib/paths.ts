/** The app's URLs in one place, so links and routes agree. */
export const paths = {
  overview: (query: { plan?: string; area?: string } = {}) => withQuery("/", query),
  indicator: (code: string, query: { areas?: readonly string[]; periods?: readonly string[] } = {}) =>
    withQuery(`/indicators/${encodeURIComponent(code)}`, {
      areas: query.areas?.length ? query.areas.join(",") : undefined,
      periods: query.periods?.length ? query.periods.join(",") : undefined,
    }),
  apiDocs: "/api/docs",
};

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString().replaceAll("%2C", ",");
  return text ? `${path}?${text}` : path;
}

/** "A,B,,C" → ["A", "B", "C"]; null or empty → []. */
export function toCodeList(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
}
