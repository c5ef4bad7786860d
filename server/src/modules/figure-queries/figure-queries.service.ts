import type { Database } from "@plan-outcomes/db";
import type { FigureQuery, FigureQueryStatus } from "../../contract/index.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { recordAuditEvent } from "../access/audit.ts";
import type { Principal } from "../access/principal.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { getIndicator } from "../indicators/indicators.service.ts";
import { selectBreakdownId } from "../observations/observations.queries.ts";
import { DORSET, parseCodeList } from "../observations/observations.service.ts";
import { selectPeriodId } from "../periods/periods.queries.ts";
import {
  answerOpenQuery,
  insertFigureQuery,
  openQueries,
  queriesOfIndicator,
  queryWithId,
  selectCurrentFigureExists,
  selectFigureQueries,
} from "./figure-queries.queries.ts";

type QueryRow = Awaited<ReturnType<typeof selectFigureQueries>>[number];

/** Readers who are not signed in see the question and the answer, not who asked or answered. */
function toFigureQuery(row: QueryRow, showNames: boolean): FigureQuery {
  return {
    id: row.id,
    indicatorCode: row.indicatorCode,
    indicatorTitle: row.indicatorTitle,
    areaCode: row.areaCode,
    areaName: row.areaName,
    periodCode: row.periodCode,
    periodLabel: row.periodLabel,
    question: row.question,
    suggestedValue: row.suggestedValue,
    raisedBy: showNames ? row.raisedByName || row.raisedByEmail : null,
    raisedAt: row.raisedAt.toISOString(),
    status: row.status as FigureQueryStatus,
    answer: row.answer,
    answeredBy: showNames && row.answeredAt ? row.answeredByName || row.answeredByEmail || null : null,
    answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
  };
}

export async function listIndicatorQueries(
  db: Database,
  code: string,
  areasParam: string | undefined,
  reader: Principal | null,
): Promise<FigureQuery[]> {
  const indicator = await getIndicator(db, code);
  const areas = await getAreasByCode(db, parseCodeList(areasParam) ?? [DORSET]);
  const rows = await selectFigureQueries(
    db,
    queriesOfIndicator(
      indicator.id,
      areas.map((area) => area.id),
    ),
    "newest_first",
  );
  return rows.map((row) => toFigureQuery(row, reader !== null));
}

export async function listAllQueries(db: Database, status: "open" | "all"): Promise<FigureQuery[]> {
  const rows = await selectFigureQueries(db, status === "open" ? openQueries() : undefined, "oldest_open_first");
  return rows.map((row) => toFigureQuery(row, true));
}

async function getQuery(db: Database, id: number): Promise<FigureQuery> {
  const [row] = await selectFigureQueries(db, queryWithId(id), "newest_first");
  if (!row) throw new NotFoundError("figure query", String(id));
  return toFigureQuery(row, true);
}

export async function raiseQuery(
  db: Database,
  principal: Principal,
  code: string,
  input: { areaCode: string; periodCode: string; question: string; suggestedValue?: string },
  ipAddress: string,
): Promise<FigureQuery> {
  const indicator = await getIndicator(db, code);
  const [area] = await getAreasByCode(db, [input.areaCode]);
  if (!area) throw new NotFoundError("area", input.areaCode);
  const periodId = await selectPeriodId(db, indicator.periodType, input.periodCode);
  const breakdownId = await selectBreakdownId(db, "total", "Total");
  const figure =
    periodId === undefined || breakdownId === undefined
      ? null
      : { indicatorId: indicator.id, areaId: area.id, periodId, breakdownId };
  if (!figure || !(await selectCurrentFigureExists(db, figure))) {
    throw new NotFoundError("figure", `${indicator.code} / ${area.name} / ${input.periodCode}`);
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await insertFigureQuery(tx, {
      ...figure,
      question: input.question.trim(),
      suggestedValue: input.suggestedValue?.trim() ?? "",
      raisedByUserId: principal.userId,
    });
    await recordAuditEvent(tx, {
      actorUserId: principal.userId,
      actorKind: principal.via,
      action: "figure_query.raise",
      target: `${indicator.code} / ${area.code} / ${input.periodCode}`,
      details: { suggestedValue: input.suggestedValue ?? "" },
      ipAddress,
    });
    if (!row) throw new Error("the query was not stored");
    return row.id;
  });
  return getQuery(db, id);
}

export async function answerQuery(
  db: Database,
  principal: Principal,
  id: number,
  input: { status: "figure_stands" | "corrected"; answer: string },
  ipAddress: string,
): Promise<FigureQuery> {
  const query = await getQuery(db, id);
  await db.transaction(async (tx) => {
    const updated = await answerOpenQuery(tx, id, {
      status: input.status,
      answer: input.answer.trim(),
      answeredByUserId: principal.userId,
    });
    if (updated.length === 0) {
      throw new ConflictError(`This query was already answered${query.answeredBy ? ` by ${query.answeredBy}` : ""}.`);
    }
    await recordAuditEvent(tx, {
      actorUserId: principal.userId,
      actorKind: principal.via,
      action: "figure_query.answer",
      target: `${query.indicatorCode} / ${query.areaCode} / ${query.periodCode}`,
      details: { queryId: id, status: input.status },
      ipAddress,
    });
  });
  return getQuery(db, id);
}
