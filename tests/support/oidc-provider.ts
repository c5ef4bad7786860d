import { createServer } from "node:net";
import Provider from "oidc-provider";

/** A real OpenID Connect provider on this machine, with its development login and consent pages. */
export async function startOidcProvider(redirectUri: string) {
  const provider = new Provider("http://127.0.0.1:0", {
    clients: [
      {
        client_id: "plan-outcomes",
        client_secret: "plan-outcomes-test-secret",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // The login typed on the provider's page becomes the account: its subject and its email.
    findAccount: async (_context, id) => ({
      accountId: id,
      claims: async () => ({ sub: `subject-${id}`, email: id, email_verified: true, name: id }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["test-cookie-key-for-the-local-provider"] },
  });
  const server = provider.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the provider did not start");
  const issuer = `http://127.0.0.1:${address.port}`;
  // The provider learns its public address now that the port is known.
  (provider as unknown as { issuer: string }).issuer = issuer;
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** A browser's cookie jar, per origin, for following redirects across the app and the provider. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? new Map()).entries()]
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
  }

  store(url: string, response: Response): void {
    const jar = this.jars.get(new URL(url).origin) ?? new Map<string, string>();
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
    this.jars.set(new URL(url).origin, jar);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), cookie: this.header(url) },
    });
    this.store(url, response);
    return response;
  }
}
