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
import { request } from "../../../lib/api-client.ts";
import { AUDIT_QUERY_ROOT, PROFILE_QUERY_ROOT } from "../../../lib/query-keys.ts";

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

/** Sends a reference file to be checked, or checked and published. */
function sendReferenceFile(input: ReferenceFileInput): Promise<ReferenceCheck> {
  const form = new FormData();
  form.append("file", input.file, input.file.name);
  if (input.sheet) form.append("sheet", input.sheet);
  if (input.publish) form.append("note", input.note);
  return request(input.publish ? publishReferenceFileRoute : checkReferenceFileRoute, {
    params: { kind: input.kind },
    form,
  });
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
