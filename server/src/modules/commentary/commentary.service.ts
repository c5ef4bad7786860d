import type { Database } from "@plan-outcomes/db";
import type { Commentary } from "../../contract/index.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { latestPerKey } from "../../lib/latest-per-key.ts";
import { recordAuditEvent } from "../access/audit.ts";
import type { Principal } from "../access/principal.ts";
import { mayEditArea } from "../access/reading.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { getIndicator } from "../indicators/indicators.service.ts";
import { DORSET, parseCodeList } from "../observations/observations.service.ts";
import { selectPeriodId } from "../periods/periods.queries.ts";
import { insertCommentary, selectCommentaryVersions } from "./commentary.queries.ts";
import { renderMarkdown } from "./markdown.ts";

type VersionRow = Awaited<ReturnType<typeof selectCommentaryVersions>>[number];

function toCommentaries(rows: VersionRow[]): Commentary[] {
  return latestPerKey(rows, (row) => `${row.areaCode}|${row.periodCode ?? ""}`).map(({ latest, version }) => ({
    areaCode: latest.areaCode,
    areaName: latest.areaName,
    periodCode: latest.periodCode,
    markdown: latest.markdown,
    html: renderMarkdown(latest.markdown),
    author: latest.authorName || latest.authorEmail,
    writtenAt: latest.writtenAt.toISOString(),
    version,
  }));
}

export async function listCommentary(
  db: Database,
  code: string,
  areasParam: string | undefined,
): Promise<Commentary[]> {
  const indicator = await getIndicator(db, code);
  const areas = await getAreasByCode(db, parseCodeList(areasParam) ?? [DORSET]);
  return toCommentaries(
    await selectCommentaryVersions(
      db,
      indicator.id,
      areas.map((area) => area.id),
    ),
  );
}

export async function writeCommentary(
  db: Database,
  principal: Principal,
  code: string,
  input: { areaCode: string; periodCode: string | null; markdown: string },
  ipAddress: string,
): Promise<Commentary> {
  const indicator = await getIndicator(db, code);
  const [area] = await getAreasByCode(db, [input.areaCode]);
  if (!area) throw new NotFoundError("area", input.areaCode);
  if (!mayEditArea(principal, area)) {
    throw new ForbiddenError(`You may write commentary only for your own areas, not ${area.name}.`);
  }
  const periodId = input.periodCode === null ? null : await selectPeriodId(db, indicator.periodType, input.periodCode);
  if (periodId === undefined) throw new NotFoundError("period", String(input.periodCode));
  await db.transaction(async (tx) => {
    await insertCommentary(tx, {
      indicatorId: indicator.id,
      areaId: area.id,
      periodId,
      markdown: input.markdown,
      authorUserId: principal.userId,
    });
    await recordAuditEvent(tx, {
      actorUserId: principal.userId,
      actorKind: principal.via,
      action: "commentary.write",
      target: `${indicator.code} / ${area.code}${input.periodCode ? ` / ${input.periodCode}` : ""}`,
      details: { length: input.markdown.length },
      ipAddress,
    });
  });
  const written = toCommentaries(await selectCommentaryVersions(db, indicator.id, [area.id])).find(
    (entry) => entry.periodCode === input.periodCode,
  );
  if (!written) throw new Error("the commentary was not stored");
  return written;
}
