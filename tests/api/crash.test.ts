import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedOptionsFromEnv } from "@plan-outcomes/seeds";
import { grantAccess } from "@plan-outcomes/server/access";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { testBackends } from "../support/backends.ts";
import { CookieJar } from "../support/oidc-provider.ts";
import { PASSWORD } from "../support/people.ts";
import { startServerProcess } from "../support/server-process.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const dataDir = seedOptionsFromEnv(process.env).dataDir as string;

describe.each(testBackends())("a server killed in the middle of a publish, on %s", (backend) => {
  let database: TestDatabase;
  const scratch = mkdtempSync(join(tmpdir(), "plan-outcomes-crash-"));
  const marker = join(scratch, "paused");

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await grantAccess(
      database.handle.db,
      { email: "analyst@example.org", displayName: "Analyst", role: "analyst", areaCodes: [], password: PASSWORD },
      null,
      "",
    );
    // The server process must be the only one holding the database.
    await database.handle.close();
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function signedIn(baseUrl: string) {
    const jar = new CookieJar();
    const response = await jar.fetch(`${baseUrl}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "analyst@example.org", password: PASSWORD }),
    });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { jar, csrfToken };
  }

  const dorsetNumerator = async (baseUrl: string) => {
    const response = await fetch(
      `${baseUrl}/api/indicators/care-leavers-eet-19-21/observations?areas=E06000059&periods=2025`,
    );
    return ((await response.json()) as { observations: { numerator: number }[] }).observations[0]?.numerator;
  };

  it("shows the old version after the crash, never a mixture, and the new one once published", async () => {
    const paused = await startServerProcess({ ...database.env, PLAN_OUTCOMES_PAUSE_PUBLISH: marker });
    // However the test ends, the paused server must not outlive it.
    onTestFinished(() => paused.kill("SIGKILL"));
    const { jar, csrfToken } = await signedIn(paused.baseUrl);
    const corrected = readFileSync(join(dataDir, "la_care_leavers_activity.csv"), "utf8").replace(
      ',E06000059,19 to 21 years,"Total in education, employment or training",129,',
      ',E06000059,19 to 21 years,"Total in education, employment or training",130,',
    );
    const form = new FormData();
    form.append("file", new Blob([corrected]), "la_care_leavers_activity.csv");
    form.append("dataset", "crash-test");
    const uploaded = await jar.fetch(`${paused.baseUrl}/api/uploads`, {
      method: "POST",
      body: form,
      headers: { "x-csrf-token": csrfToken },
    });
    const { id } = (await uploaded.json()) as { id: number };

    // The publish stops with every figure written but not committed; then the process dies without warning.
    void jar
      .fetch(`${paused.baseUrl}/api/uploads/${id}/publish`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
        body: JSON.stringify({ acceptWarnings: true, note: "" }),
      })
      .catch(() => undefined);
    for (let attempt = 0; attempt < 600 && !existsSync(marker); attempt++)
      await new Promise((wait) => setTimeout(wait, 100));
    expect(existsSync(marker)).toBe(true);
    await paused.kill("SIGKILL");
    // An embedded database's lock outlives a killed process for up to 10 seconds.
    if (backend === "pglite") await new Promise((wait) => setTimeout(wait, 11_000));

    const restarted = await startServerProcess(database.env);
    try {
      expect(await dorsetNumerator(restarted.baseUrl)).toBe(129);
      const history = (await (await fetch(`${restarted.baseUrl}/api/datasets`)).json()) as { code: string }[];
      expect(history.map((dataset) => dataset.code)).not.toContain("crash-test");

      const again = await signedIn(restarted.baseUrl);
      const published = await again.jar.fetch(`${restarted.baseUrl}/api/uploads/${id}/publish`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": again.csrfToken },
        body: JSON.stringify({ acceptWarnings: true, note: "after the crash" }),
      });
      expect(published.status).toBe(200);
      expect(await dorsetNumerator(restarted.baseUrl)).toBe(130);
    } finally {
      await restarted.kill("SIGTERM");
    }
  });
});
