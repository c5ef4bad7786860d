/**
 * The CSRF token of this browser's session. The session query and sign-in remember it (their answers carry it);
 * the API client sends it with every change. Kept outside React so the one `request` can read it.
 */
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentCsrfToken(): string | null {
  return csrfToken;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The methods the server checks the X-CSRF-Token header on, for a browser session. */
export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}
