import type { ProfileFamilyHub } from "@plan-outcomes/server/contract";

const KIND_WORDS: Record<ProfileFamilyHub["kind"], [string, string]> = {
  site: ["dedicated site", "dedicated sites"],
  outreach: ["outreach point", "outreach points"],
  online: ["online service", "online services"],
};

/** "2 dedicated sites and 1 outreach point open" for the hubs in the area itself (county-wide ones aside). */
export function toFamilyHubSummary(hubs: readonly ProfileFamilyHub[]): string {
  const open = hubs.filter((hub) => hub.isOpen && hub.scope !== "county");
  const parts = (["site", "outreach"] as const)
    .map((kind) => {
      const count = open.filter((hub) => hub.kind === kind).length;
      return count > 0 ? `${count} ${KIND_WORDS[kind][count === 1 ? 0 : 1]}` : null;
    })
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? `${parts.join(" and ")} open` : "No Family Hub site or outreach point recorded as open";
}

export function formatHubKind(kind: ProfileFamilyHub["kind"]): string {
  const [one] = KIND_WORDS[kind];
  return one.charAt(0).toUpperCase() + one.slice(1);
}

/** Where the hub is, in words: its LAG area, the whole locality, or the whole county. */
export function formatHubPlace(hub: ProfileFamilyHub, localityName: string): string {
  if (hub.scope === "county") return "Whole county";
  if (hub.lagName) return hub.lagName;
  return hub.scope === "locality" ? `${localityName} locality (LAG area not recorded)` : `${localityName} locality`;
}

/** "Open since 1 January 2023", "Closed on …", "Opens on …", "Open; opening date not recorded". */
export function formatHubStatus(hub: ProfileFamilyHub, asOf: string, formatDate: (iso: string) => string): string {
  if (hub.closedOn && hub.closedOn < asOf) return `Closed on ${formatDate(hub.closedOn)}`;
  if (hub.openedOn && hub.openedOn > asOf) return `Opens on ${formatDate(hub.openedOn)}`;
  return hub.openedOn ? `Open since ${formatDate(hub.openedOn)}` : "Open; opening date not recorded";
}
