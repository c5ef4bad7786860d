import {
  checkReferenceFileRoute,
  getReferenceDataRoute,
  listReferenceVersionsRoute,
  publishReferenceFileRoute,
  type ReferenceCheck,
  type ReferenceKind,
  restoreReferenceVersionRoute,
} from "@plan-outcomes/server/contract";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, isProblem, request, toPath } from "../../../lib/api-client.ts";
import { AUDIT_QUERY_ROOT, PROFILE_QUERY_ROOT } from "../../../lib/query-keys.ts";
import { currentCsrfToken } from "../../../lib/session.ts";

export const referenceQueries = {
  all: () => ["reference-data"] as const,
  current: (kind: ReferenceKind) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), kind, "current"] as const,
      queryFn: ({ signal }) => request(getReferenceDataRoute, { params: { kind }, signal }),
      staleTime: 0,
    }),
  versions: (kind: ReferenceKind) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), kind, "versions"] as const,
      queryFn: ({ signal }) => request(listReferenceVersionsRoute, { params: { kind }, signal }),
      staleTime: 0,
    }),
};

export interface ReferenceFileInput {
  kind: ReferenceKind;
  file: File;
  sheet: string;
  note: string;
  publish: boolean;
}

/**
 * Sends a reference file as multipart form data: to be checked, or checked and published. The API client
 * sends JSON only, so this posts the form itself, with the session's CSRF token as every change does.
 */
async function sendReferenceFile(input: ReferenceFileInput): Promise<ReferenceCheck> {
  const route = input.publish ? publishReferenceFileRoute : checkReferenceFileRoute;
  const form = new FormData();
  form.append("file", input.file, input.file.name);
  if (input.sheet) form.append("sheet", input.sheet);
  if (input.publish) form.append("note", input.note);
  const csrfToken = currentCsrfToken();
  const response = await fetch(toPath(route.url, { kind: input.kind }), {
    method: route.method,
    headers: { accept: "application/json", ...(csrfToken ? { "x-csrf-token": csrfToken } : {}) },
    body: form,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      isProblem(body) ? body : null,
      `The server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  return body as ReferenceCheck;
}

/** After a publish or restore: the kind's pages, area profiles (Family Hubs, deprivation) and the audit trail. */
function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>, kind: ReferenceKind) {
  return Promise.all(
    [[...referenceQueries.all(), kind], PROFILE_QUERY_ROOT, AUDIT_QUERY_ROOT].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useSendReferenceFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendReferenceFile,
    onSuccess: (report, input) =>
      report.status === "published" ? refreshAfterChange(queryClient, input.kind) : undefined,
  });
}

export function useRestoreReferenceVersion(kind: ReferenceKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; note: string }) =>
      request(restoreReferenceVersionRoute, { params: { kind, version: input.version }, body: { note: input.note } }),
    onSuccess: () => refreshAfterChange(queryClient, kind),
  });
}
