import { and, eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import type { SourceLocation } from "../domain/types.ts";
import { InputError } from "../domain/types.ts";
import type { AreaField, AreaReference, ImportWarning } from "../importers/types.ts";
import { areaAliases, areas } from "../schema/index.ts";
import { normaliseAreaName } from "./names.ts";

interface KnownArea {
  id: number;
  validTo: string | null;
  code: string;
  type: string;
  name: string;
  onsCode: string | null;
  dfeCode: string | null;
}

const LEVEL_TYPES = {
  National: "country",
  Regional: "region",
  "Local authority": "local_authority",
  School: "school",
} as const;

/**
 * A problem with the way a file names an area, located in the cell holding `field` (and giving its value) when the
 * importer said which column that is; otherwise at the figure's own cell.
 */
function problemWith(ref: AreaReference, field: AreaField, location: SourceLocation, reason: string): InputError {
  const column = ref.columns?.[field];
  if (column === undefined) return new InputError(location, reason);
  return new InputError({ ...location, column }, reason, ref[field]);
}

/**
 * Turns the way a file names an area into an area id. Codes win over names; a known code with a
 * name that is neither its name nor an alias is refused, as is a name known under another code.
 * An LA or school the product does not know yet, given with complete codes, is added (a warning).
 */
export class AreaResolver {
  private byCode = new Map<string, KnownArea>();
  private byOns = new Map<string, KnownArea>();
  private byDfe = new Map<string, KnownArea>();
  private byName = new Map<string, KnownArea[]>();
  private added = new Map<string, number>();
  private memo = new Map<string, number>();
  /** The same, by the reference object itself: importers share one object among a place's figures. */
  private memoByObject = new WeakMap<AreaReference, number>();

  private constructor(private readonly tx: Executor) {}

  static async load(tx: Executor): Promise<AreaResolver> {
    const resolver = new AreaResolver(tx);
    const rows = await tx.select().from(areas);
    const aliases = await tx.select().from(areaAliases);
    for (const row of rows) resolver.remember(row);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const alias of aliases) {
      const area = byId.get(alias.areaId);
      if (area) resolver.rememberName(alias.alias, area);
    }
    return resolver;
  }

  private remember(row: KnownArea): void {
    this.byCode.set(row.code, row);
    if (row.onsCode) this.byOns.set(row.onsCode, row);
    // An LA number can belong to a reorganised LA and its successor: the current one wins.
    const dfeKey = `${row.type}:${row.dfeCode}`;
    if (row.dfeCode && (!this.byDfe.has(dfeKey) || row.validTo === null)) this.byDfe.set(dfeKey, row);
    this.rememberName(row.name, row);
  }

  private rememberName(name: string, row: KnownArea): void {
    const key = normaliseAreaName(name);
    const list = this.byName.get(key) ?? [];
    if (!list.some((known) => known.id === row.id)) list.push(row);
    this.byName.set(key, list);
  }

  warnings(): ImportWarning[] {
    return [...this.added.entries()].map(([type, count]) => ({
      kind: "new-area",
      message: `${count} ${type.replace("_", " ")} area(s) not known before were added from the file`,
      count,
    }));
  }

  /** By the project's own area code (localities, LAG areas, or any ONS code). */
  resolveCode(code: string, location: SourceLocation): number {
    const known = this.byCode.get(code);
    if (!known) throw new InputError(location, `unknown area code ${code}`, code);
    return known.id;
  }

  /** The id of a reference already resolved, found by the object: no key is built. */
  resolved(ref: AreaReference): number | undefined {
    return this.memoByObject.get(ref);
  }

  async resolve(ref: AreaReference, location: SourceLocation): Promise<number> {
    const memoKey = `${ref.level}|${ref.onsCode ?? ""}|${ref.dfeCode ?? ""}|${ref.name ?? ""}`;
    let id = this.memo.get(memoKey);
    if (id === undefined) {
      id = await this.resolveUncached(ref, location);
      this.memo.set(memoKey, id);
    }
    this.memoByObject.set(ref, id);
    return id;
  }

  private async resolveUncached(ref: AreaReference, location: SourceLocation): Promise<number> {
    const type = LEVEL_TYPES[ref.level];
    const named = ref.name ? (this.byName.get(normaliseAreaName(ref.name)) ?? []).filter((a) => a.type === type) : [];
    const byCode =
      (ref.onsCode ? this.byOns.get(ref.onsCode) : undefined) ??
      (ref.dfeCode ? this.byDfe.get(`${type}:${ref.dfeCode}`) : undefined);
    const code = ref.onsCode ? "onsCode" : "dfeCode";

    if (byCode) {
      if (ref.name && type !== "school" && !named.some((a) => a.id === byCode.id)) {
        throw problemWith(
          ref,
          "name",
          location,
          `area code ${ref.onsCode ?? ref.dfeCode} is ${byCode.name}, but the file names it "${ref.name}"`,
        );
      }
      if (ref.onsCode && ref.dfeCode && byCode.dfeCode && byCode.dfeCode !== ref.dfeCode) {
        throw problemWith(
          ref,
          "dfeCode",
          location,
          `area ${ref.onsCode} has DfE code ${byCode.dfeCode}, but the file gives ${ref.dfeCode}`,
        );
      }
      return byCode.id;
    }
    if (named.length === 1 && !ref.onsCode && !ref.dfeCode) return (named[0] as KnownArea).id;
    if (named.length > 0 && (ref.onsCode || ref.dfeCode) && type !== "school") {
      const known = named[0] as KnownArea;
      throw problemWith(
        ref,
        code,
        location,
        `"${ref.name}" is known under code ${known.onsCode ?? known.dfeCode}, not ${ref.onsCode ?? ref.dfeCode}`,
      );
    }
    if (type === "local_authority" && ref.dfeCode && ref.name) return this.addLocalAuthority(ref, location);
    if (type === "school" && ref.dfeCode) return this.addSchool(ref, location);
    throw problemWith(
      ref,
      ref.name ? "name" : code,
      location,
      `cannot identify the ${ref.level.toLowerCase()} area "${ref.name ?? ref.onsCode ?? ref.dfeCode ?? "(blank)"}"`,
    );
  }

  private async addLocalAuthority(ref: AreaReference, location: SourceLocation): Promise<number> {
    const region =
      (ref.regionCode ? this.byOns.get(ref.regionCode) : undefined) ??
      (ref.regionName
        ? this.byName.get(normaliseAreaName(ref.regionName))?.find((a) => a.type === "region")
        : undefined);
    if (!region) {
      throw problemWith(
        ref,
        ref.regionName ? "regionName" : "regionCode",
        location,
        `new local authority "${ref.name}" has no known region ("${ref.regionName ?? ""}")`,
      );
    }
    return this.insert({
      code: ref.onsCode ?? `LA-${ref.dfeCode}`,
      type: "local_authority",
      name: ref.name as string,
      onsCode: ref.onsCode ?? null,
      dfeCode: ref.dfeCode ?? null,
      parentId: region.id,
    });
  }

  private async addSchool(ref: AreaReference, location: SourceLocation): Promise<number> {
    const la =
      (ref.laOnsCode ? this.byOns.get(ref.laOnsCode) : undefined) ??
      (ref.laDfeCode ? this.byDfe.get(`local_authority:${ref.laDfeCode}`) : undefined);
    if (!la) {
      throw problemWith(
        ref,
        ref.laOnsCode ? "laOnsCode" : "laDfeCode",
        location,
        `school ${ref.dfeCode} is in an unknown local authority`,
      );
    }
    return this.insert({
      code: `SCH-${ref.dfeCode}`,
      type: "school",
      name: ref.name ?? `School ${ref.dfeCode}`,
      onsCode: null,
      dfeCode: ref.dfeCode ?? null,
      parentId: la.id,
    });
  }

  private async insert(values: typeof areas.$inferInsert & { type: KnownArea["type"] }): Promise<number> {
    const [row] = await this.tx
      .insert(areas)
      .values(values as typeof areas.$inferInsert)
      .onConflictDoNothing()
      .returning();
    const stored =
      row ??
      (
        await this.tx
          .select()
          .from(areas)
          .where(and(eq(areas.code, values.code)))
      )[0];
    if (!stored) throw new Error(`could not add area ${values.code}`);
    this.remember(stored);
    this.added.set(values.type, (this.added.get(values.type) ?? 0) + (row ? 1 : 0));
    return stored.id;
  }
}
