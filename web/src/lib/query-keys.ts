/**
 * Root query keys that one feature's writes must refresh in another, kept here so no feature
 * imports another: a target set on an indicator page changes the Plan's pages; a publish or a
 * restore changes every answer built from published figures.
 */
export const PLAN_QUERY_ROOT = ["plans"] as const;
export const INDICATOR_QUERY_ROOT = ["indicators"] as const;
export const ANNOTATION_QUERY_ROOT = ["annotations"] as const;
export const PROFILE_QUERY_ROOT = ["profiles"] as const;
export const AUDIT_QUERY_ROOT = ["audit"] as const;

/** Every answer built from published figures. */
export const PUBLISHED_DATA_ROOTS = [
  PLAN_QUERY_ROOT,
  INDICATOR_QUERY_ROOT,
  ANNOTATION_QUERY_ROOT,
  PROFILE_QUERY_ROOT,
] as const;
