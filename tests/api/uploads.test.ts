import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  type CheckProgress,
  databaseChecksum,
  followCheckProgress,
  publishUpload,
  queryRows,
  RESTORE_PAGE,
  validateUpload,
} from "@plan-outcomes/db";
import { seedOptionsFromEnv } from "@plan-outcomes/seeds";
import { buildApp } from "@plan-outcomes/server/app";
import { CHECK_STEP_LABELS, PUBLISH_STEP_LABELS, type Upload } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const dataDir = seedOptionsFromEnv(process.env).dataDir as string;
/** Tables that record upload attempts (and who did what): a refused file may write only these. */
const ATTEMPT_TABLES = ["uploads", "upload_files", "audit_events", "sessions", "users", "user_areas"];

function multipart(fileName: string, content: Buffer | string, dataset?: string) {
  const form = new FormData();
  form.append("file", new Blob([content]), fileName);
  if (dataset) form.append("dataset", dataset);
  return form;
}

describe.each(testBackends())("analysts publishing data on %s", (backend) => {
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

  const upload = async (fileName: string, content: Buffer | string, dataset?: string) => {
    const response = await app.inject({
      method: "POST",
      url: "/api/uploads",
      payload: multipart(fileName, content, dataset),
      ...asSignedIn(analyst),
    });
    return {
      status: response.statusCode,
      body: response.json() as Upload,
    };
  };
  const publish = (id: number, acceptWarnings = false, note = "") =>
    app.inject({
      method: "POST",
      url: `/api/uploads/${id}/publish`,
      payload: { acceptWarnings, note },
      ...asSignedIn(analyst),
    });
  const dorset = async (code: string, period: string) => {
    const response = await app.inject({
      url: `/api/indicators/${code}/observations?areas=E06000059&periods=${period}`,
    });
    return (
      response.json() as {
        observations: { value: number | null; numerator: number | null; denominator: number | null }[];
      }
    ).observations[0];
  };

  it("checks a DfE file as it is and previews what publishing would change", async () => {
    const file = readFileSync(join(dataDir, "la_care_leavers_accommodation_suitability.csv"));
    const { status, body } = await upload(
      "la_care_leavers_accommodation_suitability.csv",
      file,
      "care-leavers-accommodation",
    );
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.report).toMatchObject({ status: "ready", format: "ees", rowCount: 6680, observationCount: 835 });
    // The seed published the same file: every figure is there already, unchanged.
    expect(body.report.preview).toMatchObject({ new: 0, changed: 0, unchanged: 835, withdrawn: 0 });
    expect(body.report.preview?.byIndicator).toEqual([
      {
        indicatorCode: "care-leavers-suitable-accommodation-19-21",
        title: "Care leavers aged 19-21 in suitable accommodation",
        new: 0,
        changed: 0,
        unchanged: 835,
        withdrawn: 0,
      },
    ]);
  });

  it("tells whoever follows a check each step, and how much of the file each reading has read", async () => {
    const path = join(dataDir, "la_care_leavers_accommodation_suitability.csv");
    const reports: CheckProgress[] = [];
    const { report } = await followCheckProgress(
      (progress) => reports.push(progress),
      () =>
        validateUpload(database.handle.db, {
          path,
          fileName: "accommodation.csv",
          datasetCode: "progress-followed",
          uploadedBy: "analyst@example.org",
          uploadedByUserId: null,
        }),
    );
    expect(report.status).toBe("ready");
    const steps = reports.map((progress) => progress.step).filter((step, at, all) => step !== all[at - 1]);
    expect(steps).toEqual(["columns", "rows", "comparing", "storing"]);
    const bytes = statSync(path).size;
    for (const step of ["columns", "rows"] as const) {
      const read = reports.filter((progress) => progress.step === step && progress.bytesRead !== null);
      expect(read.length).toBeGreaterThan(1);
      expect(read.every((progress) => progress.bytes === bytes)).toBe(true);
      expect(read.at(-1)?.bytesRead).toBe(bytes);
    }
  });

  it("publishes reading the file once, with what the check learnt of its columns; an upload without it, twice", async () => {
    const path = join(dataDir, "la_care_leavers_accommodation_suitability.csv");
    const stepsOf = (reports: CheckProgress[]) =>
      reports.map((progress) => progress.step).filter((step, at, all) => step !== all[at - 1]);
    const checked = async (datasetCode: string) =>
      validateUpload(database.handle.db, {
        path,
        fileName: "accommodation.csv",
        datasetCode,
        uploadedBy: "analyst@example.org",
        uploadedByUserId: null,
      });
    const publishFollowed = async (uploadId: number) => {
      const reports: CheckProgress[] = [];
      const outcome = await followCheckProgress(
        (progress) => reports.push(progress),
        () => publishUpload(database.handle.db, uploadId, { acceptWarnings: true, note: "", publishedBy: "test" }),
      );
      return { outcome, steps: stepsOf(reports) };
    };

    const kept = await checked("scan-kept");
    const once = await publishFollowed(kept.uploadId);
    expect(once.steps).toEqual(["rows", "comparing"]);

    // Checked before the scan was kept: the publish reads the columns itself, and publishes the same figures.
    const older = await checked("scan-not-kept");
    await database.handle.db.execute(sql`update upload_files set ees_scan = null where upload_id = ${older.uploadId}`);
    const twice = await publishFollowed(older.uploadId);
    expect(twice.steps).toEqual(["columns", "rows", "comparing"]);
    expect(twice.outcome.inserted).toBe(once.outcome.inserted);
    expect(once.outcome.inserted).toBe(kept.report.observationCount);
  });

  /** Asks how far the check or publish under `key` has got, as the upload page does: with no cookie or token. */
  const poll = (key: string) => app.inject({ url: `/api/uploads/progress/${key}` });

  it("lets whoever holds the key sent with the file follow the check under way, without a session, on either engine", async () => {
    const key = randomBytes(16).toString("hex");
    const form = multipart(
      "accommodation.csv",
      readFileSync(join(dataDir, "la_care_leavers_accommodation_suitability.csv")),
      "progress-over-http",
    );
    form.append("progress", key);
    let done = false;
    const sent = app
      .inject({ method: "POST", url: "/api/uploads", payload: form, ...asSignedIn(analyst) })
      .finally(() => {
        done = true;
      });
    const answers: { status: number; body: unknown }[] = [];
    const otherKeys: number[] = [];
    while (!done) {
      // A real pause between polls: answered without touching I/O, they would otherwise starve the upload.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const polled = await poll(key);
      answers.push({ status: polled.statusCode, body: polled.json() });
      otherKeys.push((await poll(randomBytes(16).toString("hex"))).statusCode);
    }
    expect((await sent).statusCode).toBe(200);
    const followed = answers.filter((answer) => answer.status === 200).map((answer) => answer.body as CheckProgress);
    expect(followed.every((progress) => progress.step in CHECK_STEP_LABELS)).toBe(true);
    // Answered while the file is read, the embedded database's one connection busy with the check.
    expect(followed.some((progress) => progress.step === "rows" && (progress.bytesRead ?? 0) > 0)).toBe(true);
    expect(new Set(otherKeys)).toEqual(new Set([404]));
    expect((await poll(key)).statusCode).toBe(404);
  });

  it("lets whoever holds the key sent with a publish follow it", async () => {
    const { body } = await upload(
      "accommodation.csv",
      readFileSync(join(dataDir, "la_care_leavers_accommodation_suitability.csv")),
      "publish-followed",
    );
    // A short key would be guessable, and it is the only credential the progress route asks for.
    const refused = await app.inject({
      method: "POST",
      url: `/api/uploads/${body.id}/publish`,
      payload: { acceptWarnings: true, note: "", progress: "a".repeat(31) },
      ...asSignedIn(analyst),
    });
    expect(refused.statusCode).toBe(400);
    const key = randomBytes(16).toString("hex");
    let done = false;
    const published = app
      .inject({
        method: "POST",
        url: `/api/uploads/${body.id}/publish`,
        payload: { acceptWarnings: true, note: "followed", progress: key },
        ...asSignedIn(analyst),
      })
      .finally(() => {
        done = true;
      });
    const followed: CheckProgress[] = [];
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const polled = await poll(key);
      if (polled.statusCode === 200) followed.push(polled.json() as CheckProgress);
    }
    expect((await published).statusCode).toBe(200);
    expect(followed.every((progress) => progress.step in PUBLISH_STEP_LABELS)).toBe(true);
    expect(followed.some((progress) => progress.step === "rows" && (progress.bytesRead ?? 0) > 0)).toBe(true);
    expect((await poll(key)).statusCode).toBe(404);
  });

  it("refuses a progress key that is not one", async () => {
    const form = multipart("accommodation.csv", "time_period\n", "bad-progress-key");
    form.append("progress", "../../etc");
    const response = await app.inject({ method: "POST", url: "/api/uploads", payload: form, ...asSignedIn(analyst) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      detail: expect.stringContaining("progress must be a random key of 32 to 64"),
    });
  });

  it("refuses a malformed file with its row, column and reason, and changes nothing published", async () => {
    const before = await databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES });
    const lines = readFileSync(join(dataDir, "la_care_leavers_activity.csv"), "utf8").split("\n");
    lines[5] = (lines[5] as string).replace(/,(\d+),(\d+)$/, ",$1,NULL");
    const { body } = await upload("la_care_leavers_activity.csv", lines.join("\n"));
    expect(body.status).toBe("refused");
    expect(body.report.problems[0]).toMatchObject({
      file: "la_care_leavers_activity.csv",
      row: 6,
      column: "care_leaver_percent",
      value: "NULL",
    });
    expect((await publish(body.id)).statusCode).toBe(409);
    const report = await app.inject({ url: `/api/uploads/${body.id}/report.csv`, ...asSignedIn(analyst) });
    expect(report.body.split("\n")[1]).toMatch(/^failure,.*,la_care_leavers_activity\.csv,6,care_leaver_percent,NULL,/);
    expect(await databaseChecksum(database.handle.db, { except: ATTEMPT_TABLES })).toBe(before);
  });

  it("lists every bad value of a refused file, with counts by kind", async () => {
    const lines = readFileSync(join(dataDir, "la_care_leavers_activity.csv"), "utf8").split("\n");
    for (const index of [5, 9, 14]) lines[index] = (lines[index] as string).replace(/,(\d+),(\d+)$/, ",$1,12%");
    const { body } = await upload("la_care_leavers_activity.csv", lines.join("\n"));
    expect(body.status).toBe("refused");
    expect(body.report.problems.map((problem) => [problem.row, problem.value])).toEqual([
      [6, "12%"],
      [10, "12%"],
      [15, "12%"],
    ]);
    expect(Object.values(body.report.problemCounts).reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it("redraws a new indicator the file gives only by a filter on its first breakdown", async () => {
    const areas = [
      "National,E92000001,England,,,,",
      "Regional,E92000001,England,E12000009,South West,,",
      "Local authority,E92000001,England,E12000009,South West,E06000059,Dorset",
    ];
    const lines = [
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name,pupil_sex,girls_and_boys_rate",
    ];
    for (const [year, at] of [
      ["202223", 0],
      ["202324", 1],
    ] as const)
      for (const [index, area] of areas.entries())
        for (const sex of ["Girls", "Boys"])
          lines.push(`${year},Academic year,${area},${sex},${(sex === "Boys" ? 10 : 20) + at + index}.5`);
    const { body } = await upload("girls-and-boys.csv", `${lines.join("\n")}\n`, "by-sex-only");
    expect(body.status).toBe("ready");
    const chart = body.report.preview?.charts?.find((one) => one.indicatorCode === "ees-girls-and-boys-rate");
    expect(chart?.breakdown).toEqual({ dimension: "pupil_sex", value: "Boys" });
    expect(chart?.areas.map((area) => area.code)).toEqual(["E06000059", "E12000009", "E92000001"]);
    expect(
      chart?.figures.map((figure) => [figure.areaCode, figure.periodCode, figure.published, figure.after?.value]),
    ).toEqual([
      ["E06000059", "202223", null, 12.5],
      ["E12000009", "202223", null, 11.5],
      ["E92000001", "202223", null, 10.5],
      ["E06000059", "202324", null, 13.5],
      ["E12000009", "202324", null, 12.5],
      ["E92000001", "202324", null, 11.5],
    ]);
  });

  it("publishes a new version whose figures equal the file's, withdraws what it drops, and rolls back", async () => {
    const original = readFileSync(join(dataDir, "la_care_leavers_activity.csv"), "utf8");
    const first = await upload("la_care_leavers_activity.csv", original, "care-leavers-activity");
    const published = await publish(first.body.id, false, "DfE release");
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ datasetCode: "care-leavers-activity", version: 1, inserted: 1670 });
    expect(await dorset("care-leavers-eet-19-21", "2025")).toMatchObject({
      value: 62,
      numerator: 129,
      denominator: 209,
    });

    // A corrected file: Dorset's 2025 figures changed, and 2021 dropped entirely.
    const corrected = original
      .split("\n")
      .filter((line) => !line.startsWith("2021,"))
      .map((line) =>
        line.includes(',E06000059,19 to 21 years,"Total in education, employment or training",129,')
          ? line.replace(
              ',"Total in education, employment or training",129,',
              ',"Total in education, employment or training",130,',
            )
          : line,
      )
      .join("\n");
    const second = await upload("la_care_leavers_activity.csv", corrected, "care-leavers-activity");
    expect(second.body.report.preview?.withdrawn).toBeGreaterThan(0);
    // The charts redrawn on the draft: Dorset, the South West and England, each figure now and once published.
    const chart = second.body.report.preview?.charts?.find((one) => one.indicatorCode === "care-leavers-eet-19-21");
    expect(chart).toMatchObject({
      title: expect.any(String),
      breakdown: null,
      unit: "%",
      polarity: "higher_is_better",
    });
    expect(chart?.areas.map((area) => area.code)).toEqual(["E06000059", "E12000009", "E92000001"]);
    const figure = (area: string, period: string) =>
      chart?.figures.find((one) => one.areaCode === area && one.periodCode === period);
    expect(figure("E06000059", "2025")).toMatchObject({
      periodLabel: "31 March 2025",
      published: { status: "value", value: 62 },
      after: { status: "value", value: 62 },
    });
    expect(figure("E06000059", "2021")).toMatchObject({ published: { status: "value", value: 43 }, after: null });
    expect(figure("E92000001", "2021")).toMatchObject({ after: null });
    const republished = await publish(second.body.id);
    expect(republished.json()).toMatchObject({ version: 2 });
    expect(await dorset("care-leavers-eet-19-21", "2025")).toMatchObject({ numerator: 130 });
    expect(await dorset("care-leavers-eet-19-21", "2021")).toBeUndefined();

    const restored = await app.inject({
      method: "POST",
      url: "/api/datasets/care-leavers-activity/versions/1/restore",
      payload: { note: "Correction withdrawn by DfE" },
      ...asSignedIn(analyst),
    });
    expect(restored.json()).toMatchObject({ version: 3, inserted: 1670 });
    expect(await dorset("care-leavers-eet-19-21", "2025")).toMatchObject({ numerator: 129 });
    expect(await dorset("care-leavers-eet-19-21", "2021")).toMatchObject({ value: 43 });

    const history = await app.inject({ url: "/api/datasets" });
    const dataset = (
      history.json() as {
        code: string;
        versions: { version: number; restoresVersion: number | null; fileUrl: string | null }[];
      }[]
    ).find((candidate) => candidate.code === "care-leavers-activity");
    expect(dataset?.versions.map((version) => [version.version, version.restoresVersion])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    const download = await app.inject({ url: dataset?.versions[2]?.fileUrl as string, ...asSignedIn(analyst) });
    expect(download.rawPayload.equals(Buffer.from(original))).toBe(true);
  });

  it("serialises two analysts publishing at once: one whole version wins", async () => {
    const original = readFileSync(join(dataDir, "la_care_leavers_accommodation_suitability.csv"), "utf8");
    const changed = original.replace(/,198,95$/m, ",197,94");
    const first = await upload("accommodation.csv", original, "accommodation-race");
    const second = await upload("accommodation.csv", changed, "accommodation-race");
    const results = await Promise.all([publish(first.body.id), publish(second.body.id)]);
    expect(results.map((result) => result.statusCode)).toEqual([200, 200]);
    expect(results.map((result) => (result.json() as { version: number }).version).sort()).toEqual([1, 2]);
    const versions = await queryRows<{ version: number }>(
      database.handle.db,
      sql`select distinct v.version from observations o join dataset_versions v on v.id = o.dataset_version_id
          join datasets d on d.id = v.dataset_id where d.code = 'accommodation-race' and o.superseded_by_version_id is null`,
    );
    expect(versions).toEqual([{ version: 2 }]);
  });

  it("restores a version larger than the page it is read in, every figure of it", async () => {
    // The seeded version with the most figures: its restore is read in several pages.
    const [largest] = await queryRows<{ code: string; version: number; figures: number }>(
      database.handle.db,
      sql`select d.code, v.version, count(*)::int as figures from observations o
          join dataset_versions v on v.id = o.dataset_version_id join datasets d on d.id = v.dataset_id
          group by d.code, v.version order by figures desc limit 1`,
    );
    if (!largest) throw new Error("nothing is seeded");
    expect(largest.figures).toBeGreaterThan(RESTORE_PAGE);
    const current = () =>
      queryRows(
        database.handle.db,
        sql`select o.indicator_id, o.area_id, o.period_id, o.breakdown_id, o.status, o.value, o.numerator, o.denominator
            from observations o join dataset_versions v on v.id = o.dataset_version_id
            join datasets d on d.id = v.dataset_id
            where d.code = ${largest.code} and o.superseded_by_version_id is null
            order by o.indicator_id, o.area_id, o.period_id, o.breakdown_id`,
      );
    const before = await current();
    const restored = await app.inject({
      method: "POST",
      url: `/api/datasets/${largest.code}/versions/${largest.version}/restore`,
      payload: { note: "restored whole" },
      ...asSignedIn(analyst),
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ inserted: largest.figures, revised: 0 });
    expect(await current()).toEqual(before);
  });

  it("gives back a file larger than the pieces it is stored and read in, byte for byte", async () => {
    // 20 MB of varied lines under a header no layout has: refused at once, yet kept like every attempt.
    const lines = ["unknown_column,another"];
    for (let line = 0, size = 0; size < 20 * 2 ** 20; line++) {
      const text = `${(line * 2_654_435_761) % 4_294_967_296},row ${line} é`;
      lines.push(text);
      size += text.length + 1;
    }
    const content = Buffer.from(lines.join("\n"));
    const { body } = await upload("large-unknown.csv", content);
    expect(body.status).toBe("refused");
    const download = await app.inject({ url: `/api/uploads/${body.id}/file`, ...asSignedIn(analyst) });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-length"]).toBe(String(content.length));
    expect(download.rawPayload.equals(content)).toBe(true);
  });

  it("warns of filter values no figure was broken down by before, until they are published", async () => {
    const header =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
      "new_la_code,la_name,old_la_code,pupil_sex,pupils_persistently_absent_count";
    const row = (sex: string, count: number) =>
      `202324,Academic year,Local authority,E92000001,England,E12000009,South West,E06000059,Dorset,838,${sex},${count}`;
    const file = [header, row("Total", 9000), row("Boys", 4600), row("Girls", 4400)].join("\n");
    const newFilter = (upload: Upload) => upload.report.warnings.filter((warning) => warning.kind === "new-filter");

    const first = await upload("persistent-absence-by-sex.csv", file, "persistent-absence-by-sex");
    expect(first.body.status).toBe("ready");
    expect(newFilter(first.body)).toEqual([
      {
        kind: "new-filter",
        message: expect.stringMatching(
          /^persistent-absence-by-sex\.csv: 2 filter values no published figure was broken down by before will become breakdowns \(pupil_sex "Boys", pupil_sex "Girls"\): check they are spelt as in earlier releases/,
        ),
        count: 2,
      },
    ]);
    expect((await publish(first.body.id, true)).statusCode).toBe(200);

    // Published, they are known: a girls' figure spelt another way is the one new value.
    const again = await upload(
      "persistent-absence-by-sex.csv",
      file.replace("Girls,4400", "Girl,4401"),
      "persistent-absence-by-sex",
    );
    expect(newFilter(again.body).map((warning) => [warning.count, warning.message])).toEqual([
      [1, expect.stringContaining('(pupil_sex "Girl")')],
    ]);
  });

  it("publishes a file with warnings only once they are accepted", async () => {
    const { body } = await upload("lait_absence.csv", readFileSync(join(dataDir, "lait_absence.csv")));
    expect(body.status).toBe("ready");
    expect(body.report.warnings.length).toBeGreaterThan(0);
    const refused = await publish(body.id, false);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ detail: expect.stringContaining("warning") });
    expect((await publish(body.id, true, "reviewed")).statusCode).toBe(200);
    expect(await dorset("overall-absence", "202122")).toMatchObject({ value: 8.2 });
  });
});

describe("an upload over the size limit", () => {
  it("gets a 413 naming the limit", async () => {
    const database = await openTestDatabase("pglite");
    const app = await buildApp({ database: database.handle, maxUploadBytes: 1024 * 1024 });
    try {
      await grant(app, "analyst@example.org", "analyst");
      const analyst = await signIn(app, "analyst@example.org");
      const response = await app.inject({
        method: "POST",
        url: "/api/uploads",
        payload: multipart("big.csv", "x".repeat(1024 * 1024 + 10)),
        ...asSignedIn(analyst),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ detail: expect.stringContaining("1 MB limit") });
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
