import { grantAccessRoute, listUsersRoute } from "@plan-outcomes/server/contract";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import type { GrantAccessInput } from "../utils/validate-grant-access.ts";
import { auditQueries } from "./audit-queries.ts";

export const userQueries = {
  all: () => ["users"] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), "list"] as const,
      queryFn: ({ signal }) => request(listUsersRoute, { signal }),
      staleTime: 0,
    }),
};

/** Grants (or changes) access; the grant is audited, so the audit trail changes too. */
export function useGrantAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantAccessInput) => request(grantAccessRoute, { body: input }),
    onSuccess: () =>
      Promise.all(
        [userQueries.all(), auditQueries.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
