import { databaseChecksum } from "@plan-outcomes/db";
import type { AreaProfile, ReferenceCheck, ReferenceData, ReferenceVersion } from "@plan-outcomes/server/contract";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/** Two LSOAs of the seeded Dorset list: Weymouth and Portland 001A and Purbeck 001A. */
const WEYMOUTH_LSOA = "E01020551";
const PURBECK_LSOA = "E01020465";

describe.each(testBackends())("reference data (localities, lookup, Family Hubs) on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let analyst: SignedIn;
  let viewer: SignedIn;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "analyst@example.org", "analyst");
    await grant(app, "viewer@example.org", "viewer");
    analyst = await signIn(app, "analyst@example.org");
    viewer = await signIn(app, "viewer@example.org");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const send = async (
    kind: string,
    fileName: string,
    content: string | Buffer,
    options: { publish?: boolean; note?: string; who?: SignedIn } = {},
  ) => {
    const form = new FormData();
    form.append("file", new Blob([content]), fileName);
    if (options.note !== undefined) form.append("note", options.note);
    const response = await app.inject({
      method: "POST",
      url: options.publish ? `/api/reference/${kind}` : `/api/reference/${kind}/check`,
      payload: form,
      ...asSignedIn(options.who ?? analyst),
    });
    return { status: response.statusCode, body: response.json() as ReferenceCheck };
  };
  const current = async (kind: string) => (await app.inject({ url: `/api/reference/${kind}` })).json() as ReferenceData;
  const profile = async (code: string) =>
    (await app.inject({ url: `/api/areas/${code}/profile` })).json() as AreaProfile;

  it("serves the seeded reference data: 14 localities and LAG areas, the Plan's Family Hub sites, an illustrative LSOA lookup", async () => {
    const localities = await current("localities");
    expect(localities.rows).toHaveLength(14);
    expect(localities.rows).toContainEqual([
      "DOR-LAG-PORTLAND",
      "lag_area",
      "Portland LAG",
      "DOR-LOC-CHESIL",
      "2023-10-04",
      "",
      "Formerly part of the Chesil LAG.",
    ]);
    const hubs = await current("family_hubs");
    expect(hubs.rows.map((row) => row[0])).toContain("FH-FERNDOWN");
    const lookup = await current("lookup");
    expect(lookup.current?.isIllustrative).toBe(true);
    expect(lookup.rows).toContainEqual([WEYMOUTH_LSOA, "DOR-LOC-CHESIL", "", "", ""]);
  });

  it("lists Dorset's wards and LSOAs only when asked for by type, so pickers stay small", async () => {
    const all = (await app.inject({ url: "/api/areas" })).json() as { type: string }[];
    expect(all.some((area) => area.type === "lsoa" || area.type === "ward")).toBe(false);
    const lsoas = (await app.inject({ url: "/api/areas?type=lsoa" })).json() as { code: string; parentCode: string }[];
    expect(lsoas).toHaveLength(219);
    expect(lsoas.find((area) => area.code === WEYMOUTH_LSOA)?.parentCode).toBe("E06000059");
    const wards = (await app.inject({ url: "/api/areas?type=ward" })).json() as { name: string }[];
    expect(wards.map((ward) => ward.name)).toContain("Portland");
  });

  it("gives a locality's profile its Family Hubs and each locality's deprivation from the lookup", async () => {
    const east = await profile("DOR-LOC-EAST-DORSET");
    expect(east.familyHubs?.hubs.map((hub) => [hub.code, hub.scope, hub.isOpen])).toEqual(
      expect.arrayContaining([
        ["FH-FERNDOWN", "area", true],
        ["FH-WIMBORNE", "area", true],
        ["FH-ONLINE", "county", true],
      ]),
    );
    expect(east.familyHubs?.hubs.map((hub) => hub.code)).not.toContain("FH-SWANAGE");
    const deprivation = east.deprivation;
    expect(deprivation?.isIllustrative).toBe(true);
    expect(deprivation?.areas.map((area) => area.areaCode).sort()).toEqual([
      "DOR-LOC-CHESIL",
      "DOR-LOC-DORCHESTER",
      "DOR-LOC-EAST-DORSET",
      "DOR-LOC-NORTH-DORSET",
      "DOR-LOC-PURBECK",
      "DOR-LOC-WEST-DORSET",
    ]);
    // Chesil (Weymouth and Portland's LSOAs) is the most deprived of the localities on IMD 2019.
    const chesil = deprivation?.areas.find((area) => area.areaCode === "DOR-LOC-CHESIL");
    const ranked = [...(deprivation?.areas ?? [])].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    expect(ranked[0]?.areaCode).toBe("DOR-LOC-CHESIL");
    expect(chesil?.memberCount).toBe(38);
    expect(chesil?.withFigure).toBe(38);
    // Weymouth and Portland LAG areas have no lookup rows: no figure, never a zero.
    const portland = await profile("DOR-LAG-PORTLAND");
    expect(portland.deprivation?.areas.find((area) => area.areaCode === "DOR-LAG-PORTLAND")).toMatchObject({
      value: null,
      memberCount: 0,
    });
  });

  it("refuses a bad lookup with every problem located, and changes nothing", async () => {
    const before = await databaseChecksum(database.handle.db, { except: ["audit_events", "sessions"] });
    const file = [
      "member_code,area_code,valid_from,valid_to,population",
      `${WEYMOUTH_LSOA},DOR-LOC-CHESIL,2024-01-01,,1500`,
      `${WEYMOUTH_LSOA},DOR-LOC-PURBECK,2024-06-01,,1500`,
      "E01999999,DOR-LOC-CHESIL,,,",
      `${PURBECK_LSOA},DOR-LOC-NOWHERE,,,`,
      `${PURBECK_LSOA},DOR-LOC-PURBECK,31/02/2024,,`,
      `${PURBECK_LSOA},DOR-LOC-PURBECK,2024-01-01,2023-01-01,-4`,
    ].join("\r\n");
    const { status, body } = await send("lookup", "lookup.csv", file, { publish: true, note: "bad" });
    expect(status).toBe(200);
    expect(body.status).toBe("refused");
    const where = body.problems.map((problem) => `${problem.row}:${problem.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "3:valid_from",
        "4:member_code",
        "5:area_code",
        "6:valid_from",
        "7:valid_to",
        "7:population",
      ]),
    );
    expect(body.problems.find((problem) => problem.row === 3)?.reason).toContain("already in DOR-LOC-CHESIL");
    expect(body.problems.find((problem) => problem.row === 4)?.file).toBe("lookup.csv");
    expect(await databaseChecksum(database.handle.db, { except: ["audit_events", "sessions"] })).toBe(before);
  });

  it("refuses a file with the wrong columns, naming the column", async () => {
    const { body } = await send("family_hubs", "hubs.csv", "code,name,kind,postcode\nFH-X,X,site,DT1 1AA\n");
    expect(body.status).toBe("refused");
    expect(body.problems[0]).toMatchObject({ row: 1, column: "postcode" });
    expect(body.problems[0]?.reason).toContain("code, name, kind");
  });

  it("previews, publishes as a new version, feeds the profile, and restores the earlier version", async () => {
    const versionsBefore = (
      await app.inject({ url: "/api/reference/family_hubs/versions" })
    ).json() as ReferenceVersion[];
    const csv = (await app.inject({ url: "/api/reference/family_hubs/csv" })).body;
    const edited = `${csv.trimEnd()}\r\nFH-PORTLAND,Portland Family Hub,site,DOR-LOC-CHESIL,DOR-LAG-PORTLAND,2025-09-01,,,\r\n`;
    const checked = await send("family_hubs", "hubs-v2.csv", edited);
    expect(checked.body.status).toBe("ready");
    expect(checked.body.preview).toMatchObject({
      added: 1,
      changed: 0,
      removed: 0,
      unchanged: versionsBefore[0]?.rowCount,
    });
    expect((await current("family_hubs")).current?.version).toBe(versionsBefore[0]?.version);

    const published = await send("family_hubs", "hubs-v2.csv", edited, { publish: true, note: "Portland hub opened" });
    expect(published.body.status).toBe("published");
    expect(published.body.published?.version).toBe((versionsBefore[0]?.version ?? 0) + 1);
    const portland = await profile("DOR-LAG-PORTLAND");
    expect(portland.familyHubs?.hubs.find((hub) => hub.code === "FH-PORTLAND")).toMatchObject({
      scope: "area",
      isOpen: true,
    });
    const weymouth = await profile("DOR-LAG-WEYMOUTH");
    expect(weymouth.familyHubs?.hubs.map((hub) => hub.code)).not.toContain("FH-PORTLAND");

    const file = await app.inject({
      url: `/api/reference/family_hubs/versions/${published.body.published?.version}/file`,
      ...asSignedIn(analyst),
    });
    expect(file.body).toBe(edited);

    const restore = await app.inject({
      method: "POST",
      url: `/api/reference/family_hubs/versions/${versionsBefore[0]?.version}/restore`,
      payload: { note: "opened too early" },
      ...asSignedIn(analyst),
    });
    expect(restore.statusCode).toBe(200);
    expect(restore.json()).toMatchObject({ restoresVersion: versionsBefore[0]?.version });
    expect((await profile("DOR-LAG-PORTLAND")).familyHubs?.hubs.map((hub) => hub.code)).not.toContain("FH-PORTLAND");
    const versions = (await app.inject({ url: "/api/reference/family_hubs/versions" })).json() as ReferenceVersion[];
    expect(versions).toHaveLength(versionsBefore.length + 2);
  });

  it("renames a locality and adds a LAG area through the localities file; the areas follow", async () => {
    const csv = (await app.inject({ url: "/api/reference/localities/csv" })).body;
    const edited = `${csv.trimEnd().replace("Purbeck LAG", "Purbeck and Wareham LAG")}\r\nDOR-LAG-SWANAGE,lag_area,Swanage LAG,DOR-LOC-PURBECK,2026-04-01,,\r\n`;
    const { body } = await send("localities", "localities.csv", edited, { publish: true, note: "" });
    expect(body.status).toBe("published");
    expect(body.preview).toMatchObject({ added: 1, changed: 1 });
    const areas = (await app.inject({ url: "/api/areas" })).json() as {
      code: string;
      name: string;
      parentCode: string;
    }[];
    expect(areas.find((area) => area.code === "DOR-LAG-PURBECK")?.name).toBe("Purbeck and Wareham LAG");
    expect(areas.find((area) => area.code === "DOR-LAG-SWANAGE")).toMatchObject({ parentCode: "DOR-LOC-PURBECK" });
  });

  it("reads a lookup from an Excel workbook, with population weights", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Lookup");
    sheet.addRow(["member_code", "area_code", "valid_from", "valid_to", "population"]);
    sheet.addRow([WEYMOUTH_LSOA, "DOR-LAG-WEYMOUTH", "2023-10-04", "", 1000]);
    sheet.addRow([PURBECK_LSOA, "DOR-LAG-PORTLAND", "2023-10-04", "", 3000]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const { body } = await send("lookup", "lookup.xlsx", content, { publish: true, note: "test" });
    expect(body.problems).toEqual([]);
    expect(body.status).toBe("published");
    const portland = await profile("DOR-LAG-PORTLAND");
    const imd = (await app.inject({ url: `/api/indicators/imd-2019-rank/observations?areas=${PURBECK_LSOA}` })).json();
    expect(portland.deprivation?.isIllustrative).toBe(false);
    expect(portland.deprivation?.areas.find((area) => area.areaCode === "DOR-LAG-PORTLAND")).toMatchObject({
      value: imd.observations[0].value,
      memberCount: 1,
      weighted: true,
    });
  });

  it("lets only analysts check, publish or restore", async () => {
    const { status } = await send("lookup", "lookup.csv", "member_code,area_code\n", { who: viewer });
    expect(status).toBe(403);
    const anonymous = await app.inject({
      method: "POST",
      url: "/api/reference/lookup/versions/1/restore",
      payload: { note: "" },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
