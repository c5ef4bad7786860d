import type { DatabaseHandle } from "@plan-outcomes/db";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

/** Makes the database available to routes; the handle's owner (server.ts or a test) closes it. */
export const databasePlugin = fp<{ handle: DatabaseHandle }>(async (app, { handle }) => {
  app.decorate("database", handle);
});
