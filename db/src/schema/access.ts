import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { areas } from "./areas.ts";

export const roleEnum = pgEnum("role", ["viewer", "locality_lead", "analyst", "administrator"]);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull().default(""),
    role: roleEnum("role").notNull().default("viewer"),
    /** argon2id; null for accounts that sign in only through single sign-on. */
    passwordHash: text("password_hash"),
    /** The OpenID Connect subject, when the account is linked to the identity provider. */
    oidcSubject: text("oidc_subject"),
    isDisabled: boolean("is_disabled").notNull().default(false),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email").on(sql`lower(${t.email})`),
    uniqueIndex("users_oidc_subject").on(t.oidcSubject),
    check("users_email_shape", sql`${t.email} like '%_@_%'`),
  ],
);

/** The localities or LAG areas a locality lead answers for. */
export const userAreas = pgTable(
  "user_areas",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaId] })],
);

/** Server-side sessions (the @fastify/session store): the table keys them by a SHA-256 of the id. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id").references(() => users.id),
    data: jsonb("data").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires").on(t.expiresAt)],
);

/** Tokens for scripted clients: shown once, stored as SHA-256, revocable. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user").on(t.userId), check("api_tokens_name", sql`length(${t.name}) between 1 and 100`)],
);

/** Append-only: a trigger in the migration refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    /** How the actor proved who they were: session, token, oidc, system, or anonymous for failed sign-ins. */
    actorKind: text("actor_kind").notNull(),
    action: text("action").notNull(),
    target: text("target").notNull().default(""),
    outcome: text("outcome").notNull().default("success"),
    details: jsonb("details").notNull().default({}),
    ipAddress: text("ip_address").notNull().default(""),
  },
  (t) => [index("audit_events_occurred").on(t.occurredAt), index("audit_events_action").on(t.action)],
);
