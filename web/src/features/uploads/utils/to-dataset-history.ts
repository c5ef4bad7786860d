import type { Dataset } from "@plan-outcomes/server/contract";

type DatasetVersion = Dataset["versions"][number];

/** The version whose figures are published now: the newest one still marked published. */
export function currentVersion(dataset: Pick<Dataset, "versions">): DatasetVersion | undefined {
  return dataset.versions
    .filter((version) => version.status === "published")
    .reduce<DatasetVersion | undefined>(
      (newest, version) => (!newest || version.version > newest.version ? version : newest),
      undefined,
    );
}

const STATUSES: Record<string, string> = {
  draft: "Draft",
  published: "Published",
  superseded: "Replaced",
  rolled_back: "Rolled back",
};

/** A version's status in words: the current one says so. */
export function formatVersionStatus(status: string, isCurrent: boolean): string {
  if (isCurrent) return "Current";
  return STATUSES[status] ?? status;
}
