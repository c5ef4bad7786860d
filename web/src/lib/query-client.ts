import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client.ts";

/** Retry only what may succeed on a second try: network failures and 5xx, never 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Published statistics change a few times a year: a page visit need not refetch them.
        staleTime: 5 * 60 * 1000,
        gcTime: 30 * 60 * 1000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
}
