import { createTokenRoute, listTokensRoute, revokeTokenRoute } from "@plan-outcomes/server/contract";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { auditQueries } from "./audit-queries.ts";

/** The signed-in person's own API tokens. Creating or revoking one is audited, so the audit trail changes too. */
export const tokenQueries = {
  all: () => ["tokens"] as const,
  list: () =>
    queryOptions({
      queryKey: [...tokenQueries.all(), "list"] as const,
      queryFn: ({ signal }) => request(listTokensRoute, { signal }),
      staleTime: 0,
    }),
};

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays: number }) => request(createTokenRoute, { body: input }),
    onSuccess: () =>
      Promise.all(
        [tokenQueries.all(), auditQueries.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request(revokeTokenRoute, { params: { id } }),
    onSuccess: () =>
      Promise.all(
        [tokenQueries.all(), auditQueries.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
