import type { Database } from "@plan-outcomes/db";
import type { Target } from "../../contract/index.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { latestPerKey } from "../../lib/latest-per-key.ts";
import { recordAuditEvent } from "../access/audit.ts";
import type { Principal } from "../access/principal.ts";
import { mayEditArea } from "../access/reading.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { getIndicator } from "../indicators/indicators.service.ts";
import { DORSET, parseCodeList } from "../observations/observations.service.ts";
import { selectPeriodId, targetPeriodId } from "../periods/periods.queries.ts";
import { insertTarget, selectTargetVersions } from "./targets.queries.ts";

type VersionRow = Awaited<ReturnType<typeof selectTargetVersions>>[number];

function toTargets(rows: VersionRow[]): Target[] {
  return latestPerKey(rows, (row) => `${row.areaCode}|${row.periodCode}`).map(({ latest, version }) => ({
    areaCode: latest.areaCode,
    areaName: latest.areaName,
    periodCode: latest.periodCode,
    periodLabel: latest.periodLabel,
    targetValue: latest.targetValue,
    baselineValue: latest.baselineValue,
    baselinePeriodCode: latest.baselinePeriodCode,
    note: latest.note,
    setBy: latest.setByName || latest.setByEmail,
    setAt: latest.setAt.toISOString(),
    version,
  }));
}

export async function listTargets(db: Database, code: string, areasParam: string | undefined): Promise<Target[]> {
  const indicator = await getIndicator(db, code);
  const areas = await getAreasByCode(db, parseCodeList(areasParam) ?? [DORSET]);
  return toTargets(
    await selectTargetVersions(
      db,
      indicator.id,
      areas.map((area) => area.id),
    ),
  );
}

export async function setTarget(
  db: Database,
  principal: Principal,
  code: string,
  input: {
    areaCode: string;
    periodCode: string;
    targetValue: number;
    baselineValue?: number | null;
    baselinePeriodCode?: string | null;
    note?: string;
  },
  ipAddress: string,
): Promise<Target> {
  const indicator = await getIndicator(db, code);
  const [area] = await getAreasByCode(db, [input.areaCode]);
  if (!area) throw new NotFoundError("area", input.areaCode);
  if (!mayEditArea(principal, area))
    throw new ForbiddenError(`You may set targets only for your own areas, not ${area.name}.`);
  const baselinePeriodId = input.baselinePeriodCode
    ? await selectPeriodId(db, indicator.periodType, input.baselinePeriodCode)
    : null;
  if (baselinePeriodId === undefined) throw new NotFoundError("period", String(input.baselinePeriodCode));
  await db.transaction(async (tx) => {
    const periodId = await targetPeriodId(tx, indicator.periodType, input.periodCode);
    if (periodId === undefined) throw new NotFoundError("period", input.periodCode);
    await insertTarget(tx, {
      indicatorId: indicator.id,
      areaId: area.id,
      periodId,
      targetValue: input.targetValue,
      baselineValue: input.baselineValue ?? null,
      baselinePeriodId,
      note: input.note ?? "",
      setByUserId: principal.userId,
    });
    await recordAuditEvent(tx, {
      actorUserId: principal.userId,
      actorKind: principal.via,
      action: "target.set",
      target: `${indicator.code} / ${area.code} / ${input.periodCode}`,
      details: { targetValue: input.targetValue, baselineValue: input.baselineValue ?? null },
      ipAddress,
    });
  });
  const current = toTargets(await selectTargetVersions(db, indicator.id, [area.id])).find(
    (target) => target.periodCode === input.periodCode,
  );
  if (!current) throw new Error("the target was not stored");
  return current;
}
