import type { Role } from "@plan-outcomes/server/contract";
import type { TestApp } from "./api.ts";

export const PASSWORD = "correct horse battery staple";

/** A signed-in browser: its session cookie and the CSRF token to send with changes. */
export interface SignedIn {
  cookie: string;
  csrfToken: string;
}

export async function grant(app: TestApp, email: string, role: Role, areaCodes: string[] = []): Promise<void> {
  const { grantAccess } = await import("@plan-outcomes/server/access");
  await grantAccess(app.database.db, { email, displayName: email, role, areaCodes, password: PASSWORD }, null, "");
}

export async function signIn(app: TestApp, email: string, password = PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === "plan_outcomes_session");
  if (!cookie) throw new Error("no session cookie");
  return { cookie: cookie.value, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
}

export function asSignedIn(who: SignedIn) {
  return { cookies: { plan_outcomes_session: who.cookie }, headers: { "x-csrf-token": who.csrfToken } };
}
