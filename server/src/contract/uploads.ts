import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import { Nullable, PolaritySchema, ProblemSchema, StatusSchema } from "./schemas.ts";

const DraftFigureSchema = Nullable(T.Object({ status: StatusSchema, value: Nullable(T.Number()) }));

const DraftChartSchema = T.Object({
  indicatorCode: T.String(),
  title: T.String(),
  /** The figures charted: the headline (null), or for an indicator the file gives no total for, its first breakdown. Absent from reports made before it was kept. */
  breakdown: T.Optional(Nullable(T.Object({ dimension: T.String(), value: T.String() }))),
  unit: T.String(),
  decimalPlaces: T.Integer(),
  polarity: PolaritySchema,
  periodType: T.String(),
  areas: T.Array(T.Object({ code: T.String(), name: T.String() })),
  figures: T.Array(
    T.Object({
      areaCode: T.String(),
      periodCode: T.String(),
      periodLabel: T.String(),
      /** The figure published now; null where there is none. */
      published: DraftFigureSchema,
      /** What readers will see once the file is published; null where withdrawn or there is none. */
      after: DraftFigureSchema,
    }),
  ),
});
export type DraftChart = Static<typeof DraftChartSchema>;

export const UploadReportSchema = T.Object({
  status: T.Union([T.Literal("refused"), T.Literal("ready")]),
  format: Nullable(T.String()),
  rowCount: T.Integer(),
  observationCount: T.Integer(),
  problems: T.Array(
    T.Object({
      kind: T.String(),
      file: T.String(),
      row: Nullable(T.Integer()),
      column: Nullable(T.String()),
      value: Nullable(T.String()),
      reason: T.String(),
    }),
  ),
  problemCounts: T.Object({}, { additionalProperties: T.Integer() }),
  warnings: T.Array(T.Object({ kind: T.String(), message: T.String(), count: T.Integer() })),
  preview: Nullable(
    T.Object({
      new: T.Integer(),
      changed: T.Integer(),
      unchanged: T.Integer(),
      withdrawn: T.Integer(),
      byIndicator: T.Array(
        T.Object({
          indicatorCode: T.String(),
          /** As the indicator will be titled, new ones included; absent from reports made before it was kept. */
          title: T.Optional(T.String()),
          new: T.Integer(),
          changed: T.Integer(),
          unchanged: T.Integer(),
          withdrawn: T.Integer(),
        }),
      ),
      changes: T.Array(
        T.Object({
          indicatorCode: T.String(),
          areaCode: T.String(),
          periodCode: T.String(),
          oldValue: Nullable(T.Number()),
          newValue: Nullable(T.Number()),
        }),
      ),
      /**
       * Each indicator's headline series (or, without a total in the file, its first breakdown's) redrawn on the draft
       * (its first 50 indicators): Dorset, the South West and England where the file gives any of them, else its
       * first six areas. Absent from reports made before.
       */
      charts: T.Optional(T.Array(DraftChartSchema)),
    }),
  ),
});

export const UploadSchema = T.Object({
  id: T.Integer(),
  fileName: T.String(),
  datasetCode: T.String(),
  status: T.Union([T.Literal("refused"), T.Literal("ready"), T.Literal("published"), T.Literal("discarded")]),
  uploadedBy: T.String(),
  uploadedAt: T.String(),
  byteSize: T.Integer(),
  report: UploadReportSchema,
});
export type Upload = Static<typeof UploadSchema>;

const analysts = ["analyst", "administrator"] as const;

export const createUploadRoute = defineRoute({
  method: "POST",
  url: "/api/uploads",
  access: analysts,
  schema: {
    summary:
      "Upload a data file (multipart: `file`, optional `meta` (its .meta.csv), `dataset` code, for an .xlsx workbook `sheet` name (default the first sheet), and a `progress` key to follow the check by): it is checked and previewed, never published by this call",
    tags: ["uploads"],
    consumes: ["multipart/form-data"],
    response: {
      200: UploadSchema,
      400: ProblemSchema,
      401: ProblemSchema,
      403: ProblemSchema,
      413: ProblemSchema,
    },
  },
});

/**
 * A random key the uploader chooses, sent as the multipart field `progress`, to ask how far the check has got. It is
 * the only credential the progress route asks for, so it is long: at least 32 characters (e.g. 32 random hex digits).
 */
export const PROGRESS_KEY_PATTERN = "^[A-Za-z0-9_-]{32,64}$";

export const CheckProgressSchema = T.Object({
  /** workbook: reading the chosen sheet; columns: what each column holds; rows: every row checked; comparing: with the published figures; storing: keeping the file. */
  step: T.Union([
    T.Literal("workbook"),
    T.Literal("columns"),
    T.Literal("rows"),
    T.Literal("comparing"),
    T.Literal("storing"),
  ]),
  /** While the step reads the file: bytes read so far, of `bytes`. */
  bytesRead: Nullable(T.Integer()),
  bytes: Nullable(T.Integer()),
});
export type CheckProgress = Static<typeof CheckProgressSchema>;

/** Each step of a check, as the upload page and `pnpm load-data` name it. */
export const CHECK_STEP_LABELS: Record<CheckProgress["step"], string> = {
  workbook: "Reading the chosen sheet of the workbook",
  columns: "Reading what each column holds",
  rows: "Checking every row",
  comparing: "Comparing with the published figures",
  storing: "Keeping a copy of the file",
};

