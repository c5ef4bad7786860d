import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type AreaProfile, getAreaProfileRoute } from "../../contract/index.ts";
import { PublishedDataCache } from "../../lib/published-data-cache.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getAreaProfile } from "./profiles.service.ts";

export const profilesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Figures change only when something is published: the same question gets the same answer until then.
  const profiles = new PublishedDataCache<AreaProfile>();
  app.route({
    ...getAreaProfileRoute,
    handler: (request) => {
      const scope = provisionalScopeOf(request.principal);
      const { plan, compare } = request.query;
      const key = JSON.stringify([request.params.code, plan ?? null, compare ?? null, scope]);
      return profiles.get(app.database.db, key, () =>
        getAreaProfile(app.database.db, request.params.code, request.query, scope),
      );
    },
  });
};
