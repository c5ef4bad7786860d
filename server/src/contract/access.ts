import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import { ProblemSchema } from "./schemas.ts";

export const RoleSchema = T.Union([
  T.Literal("viewer"),
  T.Literal("locality_lead"),
  T.Literal("analyst"),
  T.Literal("administrator"),
]);

export const UserSchema = T.Object({
  id: T.Integer(),
  email: T.String(),
  displayName: T.String(),
  role: RoleSchema,
  areaCodes: T.Array(T.String()),
  isDisabled: T.Boolean(),
});
export type User = Static<typeof UserSchema>;

export const SessionSchema = T.Object({
  user: T.Union([UserSchema, T.Null()]),
  /** Send back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: T.Union([T.String(), T.Null()]),
});
export type SessionInfo = Static<typeof SessionSchema>;

const Email = T.String({ format: "email", maxLength: 254 });
const Password = T.String({ minLength: 12, maxLength: 200 });

export const getSessionRoute = defineRoute({
  method: "GET",
  url: "/api/auth/session",
  access: "open",
  schema: {
    summary: "Who is signed in, and the CSRF token for their changes",
    tags: ["access"],
    response: { 200: SessionSchema },
  },
});

export const signInRoute = defineRoute({
  method: "POST",
  url: "/api/auth/sign-in",
  access: "open",
  schema: {
    summary: "Sign in with email and password",
    tags: ["access"],
    body: T.Object(
      { email: Email, password: T.String({ minLength: 1, maxLength: 200 }) },
      { additionalProperties: false },
    ),
    response: { 200: SessionSchema, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
  },
});

export const signOutRoute = defineRoute({
  method: "POST",
  url: "/api/auth/sign-out",
  access: "signed-in",
  schema: {
    summary: "Sign out: ends the session",
    tags: ["access"],
    response: { 200: T.Object({ signedOut: T.Literal(true) }), 401: ProblemSchema, 403: ProblemSchema },
  },
});

export const ApiTokenSchema = T.Object({
  id: T.Integer(),
  name: T.String(),
  createdAt: T.String(),
  expiresAt: T.String(),
  revokedAt: T.Union([T.String(), T.Null()]),
  lastUsedAt: T.Union([T.String(), T.Null()]),
});
export type ApiToken = Static<typeof ApiTokenSchema>;

export const listTokensRoute = defineRoute({
  method: "GET",
  url: "/api/tokens",
  access: "signed-in",
  schema: {
    summary: "Your API tokens",
    tags: ["access"],
    response: { 200: T.Array(ApiTokenSchema), 401: ProblemSchema },
  },
});

export const createTokenRoute = defineRoute({
  method: "POST",
  url: "/api/tokens",
  access: "signed-in",
  schema: {
    summary: "Create an API token for yourself; the secret is shown once",
    tags: ["access"],
    body: T.Object(
      {
        name: T.String({ minLength: 1, maxLength: 100 }),
        expiresInDays: T.Integer({ minimum: 1, maximum: 366 }),
      },
      { additionalProperties: false },
    ),
    response: {
      200: T.Object({ token: ApiTokenSchema, secret: T.String() }),
      400: ProblemSchema,
      401: ProblemSchema,
      403: ProblemSchema,
    },
  },
});

export const revokeTokenRoute = defineRoute({
  method: "DELETE",
  url: "/api/tokens/:id",
  access: "signed-in",
  schema: {
    summary: "Revoke one of your API tokens",
    tags: ["access"],
    params: T.Object({ id: T.Integer({ minimum: 1 }) }),
    response: { 200: ApiTokenSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
  },
});

export const listUsersRoute = defineRoute({
  method: "GET",
  url: "/api/users",
  access: ["administrator"],
  schema: {
    summary: "Every account, with role and areas",
    tags: ["access"],
    response: { 200: T.Array(UserSchema), 401: ProblemSchema, 403: ProblemSchema },
  },
});

export const grantAccessRoute = defineRoute({
  method: "POST",
  url: "/api/users",
  access: ["administrator"],
  schema: {
    summary: "Grant access in one step: create (or update) an account with its role and areas",
    tags: ["access"],
    body: T.Object(
      {
        email: Email,
        displayName: T.String({ maxLength: 200 }),
        role: RoleSchema,
        areaCodes: T.Array(T.String({ maxLength: 64 }), { maxItems: 20 }),
        password: T.Optional(Password),
      },
      { additionalProperties: false },
    ),
    response: { 200: UserSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
  },
});

export const AuditEventSchema = T.Object({
  id: T.Integer(),
  occurredAt: T.String(),
  actorEmail: T.Union([T.String(), T.Null()]),
  actorKind: T.String(),
  action: T.String(),
  target: T.String(),
  outcome: T.String(),
  ipAddress: T.String(),
  details: T.Object({}, { additionalProperties: true }),
});
export type AuditEvent = Static<typeof AuditEventSchema>;

const AuditFilterSchema = T.Object(
  {
    action: T.Optional(
      T.String({ pattern: "^[a-z.-]{1,60}$", description: "Actions starting with this, e.g. sign-in or token" }),
    ),
    from: T.Optional(T.String({ format: "date" })),
    to: T.Optional(T.String({ format: "date" })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 10000 })),
  },
  { additionalProperties: false },
);

export const exportAuditEventsRoute = defineRoute({
  method: "GET",
  url: "/api/audit/export",
  access: ["administrator"],
  schema: {
    summary: "The audit trail as CSV, with the same filters",
    tags: ["access"],
    querystring: AuditFilterSchema,
    response: {
      200: T.String({ description: "text/csv" }),
      400: ProblemSchema,
      401: ProblemSchema,
      403: ProblemSchema,
    },
  },
});

export const listAuditEventsRoute = defineRoute({
  method: "GET",
  url: "/api/audit",
  access: ["administrator"],
  schema: {
    summary: "The audit trail, newest first; filter by action prefix and date",
    tags: ["access"],
    querystring: AuditFilterSchema,
    response: { 200: T.Array(AuditEventSchema), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
  },
});

export const startSingleSignOnRoute = defineRoute({
  method: "GET",
  url: "/api/auth/oidc/start",
  access: "open",
  schema: {
    summary: "Sign in with your organisation (OpenID Connect): redirects to the identity provider",
    description:
      "`next` is the path on this site to return to once signed in; anything else (another site, `//host`, a backslash) returns to the overview.",
    tags: ["access"],
    querystring: T.Object({ next: T.Optional(T.String({ maxLength: 2000 })) }),
    response: { 200: T.Null(), 302: T.Null(), 404: ProblemSchema },
  },
});

/** Why a single sign-on failed: the callback redirects to /sign-in?error=<code>; the web words each one. */
export const SINGLE_SIGN_ON_ERRORS = ["no-account", "expired", "failed"] as const;
export type SingleSignOnError = (typeof SINGLE_SIGN_ON_ERRORS)[number];

export const finishSingleSignOnRoute = defineRoute({
  method: "GET",
  url: "/api/auth/oidc/callback",
  access: "open",
  schema: {
    summary:
      "Where the identity provider returns; redirects to the app signed in, or to the sign-in page with a reason",
    tags: ["access"],
    querystring: T.Object({}, { additionalProperties: T.String({ maxLength: 4000 }) }),
    response: { 200: T.Null(), 302: T.Null(), 404: ProblemSchema },
  },
});
