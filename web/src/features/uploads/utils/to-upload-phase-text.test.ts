import { PUBLISH_STEP_LABELS } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toCheckProgressText, toPercentSent, toPhaseAnnouncement } from "./to-upload-phase-text.ts";

describe("toPercentSent", () => {
  it("rounds to whole percent and is 0 before the size is known", () => {
    expect(toPercentSent({ kind: "sending", sent: 1, total: 3 })).toBe(33);
    expect(toPercentSent({ kind: "sending", sent: 0, total: 0 })).toBe(0);
    expect(toPercentSent({ kind: "sending", sent: 5, total: 4 })).toBe(100);
    expect(toPercentSent({ kind: "checking", progressKey: "k" })).toBe(0);
  });
});

describe("toPhaseAnnouncement", () => {
  it("announces sending in quarters, so the live region is not read at every percent", () => {
    const sending = (sent: number) => toPhaseAnnouncement({ kind: "sending", sent, total: 100 }, "a.csv");
    expect(sending(0)).toBe("Sending a.csv: 0% sent.");
    expect(sending(24)).toBe("Sending a.csv: 0% sent.");
    expect(sending(26)).toBe("Sending a.csv: 25% sent.");
    expect(sending(99)).toBe("Sending a.csv: 75% sent.");
    expect(sending(100)).toBe("Sending a.csv: 100% sent.");
  });

  it("says when the file is being checked, when it was cancelled, and nothing at rest", () => {
    expect(toPhaseAnnouncement({ kind: "checking", progressKey: "k" }, "a.csv")).toBe("a.csv sent. Checking the file…");
    expect(
      toPhaseAnnouncement(
        { kind: "checking", progressKey: "k", progress: { step: "rows", bytesRead: 10, bytes: 40 } },
        "a.csv",
      ),
    ).toBe("a.csv sent. Checking every row…");
    expect(toPhaseAnnouncement({ kind: "cancelled" }, "a.csv")).toBe(
      "Upload of a.csv cancelled. Nothing was checked or published.",
    );
    expect(toPhaseAnnouncement({ kind: "idle" }, "a.csv")).toBe("");
  });
});

describe("toCheckProgressText", () => {
  it("names the step and, while it reads the file, the whole percent read", () => {
    expect(toCheckProgressText({ step: "rows", bytesRead: 1, bytes: 3 })).toEqual({
      label: "Checking every row",
      percent: 33,
    });
    expect(toCheckProgressText({ step: "columns", bytesRead: 3, bytes: 3 })).toEqual({
      label: "Reading what each column holds",
      percent: 100,
    });
  });

  it("has no percent for a step that does not read the file, an empty file, or before the server has said", () => {
    expect(toCheckProgressText({ step: "comparing", bytesRead: null, bytes: null })).toEqual({
      label: "Comparing with the published figures",
      percent: null,
    });
    expect(toCheckProgressText({ step: "rows", bytesRead: 0, bytes: 0 }).percent).toBeNull();
    expect(toCheckProgressText(undefined)).toEqual({ label: "Checking the file", percent: null });
  });
});

describe("toCheckProgressText for a publish", () => {
  it("names the publish's steps, and what it waits on before the server has said", () => {
    expect(toCheckProgressText({ step: "rows", bytesRead: 50, bytes: 200 }, PUBLISH_STEP_LABELS, "Publishing")).toEqual(
      {
        label: "Publishing every figure",
        percent: 25,
      },
    );
    expect(toCheckProgressText(undefined, PUBLISH_STEP_LABELS, "Publishing the file")).toEqual({
      label: "Publishing the file",
      percent: null,
    });
  });
});