/** The same steps while publishing (`storing` never comes: the file is already kept). */
export const PUBLISH_STEP_LABELS: Record<CheckProgress["step"], string> = {
  workbook: "Reading the chosen sheet of the workbook",
  columns: "Reading what each column holds",
  rows: "Publishing every figure",
  comparing: "Withdrawing the figures the file no longer carries",
  storing: "Keeping a copy of the file",
};

export const getUploadProgressRoute = defineRoute({
  method: "GET",
  url: "/api/uploads/progress/:key",
  // Asked without the session: on the embedded database, looking the session up would wait for the check itself.
  access: "key",
  schema: {
    summary:
      "How far the check (or the publish) of an upload has got, by the random `progress` key its uploader sent with the file (or the publish request), the only credential it needs: send no cookie or token. 404 before its first step and once it is over",
    tags: ["uploads"],
    params: T.Object({ key: T.String({ pattern: PROGRESS_KEY_PATTERN }) }),
    response: { 200: CheckProgressSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
  },
});

export const listUploadsRoute = defineRoute({
  method: "GET",
  url: "/api/uploads",
  access: analysts,
  schema: {
    summary: "Recent upload attempts, newest first, with their reports",
    tags: ["uploads"],
    response: { 200: T.Array(UploadSchema), 401: ProblemSchema, 403: ProblemSchema },
  },
});

export const getUploadRoute = defineRoute({
  method: "GET",
  url: "/api/uploads/:id",
  access: analysts,
  schema: {
    summary: "One upload with its validation report and preview",
    tags: ["uploads"],
    params: T.Object({ id: T.Integer({ minimum: 1 }) }),
    response: { 200: UploadSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
  },
});

export const PublishOutcomeSchema = T.Object({
  datasetCode: T.String(),
  version: T.Integer(),
  unchanged: T.Boolean(),
  inserted: T.Integer(),
  revised: T.Integer(),
  withdrawn: T.Integer(),
});

export const publishUploadRoute = defineRoute({
  method: "POST",
  url: "/api/uploads/:id/publish",
  access: analysts,
  schema: {
    summary: "Publish a checked upload as a new version of its dataset, in one transaction",
    tags: ["uploads"],
    params: T.Object({ id: T.Integer({ minimum: 1 }) }),
    body: T.Object(
      {
        acceptWarnings: T.Boolean(),
        note: T.String({ maxLength: 2000 }),
        /** A key to follow the publish by, as the check is followed (GET /api/uploads/progress/:key). */
        progress: T.Optional(T.String({ pattern: PROGRESS_KEY_PATTERN })),
      },
      { additionalProperties: false },
    ),
    response: {
      200: PublishOutcomeSchema,
      400: ProblemSchema,
      401: ProblemSchema,
      403: ProblemSchema,
      404: ProblemSchema,
      409: ProblemSchema,
    },
  },
});

export const DatasetVersionSchema = T.Object({
  version: T.Integer(),
  status: T.String(),
  fileName: T.String(),
  observationCount: T.Integer(),
  note: T.String(),
  createdBy: T.String(),
  publishedAt: Nullable(T.String()),
  restoresVersion: Nullable(T.Integer()),
  /** Only for versions that came from an upload: where to download the exact file. */
  fileUrl: Nullable(T.String()),
});

export const DatasetSchema = T.Object({
  code: T.String(),
  title: T.String(),
  versions: T.Array(DatasetVersionSchema),
});
export type Dataset = Static<typeof DatasetSchema>;

export const listDatasetsRoute = defineRoute({
  method: "GET",
  url: "/api/datasets",
  access: "published",
  schema: {
    summary: "Every dataset with its full version history",
    tags: ["uploads"],
    response: { 200: T.Array(DatasetSchema) },
  },
});

export const downloadUploadFileRoute = defineRoute({
  method: "GET",
  url: "/api/uploads/:id/file",
  access: analysts,
  schema: {
    summary: "The exact file that was uploaded",
    tags: ["uploads"],
    params: T.Object({ id: T.Integer({ minimum: 1 }) }),
    response: { 200: T.String(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
  },
});

export const restoreDatasetVersionRoute = defineRoute({
  method: "POST",
  url: "/api/datasets/:code/versions/:version/restore",
  access: analysts,
  schema: {
    summary: "Roll back: make an earlier version current again (recorded as a new version)",
    tags: ["uploads"],
    params: T.Object({ code: T.String({ pattern: "^[A-Za-z0-9_.-]{1,100}$" }), version: T.Integer({ minimum: 1 }) }),
    body: T.Object({ note: T.String({ maxLength: 2000 }) }, { additionalProperties: false }),
    response: {
      200: PublishOutcomeSchema,
      401: ProblemSchema,
      403: ProblemSchema,
      404: ProblemSchema,
      409: ProblemSchema,
    },
  },
});

export const downloadUploadReportRoute = defineRoute({
  method: "GET",
  url: "/api/uploads/:id/report.csv",
  access: analysts,
  schema: {
    summary: "An upload's problems and warnings as CSV (file, row, column, value, reason)",
    tags: ["uploads"],
    params: T.Object({ id: T.Integer({ minimum: 1 }) }),
    response: {
      200: T.String({ description: "text/csv" }),
      401: ProblemSchema,
      403: ProblemSchema,
      404: ProblemSchema,
    },
  },
});
