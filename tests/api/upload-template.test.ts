import { databaseChecksum } from "@plan-outcomes/db";
import type { Upload } from "@plan-outcomes/server/contract";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const ATTEMPT_TABLES = ["uploads", "upload_files", "audit_events", "sessions", "users", "user_areas"];

/** Early help requests by locality for one month: local figures no official file carries. */
const GOOD = [
  "indicator,area,period,breakdown,value,numerator,denominator,status",
  "early-help-requests,DOR-LOC-PURBECK,2026-09,,41,,,",
  "early-help-requests,DOR-LOC-CHESIL,2026-09,,57,,,",
  "early-help-requests,DOR-LOC-DORCHESTER,2026-09,,,,,x",
].join("\r\n");

describe.each(testBackends())("the project's own template on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let analyst: SignedIn;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "analyst@example.org", "analyst");
    analyst = await signIn(app, "analyst@example.org");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const upload = async (fileName: string, content: string | Buffer, sheet?: string) => {
    const form = new FormData();
    form.append("file", new Blob([content]), fileName);
    form.append("dataset", "early-help-by-locality");
    if (sheet !== undefined) form.append("sheet", sheet);
    const response = await app.inject({ method: "POST", url: "/api/uploads", payload: form, ...asSignedIn(analyst) });
    return { status: response.statusCode, body: response.json() as Upload };
  };
  const publish = (id: number, note: string) =>
    app.inject({
      method: "POST",
      url: `/api/uploads/${id}/publish`,
      payload: { acceptWarnings: true, note },
      ...asSignedIn(analyst),
    });

  it("checks, previews and publishes locality figures given in the template", async () => {
    const { status, body } = await upload("early-help.csv", GOOD);
    expect(status).toBe(200);
    expect(body.report.status).toBe("ready");
    expect(body.report.format).toBe("template");
    expect(body.report.preview?.new).toBe(3);
    // A file giving none of Dorset, the South West and England is redrawn on the areas it gives.
    const [chart] = body.report.preview?.charts ?? [];
    expect(chart?.indicatorCode).toBe("early-help-requests");
    expect(chart?.areas.map((area) => area.code)).toEqual(["DOR-LOC-CHESIL", "DOR-LOC-DORCHESTER", "DOR-LOC-PURBECK"]);
    expect(
      chart?.figures.find((figure) => figure.areaCode === "DOR-LOC-PURBECK" && figure.periodCode === "2026-09"),
    ).toMatchObject({ published: null, after: { status: "value", value: 41 } });
    const published = await publish(body.id, "September early help by locality");
    expect(published.statusCode).toBe(200);
    const response = await app.inject({
      url: "/api/indicators/early-help-requests/observations?areas=DOR-LOC-PURBECK,DOR-LOC-CHESIL,DOR-LOC-DORCHESTER&periods=2026-09",
    });
    const observations = response.json().observations as { areaCode: string; value: number | null; status: string }[];
    expect(observations.map((o) => [o.areaCode, o.status, o.value])).toEqual([
      ["DOR-LOC-PURBECK", "value", 41],
      ["DOR-LOC-CHESIL", "value", 57],
      ["DOR-LOC-DORCHESTER", "x", null],
    ]);
  });

  it("warns that a locality's figure resting on a small count will be hidden, as readers then find it", async () => {
    const { body } = await upload(
      "looked-after-by-locality.csv",
      [
        "indicator,area,period,breakdown,value,numerator,denominator,status",
        "children-looked-after-rate,DOR-LOC-CHESIL,2025,,60.3,40,6633,",
        "children-looked-after-rate,DOR-LOC-PURBECK,2025,,4.5,3,6636,",
        "children-looked-after-rate,DOR-LOC-DORCHESTER,2025,,52.1,35,6718,",
      ].join("\n"),
    );
    expect(body.report.status).toBe("ready");
    expect(body.report.warnings).toEqual([
      {
        kind: "small-counts",
        message: expect.stringMatching(
          /^looked-after-by-locality\.csv: 1 locality or LAG area figure rests on a count small enough to identify people.*first children-looked-after-rate, Purbeck, 31 March 2025 \(count 3, hidden from 1 to 5\)$/,
        ),
        count: 1,
      },
    ]);
    const published = await publish(body.id, "");
    expect(published.statusCode).toBe(200);
    const response = await app.inject({
      url: "/api/indicators/children-looked-after-rate/observations?areas=DOR-LOC-PURBECK&periods=2025",
    });
    expect(response.json().observations).toEqual([
      expect.objectContaining({ areaCode: "DOR-LOC-PURBECK", status: "c", value: null }),
    ]);
  });

  it("offers each indicator's template: one row per current locality and LAG area, that uploads as it is once filled", async () => {
    const response = await app.inject({ url: "/api/indicators/early-help-requests/template.csv" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("early-help-requests-template.csv");
    const lines = response.body.trim().split("\n");
    expect(lines[0]).toBe("indicator,area,period,breakdown,value,numerator,denominator,status");
    const areas = lines.slice(1).map((line) => line.split(",")[1]);
    expect(areas).toContain("DOR-LOC-PURBECK");
    expect(areas).toContain("DOR-LAG-PORTLAND");
    expect(areas).not.toContain("DOR-LAG-CHESIL"); // ended on 3 October 2023
    const filled = [
      lines[0],
      ...lines.slice(1).map((line, index) => line.replace(",,,,,,", `,2026-11,,${index + 1},,,`)),
    ];
    const { body } = await upload("filled.csv", filled.join("\n"));
    expect(body.report.status).toBe("ready");
    expect(body.report.observationCount).toBe(lines.length - 1);
  });

  it("offers the template as an Excel workbook with the CSV's columns and rows, that uploads as it is once filled", async () => {
    const csv = await app.inject({ url: "/api/indicators/early-help-requests/template.csv" });
    const response = await app.inject({ url: "/api/indicators/early-help-requests/template.xlsx" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers["content-disposition"]).toContain("early-help-requests-template.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Template"]);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const cells: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      cells.push(Array.from({ length: 8 }, (_, index) => String(row.getCell(index + 1).value ?? "")));
    });
    expect(cells).toEqual(parse(csv.body) as string[][]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(3).numFmt).toBe("@"); // period: Excel keeps 2026-12 as typed, not as a date

    const unchanged = await upload("early-help-requests-template.xlsx", response.rawPayload);
    expect(unchanged.body.report.status).toBe("refused");
    expect(unchanged.body.report.problems[0]).toMatchObject({
      file: "early-help-requests-template.xlsx (sheet Template)",
      row: 2,
      column: "period",
    });

    sheet.eachRow((row, number) => {
      if (number === 1) return;
      row.getCell(3).value = "2026-12";
      row.getCell(5).value = number;
    });
    const filled = await upload("early-help-requests-template.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    expect(filled.body.report.status).toBe("ready");
    expect(filled.body.report.observationCount).toBe(cells.length - 1);
  });

  it("reads the same template from an Excel workbook's first sheet, locating problems by its rows", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Early help");
    sheet.addRow(["indicator", "area", "period", "value"]);
    sheet.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-08", 39]);
    sheet.addRow(["early-help-requests", "DOR-LOC-CHESIL", "2026-08", 52]);
    const good = await upload("early-help.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    expect(good.body.report.status).toBe("ready");
    expect(good.body.report.preview?.new).toBe(2);

    sheet.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-08", "lots"]);
    const bad = await upload("early-help.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    expect(bad.body.report.status).toBe("refused");
    expect(bad.body.report.problems[0]).toMatchObject({
      file: "early-help.xlsx (sheet Early help)",
      row: 4,
      column: "value",
      value: "lots",
    });
  });

  it("publishes the figures of the sheet the analyst names, not the first", async () => {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet("Notes");
    notes.addRow(["Figures are on the second sheet"]);
    const figures = book.addWorksheet("Early help 2026-07");
    figures.addRow(["indicator", "area", "period", "value"]);
    figures.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-07", 33]);
    figures.addRow(["early-help-requests", "DOR-LOC-CHESIL", "2026-07", 44]);
    const { status, body } = await upload(
      "early-help-july.xlsx",
      Buffer.from(await book.xlsx.writeBuffer()),
      "Early help 2026-07",
    );
    expect(status).toBe(200);
    expect(body.report.status).toBe("ready");
    expect(body.report.preview?.new).toBe(2);
    const published = await publish(body.id, "July from its own sheet");
    expect(published.statusCode).toBe(200);
    const response = await app.inject({
      url: "/api/indicators/early-help-requests/observations?areas=DOR-LOC-PURBECK,DOR-LOC-CHESIL&periods=2026-07",
    });
    const observations = response.json().observations as { areaCode: string; value: number | null }[];
    expect(observations.map((o) => [o.areaCode, o.value])).toEqual([
      ["DOR-LOC-PURBECK", 33],
      ["DOR-LOC-CHESIL", 44],
    ]);
  });

  it("refuses a sheet the workbook does not have, naming it and listing the sheets it has", async () => {
    const before = await databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES });
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notes").addRow(["About these figures"]);
    book.addWorksheet("Figures").addRow(["indicator", "area", "period", "value"]);
    const { status, body } = await upload("early-help.xlsx", Buffer.from(await book.xlsx.writeBuffer()), "Figurse");
    expect(status).toBe(200);
    expect(body.report.status).toBe("refused");
    expect(body.report.problems).toEqual([
      expect.objectContaining({
        file: "early-help.xlsx",
        row: 1,
        value: "Figurse",
        reason: 'the workbook has no sheet named "Figurse" (its sheets: Notes, Figures)',
      }),
    ]);
    expect(await databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES })).toBe(before);
  });

  it("refuses a sheet named for a CSV, which has none", async () => {
    const { body } = await upload("early-help.csv", GOOD, "Sheet1");
    expect(body.report.status).toBe("refused");
    expect(body.report.problems[0]?.reason).toContain("not an Excel workbook");
  });

  it("refuses a bad template, naming rows and columns, and changes nothing published", async () => {
    const before = await databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES });
    const { status, body } = await upload(
      "bad.csv",
      [
        "indicator,area,period,value",
        "early-help-requests,DOR-LOC-NOWHERE,2026-10,4",
        "early-help-requests,DOR-LOC-PURBECK,October 2026,4",
        "early-help-requests,DOR-LOC-PURBECK,2026-10,NA",
      ].join("\n"),
    );
    expect(status).toBe(200);
    expect(body.report.status).toBe("refused");
    const located = body.report.problems.map((problem) => [problem.row, problem.column]);
    expect(located).toEqual(
      expect.arrayContaining([
        [3, "period"],
        [4, "value"],
      ]),
    );
    const unknownArea = await upload(
      "area.csv",
      "indicator,area,period,value\nearly-help-requests,DOR-LOC-NOWHERE,2026-10,4\n",
    );
    expect(unknownArea.body.report.status).toBe("refused");
    expect(unknownArea.body.report.problems[0]).toMatchObject({
      row: 2,
      column: "area",
      value: "DOR-LOC-NOWHERE",
      reason: "unknown area code DOR-LOC-NOWHERE",
    });
    expect(await databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES })).toBe(before);
  });
});
