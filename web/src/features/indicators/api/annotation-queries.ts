import {
  answerFigureQueryRoute,
  getIndicatorAnnotationsRoute,
  listAllFigureQueriesRoute,
  type RouteBody,
  raiseFigureQueryRoute,
  setTargetRoute,
  writeCommentaryRoute,
} from "@plan-outcomes/server/contract";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { ANNOTATION_QUERY_ROOT, PLAN_QUERY_ROOT } from "../../../lib/query-keys.ts";

/** What people have written about an indicator's figures: commentary, targets and queries. */
export const annotationQueries = {
  all: () => ANNOTATION_QUERY_ROOT,
  ofIndicator: (code: string, areas: readonly string[]) =>
    queryOptions({
      queryKey: [...annotationQueries.all(), code, areas] as const,
      queryFn: ({ signal }) =>
        request(getIndicatorAnnotationsRoute, { params: { code }, query: { areas: areas.join(",") }, signal }),
    }),
  figureQueries: (status: "open" | "all") =>
    queryOptions({
      queryKey: [...annotationQueries.all(), "figure-queries", status] as const,
      queryFn: ({ signal }) => request(listAllFigureQueriesRoute, { query: { status }, signal }),
      staleTime: 0,
    }),
};

/** Every write here changes what the indicator page, the analysts' list and (for targets) the overview show. */
function useAnnotationMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [annotationQueries.all(), PLAN_QUERY_ROOT].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useRaiseFigureQuery = (code: string) =>
  useAnnotationMutation((body: RouteBody<typeof raiseFigureQueryRoute>) =>
    request(raiseFigureQueryRoute, { params: { code }, body }),
  );

export const useAnswerFigureQuery = () =>
  useAnnotationMutation(({ id, ...body }: { id: number } & RouteBody<typeof answerFigureQueryRoute>) =>
    request(answerFigureQueryRoute, { params: { id }, body }),
  );

export const useSetTarget = (code: string) =>
  useAnnotationMutation((body: RouteBody<typeof setTargetRoute>) =>
    request(setTargetRoute, { params: { code }, body }),
  );

export const useWriteCommentary = (code: string) =>
  useAnnotationMutation((body: RouteBody<typeof writeCommentaryRoute>) =>
    request(writeCommentaryRoute, { params: { code }, body }),
  );
