import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import * as client from "openid-client";
import { recordAuditEvent } from "./audit.ts";

/** Single sign-on with an OpenID Connect provider (Microsoft Entra ID for Dorset's partners). */
export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This app's callback, as registered with the provider: https://…/api/auth/oidc/callback */
  redirectUri: string;
  scopes: string;
  /** Only for a provider on http:// in development and tests. */
  allowHttp: boolean;
}

export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class OidcSignInError extends Error {}

/** Discovers the provider once, on first use, so the app starts even while the provider is down. */
export function createOidcClient(options: OidcOptions) {
  let configuration: Promise<client.Configuration> | undefined;
  const configure = () => {
    configuration ??= client
      .discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret,
        undefined,
        options.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    /** The URL the provider redirected to, on the registered origin (not whatever Host a proxy sent). */
    callbackUrl(pathAndQuery: string): URL {
      return new URL(pathAndQuery, options.redirectUri);
    },

    async start(): Promise<{ url: URL; checks: OidcChecks }> {
      const checks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(await configure(), {
        redirect_uri: options.redirectUri,
        scope: options.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: "S256",
      });
      return { url, checks };
    },

    /** Exchanges the code and checks state, nonce and PKCE; returns the verified identity. */
    async finish(callbackUrl: URL, checks: OidcChecks): Promise<{ subject: string; email: string | null }> {
      const config = await configure();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcSignInError("The identity provider returned no ID token.");
      // Many providers put profile claims only in the userinfo response, not in the ID token.
      const claims =
        typeof idClaims.email === "string"
          ? idClaims
          : { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
      const email =
        typeof claims.email === "string"
          ? claims.email
          : typeof claims.preferred_username === "string" && claims.preferred_username.includes("@")
            ? claims.preferred_username
            : null;
      return { subject: idClaims.sub, email };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/**
 * Finds the account for a verified identity: by its linked subject, or by email for an account an
 * administrator granted but that has not signed in through SSO yet (it is then linked). No account
 * is created here: access is granted by an administrator.
 */
export async function accountForIdentity(
  db: Database,
  identity: { subject: string; email: string | null },
  ipAddress: string,
): Promise<number> {
  const [linked] = await db.select().from(schema.users).where(eq(schema.users.oidcSubject, identity.subject));
  let userId = linked && !linked.isDisabled ? linked.id : null;
  if (!linked && identity.email) {
    const [granted] = await db
      .update(schema.users)
      .set({ oidcSubject: identity.subject })
      .where(
        and(
          sql`lower(${schema.users.email}) = lower(${identity.email})`,
          isNull(schema.users.oidcSubject),
          eq(schema.users.isDisabled, false),
        ),
      )
      .returning();
    userId = granted?.id ?? null;
  }
  await recordAuditEvent(db, {
    actorUserId: userId,
    actorKind: "oidc",
    action: "sign-in",
    target: identity.email ?? identity.subject,
    outcome: userId ? "success" : "failure",
    details: userId ? { subject: identity.subject } : { subject: identity.subject, reason: "no account granted" },
    ipAddress,
  });
  if (!userId) {
    throw new OidcSignInError(
      "You signed in with your organisation, but you have no access yet: ask an administrator to grant it.",
    );
  }
  return userId;
}
