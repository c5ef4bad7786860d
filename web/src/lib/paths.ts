// Sign-in returns through the same rule the server's single sign-on callback uses.
export { toSafeNextPath } from "@plan-outcomes/server/contract";

/** The two indicators an area profile's scatter plots, across and up; null for the profile's default. */
export interface ScatterChoice {
  x: string | null;
  y: string | null;
}

/** The app's URLs in one place, so links and routes agree. */
export const paths = {
  overview: (query: { plan?: string; area?: string } = {}) => withQuery("/", query),
  indicator: (
    code: string,
    query: {
      areas?: readonly string[];
      periods?: readonly string[];
      compare?: { among: string; period: string | null };
    } = {},
  ) =>
    withQuery(`/indicators/${encodeURIComponent(code)}`, {
      areas: query.areas?.length ? query.areas.join(",") : undefined,
      periods: query.periods?.length ? query.periods.join(",") : undefined,
      // The default comparison (Dorset and its neighbours, latest period) stays out of the URL.
      compare: query.compare && query.compare.among !== "neighbours" ? query.compare.among : undefined,
      comparePeriod: query.compare?.period ?? undefined,
    }),
  priority: (code: string, query: { plan?: string; area?: string } = {}) =>
    withQuery(`/priorities/${encodeURIComponent(code)}`, query),
  boardPack: (query: { plan?: string; area?: string } = {}) => withQuery("/board-pack", query),
  methodology: (section?: string) => `/methodology${section ? `#${section}` : ""}`,
  accessibility: () => "/accessibility",
  areaProfile: (code: string, query: { compare?: string | null; scatter?: ScatterChoice } = {}) =>
    withQuery(`/areas/${encodeURIComponent(code)}`, {
      compare: query.compare ?? undefined,
      scatterX: query.scatter?.x ?? undefined,
      scatterY: query.scatter?.y ?? undefined,
    }),
  areaProfiles: () => "/areas",
  /** The API's template for an indicator's local figures, as CSV or Excel: a download, not a client-side route. */
  indicatorTemplate: (code: string, format: "csv" | "xlsx" = "csv") =>
    `/api/indicators/${encodeURIComponent(code)}/template.${format}`,
  apiDocs: "/api/docs",
  /** `next` is where to go back to after signing in. */
  signIn: (next?: string) => withQuery("/sign-in", { next: next && next !== "/" ? next : undefined }),
  /** The server's start of single sign-on: a full page load, not a client-side route; it returns to `next`. */
  singleSignOn: (next?: string) => withQuery("/api/auth/oidc/start", { next: next && next !== "/" ? next : undefined }),
  tokens: () => "/account/tokens",
  figureQueries: (status?: "all") => withQuery("/figure-queries", { status }),
  users: () => "/admin/users",
  audit: (filter: { action?: string; from?: string; to?: string } = {}) => withQuery("/admin/audit", filter),
  uploads: () => "/uploads",
  upload: (id: number) => `/uploads/${id}`,
  datasets: () => "/datasets",
  dataset: (code: string) => `/datasets/${encodeURIComponent(code)}`,
  /** `slug`: localities, lookup or family-hubs. */
  referenceData: (slug?: string) => (slug ? `/reference-data/${encodeURIComponent(slug)}` : "/reference-data"),
  auditExport: (filter: { action?: string; from?: string; to?: string } = {}) => withQuery("/api/audit/export", filter),
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
