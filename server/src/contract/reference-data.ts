import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import { Nullable, ProblemSchema } from "./schemas.ts";

/** Localities and LAG areas, the dated locality lookup, and Family Hub sites: reference data analysts maintain. */
export const ReferenceKindSchema = T.Union([T.Literal("localities"), T.Literal("lookup"), T.Literal("family_hubs")]);
export type ReferenceKind = Static<typeof ReferenceKindSchema>;

const kindParams = T.Object({ kind: ReferenceKindSchema });
const versionParams = T.Object({ kind: ReferenceKindSchema, version: T.Integer({ minimum: 1 }) });

export const ReferenceVersionSchema = T.Object({
  version: T.Integer(),
  fileName: T.String(),
  rowCount: T.Integer(),
  note: T.String(),
  isIllustrative: T.Boolean(),
  restoresVersion: Nullable(T.Integer()),
  createdBy: T.String(),
  createdAt: T.String(),
});
export type ReferenceVersion = Static<typeof ReferenceVersionSchema>;

export const ReferenceColumnSchema = T.Object({ name: T.String(), required: T.Boolean(), description: T.String() });

/** The current rows, as the kind's file writes them (every cell text; blank for none). */
export const ReferenceDataSchema = T.Object({
  kind: ReferenceKindSchema,
  title: T.String(),
  current: Nullable(ReferenceVersionSchema),
  columns: T.Array(ReferenceColumnSchema),
  rows: T.Array(T.Array(T.String())),
});
export type ReferenceData = Static<typeof ReferenceDataSchema>;

export const ReferenceProblemSchema = T.Object({
  file: T.String(),
  row: Nullable(T.Integer()),
  column: Nullable(T.String()),
  value: Nullable(T.String()),
  reason: T.String(),
});

export const ReferencePreviewSchema = T.Object({
  added: T.Integer(),
  changed: T.Integer(),
  removed: T.Integer(),
  unchanged: T.Integer(),
  changes: T.Array(
    T.Object({
      key: T.String(),
      change: T.Union([T.Literal("added"), T.Literal("changed"), T.Literal("removed")]),
      before: Nullable(T.String()),
      after: Nullable(T.String()),
    }),
  ),
});

/** A checked file: refused with every problem located, or ready with what publishing would change. */
export const ReferenceCheckSchema = T.Object({
  status: T.Union([T.Literal("refused"), T.Literal("ready"), T.Literal("published")]),
  fileName: T.String(),
  rowCount: T.Integer(),
  problems: T.Array(ReferenceProblemSchema),
  problemCount: T.Integer(),
  preview: Nullable(ReferencePreviewSchema),
  /** Set when the file was published. */
  published: Nullable(ReferenceVersionSchema),
});
export type ReferenceCheck = Static<typeof ReferenceCheckSchema>;

const analysts = ["analyst", "administrator"] as const;
const errors = { 401: ProblemSchema, 403: ProblemSchema };

export const getReferenceDataRoute = defineRoute({
  method: "GET",
  url: "/api/reference/:kind",
  access: "published",
  schema: {
    summary: "The current version of a kind of reference data, with its rows and columns",
    tags: ["reference data"],
    params: kindParams,
    response: { 200: ReferenceDataSchema },
  },
});

export const downloadReferenceDataRoute = defineRoute({
  method: "GET",
  url: "/api/reference/:kind/csv",
  access: "published",
  schema: {
    summary: "The current rows as a CSV file in the upload layout: edit it and load it again",
    tags: ["reference data"],
    params: kindParams,
    response: { 200: T.String() },
  },
});

export const listReferenceVersionsRoute = defineRoute({
  method: "GET",
  url: "/api/reference/:kind/versions",
  access: "published",
  schema: {
    summary: "Every version of a kind of reference data, newest first",
    tags: ["reference data"],
    params: kindParams,
    response: { 200: T.Array(ReferenceVersionSchema) },
  },
});

export const downloadReferenceVersionFileRoute = defineRoute({
  method: "GET",
  url: "/api/reference/:kind/versions/:version/file",
  access: analysts,
  schema: {
    summary: "The exact file a version was loaded from",
    tags: ["reference data"],
    params: versionParams,
    response: { 200: T.String(), ...errors, 404: ProblemSchema },
  },
});

export const checkReferenceFileRoute = defineRoute({
  method: "POST",
  url: "/api/reference/:kind/check",
  access: analysts,
  schema: {
    summary:
      "Check a reference file (multipart: `file`, optional `sheet`) and preview what it would change; writes nothing",
    tags: ["reference data"],
    consumes: ["multipart/form-data"],
    params: kindParams,
    response: { 200: ReferenceCheckSchema, 400: ProblemSchema, ...errors, 413: ProblemSchema },
  },
});

export const publishReferenceFileRoute = defineRoute({
  method: "POST",
  url: "/api/reference/:kind",
  access: analysts,
  schema: {
    summary:
      "Check and publish a reference file (multipart: `file`, `note`, optional `sheet`) as the next version, in one transaction; a refused file changes nothing",
    tags: ["reference data"],
    consumes: ["multipart/form-data"],
    params: kindParams,
    response: { 200: ReferenceCheckSchema, 400: ProblemSchema, ...errors, 413: ProblemSchema },
  },
});

export const restoreReferenceVersionRoute = defineRoute({
  method: "POST",
  url: "/api/reference/:kind/versions/:version/restore",
  access: analysts,
  schema: {
    summary: "Make an earlier version current again (recorded as a new version; nothing is deleted)",
    tags: ["reference data"],
    params: versionParams,
    body: T.Object({ note: T.String({ maxLength: 2000 }) }, { additionalProperties: false }),
    response: { 200: ReferenceVersionSchema, ...errors, 404: ProblemSchema },
  },
});
