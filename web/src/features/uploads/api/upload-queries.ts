import {
  getUploadProgressRoute,
  getUploadRoute,
  listDatasetsRoute,
  listIndicatorsRoute,
  listPlansRoute,
  listUploadsRoute,
  publishUploadRoute,
  restoreDatasetVersionRoute,
  type Upload,
} from "@plan-outcomes/server/contract";
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { AUDIT_QUERY_ROOT, PUBLISHED_DATA_ROOTS } from "../../../lib/query-keys.ts";
import { type SendUploadOptions, sendUpload } from "./send-upload.ts";

/** Upload attempts and their reports: they change whenever anyone uploads, so never kept long. */
export const uploadQueries = {
  all: () => ["uploads"] as const,
  list: () =>
    queryOptions({
      queryKey: [...uploadQueries.all(), "list"] as const,
      queryFn: ({ signal }) => request(listUploadsRoute, { signal }),
      staleTime: 0,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...uploadQueries.all(), "detail", id] as const,
      queryFn: ({ signal }) => request(getUploadRoute, { params: { id }, signal }),
      staleTime: 0,
    }),
  /** How far the check followed by `key` has got: asked again and again while it runs; gone (404) once it is over. */
  checkProgress: (key: string) =>
    queryOptions({
      queryKey: [...uploadQueries.all(), "check-progress", key] as const,
      queryFn: ({ signal }) => request(getUploadProgressRoute, { params: { key }, signal }),
      staleTime: 0,
      gcTime: 0,
      retry: false,
    }),
  /** Every indicator's title by its code, across the Plans, to name the indicators a file feeds. */
  indicatorTitles: () =>
    queryOptions({
      queryKey: [...uploadQueries.all(), "indicator-titles"] as const,
      queryFn: async ({ signal }) => {
        const plans = await request(listPlansRoute, { signal });
        const lists = await Promise.all(
          plans.map((plan) => request(listIndicatorsRoute, { query: { plan: plan.code }, signal })),
        );
        return new Map(lists.flat().map((indicator) => [indicator.code, indicator.title]));
      },
      staleTime: 60 * 60 * 1000,
    }),
};

/** Every dataset with its version history. */
export const datasetQueries = {
  all: () => ["datasets"] as const,
  list: () =>
    queryOptions({
      queryKey: [...datasetQueries.all(), "list"] as const,
      queryFn: ({ signal }) => request(listDatasetsRoute, { signal }),
      staleTime: 0,
    }),
};

/**
 * After a publish or a restore every published figure may have changed: the indicators' and Plans' answers
 * (their features' query keys, named here since features do not import each other), the history and the
 * audit trail.
 */
function invalidateAfterPublishing(queryClient: QueryClient) {
  // The list is not on screen: drop it rather than show statuses from before the publish on the next visit.
  queryClient.removeQueries({ queryKey: uploadQueries.list().queryKey, type: "inactive" });
  return Promise.all(
    [
      [...uploadQueries.all(), "list"],
      [...uploadQueries.all(), "detail"],
      datasetQueries.all(),
      ...PUBLISHED_DATA_ROOTS,
      AUDIT_QUERY_ROOT,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

export function useSendUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...options }: SendUploadOptions & { file: File }) => sendUpload(file, options),
    onSuccess: (upload: Upload) => {
      queryClient.setQueryData(uploadQueries.detail(upload.id).queryKey, upload);
      return queryClient.invalidateQueries({ queryKey: uploadQueries.list().queryKey });
    },
  });
}

/** Polls the check under way (none: null), twice a second; the last answer stays while a poll fails or waits. */
export function useCheckProgress(key: string | null) {
  return useQuery({ ...uploadQueries.checkProgress(key ?? ""), enabled: key !== null, refetchInterval: 500 });
}

export function usePublishUpload(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { acceptWarnings: boolean; note: string; progress?: string }) =>
      request(publishUploadRoute, { params: { id }, body: input }),
    onSuccess: () => invalidateAfterPublishing(queryClient),
  });
}

export function useRestoreDatasetVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; version: number; note: string }) =>
      request(restoreDatasetVersionRoute, {
        params: { code: input.code, version: input.version },
        body: { note: input.note },
      }),
    onSuccess: () => invalidateAfterPublishing(queryClient),
  });
}
