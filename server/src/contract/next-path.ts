/**
 * Where to go after signing in (password or single sign-on): a path on this site only (never
 * `//elsewhere`, `/\elsewhere` or `https://…`, which would make sign-in an open redirect), and never
 * back to the sign-in page itself. Anything else goes to the overview. The web and the server's
 * single sign-on callback both read `next` through this one rule.
 */
export function toSafeNextPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//")) return "/";
  // Browsers read a backslash as a slash, and drop tabs and line breaks from URLs.
  if (value.includes("\\") || [...value].some((character) => character.charCodeAt(0) < 0x20)) return "/";
  if (/^\/sign-in(?:[/?#]|$)/.test(value)) return "/";
  return value;
}
