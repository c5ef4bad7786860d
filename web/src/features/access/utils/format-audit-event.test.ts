import { describe, expect, it } from "vitest";
import { formatAuditActor, formatAuditDetails } from "./format-audit-event.ts";

describe("formatAuditActor", () => {
  it("names the account and how it acted", () => {
    expect(formatAuditActor({ actorEmail: "ada@example.org", actorKind: "token" })).toEqual({
      who: "ada@example.org",
      how: "API token",
    });
    expect(formatAuditActor({ actorEmail: "ada@example.org", actorKind: "session" })).toEqual({
      who: "ada@example.org",
      how: "signed in",
    });
  });

  it("says who acted when no account did", () => {
    expect(formatAuditActor({ actorEmail: null, actorKind: "anonymous" })).toEqual({ who: "Not signed in", how: null });
    expect(formatAuditActor({ actorEmail: null, actorKind: "system" })).toEqual({ who: "The system", how: null });
  });
});

describe("formatAuditDetails", () => {
  it("writes each detail as key and value in words", () => {
    expect(
      formatAuditDetails({
        role: "locality_lead",
        areaCodes: ["DOR-LOC-CHESIL", "DOR-LAG-PORTLAND"],
        previousRole: null,
        passwordSet: true,
        tokenId: 4,
      }),
    ).toEqual([
      "role: locality_lead",
      "area codes: DOR-LOC-CHESIL, DOR-LAG-PORTLAND",
      "previous role: none",
      "password set: yes",
      "token id: 4",
    ]);
  });

  it("writes nothing for no details", () => {
    expect(formatAuditDetails({})).toEqual([]);
  });
});
