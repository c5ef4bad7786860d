import type { ProfileFamilyHub } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { formatHubPlace, formatHubStatus, toFamilyHubSummary } from "./to-family-hub-summary.ts";

const hub = (overrides: Partial<ProfileFamilyHub>): ProfileFamilyHub => ({
  code: "FH-X",
  name: "X",
  kind: "site",
  lagCode: null,
  lagName: null,
  openedOn: null,
  closedOn: null,
  address: "",
  note: "",
  isOpen: true,
  scope: "area",
  ...overrides,
});

describe("Family Hub words", () => {
  it("counts the open sites and outreach points of the area, leaving county-wide services aside", () => {
    expect(
      toFamilyHubSummary([
        hub({}),
        hub({ kind: "outreach" }),
        hub({ kind: "outreach", isOpen: false }),
        hub({ kind: "online", scope: "county" }),
        hub({ scope: "county" }),
      ]),
    ).toBe("1 dedicated site and 1 outreach point open");
    expect(toFamilyHubSummary([hub({ kind: "online", scope: "county" })])).toBe(
      "No Family Hub site or outreach point recorded as open",
    );
  });

  it("says where a hub is and whether it is open on the day", () => {
    expect(formatHubPlace(hub({ lagName: "Portland LAG" }), "Chesil")).toBe("Portland LAG");
    expect(formatHubPlace(hub({ scope: "locality" }), "Chesil")).toBe("Chesil locality (LAG area not recorded)");
    expect(formatHubPlace(hub({ scope: "county" }), "Chesil")).toBe("Whole county");
    const words = (iso: string) => iso;
    expect(formatHubStatus(hub({ openedOn: "2023-01-01" }), "2026-11-22", words)).toBe("Open since 2023-01-01");
    expect(formatHubStatus(hub({ openedOn: "2027-01-01", isOpen: false }), "2026-11-22", words)).toBe(
      "Opens on 2027-01-01",
    );
    expect(formatHubStatus(hub({ closedOn: "2025-03-31", isOpen: false }), "2026-11-22", words)).toBe(
      "Closed on 2025-03-31",
    );
    expect(formatHubStatus(hub({}), "2026-11-22", words)).toBe("Open; opening date not recorded");
  });
});
