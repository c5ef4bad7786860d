import { getSessionRoute, type SessionInfo, signInRoute, signOutRoute } from "@plan-outcomes/server/contract";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "./api-client.ts";
import { rememberCsrfToken } from "./session.ts";

/** Who is signed in. Every other answer may depend on it (provisional figures), so it changes everything. */
export const sessionQueries = {
  all: () => ["session"] as const,
  current: () =>
    queryOptions({
      queryKey: sessionQueries.all(),
      queryFn: async ({ signal }) => {
        const session = await request(getSessionRoute, { signal });
        rememberCsrfToken(session.csrfToken);
        return session;
      },
      staleTime: 60 * 1000,
      // Coming back to the tab shows a session that ended (or began) elsewhere meanwhile.
      refetchOnWindowFocus: true,
    }),
};

/** After signing in or out: the new session at once, then nothing cached as the previous person survives. */
function useSessionChanged() {
  const queryClient = useQueryClient();
  return async (session: SessionInfo) => {
    rememberCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionQueries.current().queryKey, session);
    // Figures read as someone else (provisional ones, the users list) must not be shown from the cache.
    queryClient.removeQueries({ type: "inactive" });
    await queryClient.invalidateQueries();
  };
}

export function useSignIn() {
  const sessionChanged = useSessionChanged();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => request(signInRoute, { body: credentials }),
    onSuccess: sessionChanged,
  });
}

export function useSignOut() {
  const sessionChanged = useSessionChanged();
  return useMutation({
    mutationFn: () => request(signOutRoute),
    // Signed out either way: a session that had already ended answers 401. The refetch tells the truth.
    onSettled: () => sessionChanged({ user: null, csrfToken: null }),
  });
}
