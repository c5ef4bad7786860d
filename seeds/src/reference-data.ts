import { type Executor, normaliseAreaName, saveMappings, schema } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";
import { type AreaDefinition, coreAreas, DORSET, dorsetStatisticalNeighbours } from "./catalogue/areas.ts";
import type { IndicatorDefinition } from "./catalogue/indicators.ts";
import { eesFiles, indicators, laitMeasures } from "./catalogue/indicators.ts";
import { PLAN_2020, PLAN_2023, plans, priorityMappings } from "./catalogue/plans.ts";
import { programmeIndicators } from "./catalogue/programme-indicators.ts";
import { sources } from "./catalogue/sources.ts";

const {
  areaAliases,
  areaGroupMembers,
  areaGroups,
  areas,
  indicatorPriorities,
  plans: plansTable,
  priorities,
  priorityMappings: mappingsTable,
} = schema;

export const allIndicators: IndicatorDefinition[] = [...indicators, ...programmeIndicators];

/** Upserts by natural key, so a second run leaves every row as it was. */
export async function seedReferenceData(tx: Executor, extraAreas: AreaDefinition[] = []): Promise<void> {
  await seedSources(tx);
  await seedPlans(tx);
  await seedAreas(tx, [...coreAreas, ...extraAreas]);
  await seedIndicators(tx);
  await saveMappings(tx, {
    lait: laitMeasures.flatMap((file) => file.measures),
    ees: eesFiles.flatMap((file) => file.indicators),
  });
  await seedStatisticalNeighbours(tx);
}

async function seedSources(tx: Executor): Promise<void> {
  for (const source of sources) {
    await tx.insert(schema.sources).values(source).onConflictDoUpdate({ target: schema.sources.code, set: source });
  }
}

async function seedPlans(tx: Executor): Promise<void> {
  for (const plan of plans) {
    const { priorities: planPriorities, ...values } = plan;
    const [row] = await tx
      .insert(plansTable)
      .values(values)
      .onConflictDoUpdate({ target: plansTable.code, set: values })
      .returning();
    if (!row) throw new Error(`plan ${plan.code} was not stored`);
    for (const [index, priority] of planPriorities.entries()) {
      const priorityValues = { ...priority, planId: row.id, position: index + 1 };
      await tx
        .insert(priorities)
        .values(priorityValues)
        .onConflictDoUpdate({ target: [priorities.planId, priorities.code], set: priorityValues });
    }
  }
  const ids = await priorityIds(tx);
  for (const mapping of priorityMappings) {
    const fromPriorityId = ids.get(`${PLAN_2020}/${mapping.from}`);
    const toPriorityId = ids.get(`${PLAN_2023}/${mapping.to}`);
    if (!fromPriorityId || !toPriorityId)
      throw new Error(`priority mapping ${mapping.from} -> ${mapping.to} names an unknown priority`);
    await tx
      .insert(mappingsTable)
      .values({ fromPriorityId, toPriorityId, note: mapping.note })
      .onConflictDoUpdate({
        target: [mappingsTable.fromPriorityId, mappingsTable.toPriorityId],
        set: { note: mapping.note },
      });
  }
}

async function priorityIds(tx: Executor): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: priorities.id, code: priorities.code, plan: plansTable.code })
    .from(priorities)
    .innerJoin(plansTable, sql`${plansTable.id} = ${priorities.planId}`);
  return new Map(rows.map((row) => [`${row.plan}/${row.code}`, row.id]));
}

async function seedAreas(tx: Executor, definitions: AreaDefinition[]): Promise<void> {
  const ids = new Map<string, number>();
  // Parents first: definitions list them before their children.
  for (const area of definitions) {
    const parentId = area.parent ? (ids.get(area.parent) ?? (await areaId(tx, area.parent))) : null;
    const values = {
      code: area.code,
      type: area.type,
      name: area.name,
      onsCode: area.onsCode ?? null,
      dfeCode: area.dfeCode ?? null,
      parentId,
      validFrom: area.validFrom ?? null,
      validTo: area.validTo ?? null,
      note: area.note ?? "",
    };
    // Localities and LAG areas are the analysts' once seeded (reference data): a second seed never undoes their edits.
    const analystsOwn = area.type === "locality" || area.type === "lag_area";
    // Setting the code to itself leaves an existing row as it is, yet returns it.
    const [row] = await tx
      .insert(areas)
      .values(values)
      .onConflictDoUpdate({ target: areas.code, set: analystsOwn ? { code: sql`${areas.code}` } : values })
      .returning({ id: areas.id });
    if (!row) throw new Error(`area ${area.code} was not stored`);
    ids.set(area.code, row.id);
    for (const alias of area.aliases ?? []) {
      await tx
        .insert(areaAliases)
        .values({ areaId: row.id, alias: normaliseAreaName(alias) })
        .onConflictDoNothing();
    }
  }
}

