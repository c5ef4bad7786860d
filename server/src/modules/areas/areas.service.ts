import type { Database } from "@plan-outcomes/db";
import type { Area } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import { selectAreas } from "./areas.queries.ts";

type AreaType = NonNullable<Parameters<typeof selectAreas>[1]["type"]>;

type StoredArea = Area & { id: number; parentId: number | null };

function toArea({ area, parentCode }: Awaited<ReturnType<typeof selectAreas>>[number]): StoredArea {
  return {
    id: area.id,
    parentId: area.parentId,
    code: area.code,
    type: area.type,
    name: area.name,
    onsCode: area.onsCode,
    dfeCode: area.dfeCode,
    parentCode,
    validFrom: area.validFrom,
    validTo: area.validTo,
    note: area.note,
  };
}

export async function listAreas(db: Database, type?: AreaType): Promise<Area[]> {
  const rows = await selectAreas(db, type ? { type } : {});
  return rows.map(toArea).map(({ id: _id, parentId: _parentId, ...area }) => area);
}

/** Looks areas up by code, in the order asked; an unknown code is a 404 naming it. */
export async function getAreasByCode(db: Database, codes: string[]): Promise<StoredArea[]> {
  const rows = (await selectAreas(db, { codes })).map(toArea);
  return codes.map((code) => {
    const area = rows.find((row) => row.code === code);
    if (!area) throw new NotFoundError("area", code);
    return area;
  });
}