async function areaId(tx: Executor, code: string): Promise<number> {
  const [row] = await tx.select({ id: areas.id }).from(areas).where(sql`${areas.code} = ${code}`);
  if (!row) throw new Error(`area ${code} is named as a parent but is not known`);
  return row.id;
}

async function seedIndicators(tx: Executor): Promise<void> {
  const sourceRows = await tx.select({ id: schema.sources.id, code: schema.sources.code }).from(schema.sources);
  const sourceIds = new Map(sourceRows.map((row) => [row.code, row.id]));
  const ids = await priorityIds(tx);
  const carriedFrom = new Map(priorityMappings.map((mapping) => [mapping.to, mapping.from]));
  const planIds = new Map(
    (await tx.select({ id: plansTable.id, code: plansTable.code }).from(plansTable)).map((row) => [row.code, row.id]),
  );

  for (const definition of allIndicators) {
    const { priorities: linked, headlineFor = [], source, ...rest } = definition;
    const values = {
      ...rest,
      caveats: rest.caveats ?? "",
      suppressBelow: rest.suppressBelow ?? null,
      noSignificance: rest.noSignificance ?? false,
      nextUpdate: rest.nextUpdate ?? null,
      sourceId: sourceIds.get(source) ?? null,
    };
    if (values.sourceId === null) throw new Error(`indicator ${definition.code} names unknown source ${source}`);
    const [row] = await tx
      .insert(schema.indicators)
      .values(values)
      .onConflictDoUpdate({ target: schema.indicators.code, set: values })
      .returning({ id: schema.indicators.id });
    if (!row) throw new Error(`indicator ${definition.code} was not stored`);

    for (const [position, priorityCode] of linked.entries()) {
      const links: { plan: string; code: string }[] = [{ plan: PLAN_2023, code: priorityCode }];
      const previous = carriedFrom.get(priorityCode);
      if (previous) links.push({ plan: PLAN_2020, code: previous });
      for (const link of links) {
        const priorityId = ids.get(`${link.plan}/${link.code}`);
        const planId = planIds.get(link.plan);
        if (!priorityId || !planId)
          throw new Error(`indicator ${definition.code} names unknown priority ${priorityCode}`);
        const linkValues = {
          indicatorId: row.id,
          priorityId,
          planId,
          isPrimary: position === 0,
          isHeadline: headlineFor.includes(priorityCode),
          position,
        };
        await tx
          .insert(indicatorPriorities)
          .values(linkValues)
          .onConflictDoUpdate({
            target: [indicatorPriorities.indicatorId, indicatorPriorities.priorityId],
            set: linkValues,
          });
      }
    }
  }
}

async function seedStatisticalNeighbours(tx: Executor): Promise<void> {
  const [source] = await tx
    .select({ id: schema.sources.id })
    .from(schema.sources)
    .where(sql`${schema.sources.code} = 'dfe-statistical-neighbours'`);
  const anchorAreaId = await areaId(tx, DORSET);
  const values = {
    code: "dorset-statistical-neighbours",
    name: "Dorset's statistical neighbours",
    description: "The 10 local authorities DfE judges most similar to Dorset (April 2021 groupings).",
    anchorAreaId,
    sourceId: source?.id ?? null,
  };
  const [group] = await tx
    .insert(areaGroups)
    .values(values)
    .onConflictDoUpdate({ target: areaGroups.code, set: values })
    .returning();
  if (!group) throw new Error("statistical neighbour group was not stored");
  for (const [position, code] of dorsetStatisticalNeighbours.entries()) {
    const member = { groupId: group.id, areaId: await areaId(tx, code), position: position + 1, closeness: "" };
    await tx
      .insert(areaGroupMembers)
      .values(member)
      .onConflictDoUpdate({ target: [areaGroupMembers.groupId, areaGroupMembers.areaId], set: member });
  }
}
