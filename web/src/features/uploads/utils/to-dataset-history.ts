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
  // A version stays marked published when a newer one replaces it.
  published: "Replaced",
  superseded: "Replaced",
  rolled_back: "Rolled back",
};

/** A version's status in words: the current one says so, and an earlier published one was replaced. */
export function formatVersionStatus(status: string, isCurrent: boolean): string {
  if (isCurrent) return "Current";
  return STATUSES[status] ?? status;
}

/**
 * Where to download the file a version was made from: its own upload's, or for a restore, the restored version's
 * (a restore is made from an earlier version's figures, so it has no upload of its own).
 */
export function toVersionFile(
  dataset: Pick<Dataset, "versions">,
  version: DatasetVersion,
): { url: string; fromVersion: number | null } | null {
  if (version.fileUrl) return { url: version.fileUrl, fromVersion: null };
  const seen = new Set<number>();
  let restored = version;
  while (restored.restoresVersion !== null && !seen.has(restored.version)) {
    seen.add(restored.version);
    const next = dataset.versions.find((candidate) => candidate.version === restored.restoresVersion);
    if (!next) return null;
    if (next.fileUrl) return { url: next.fileUrl, fromVersion: next.version };
    restored = next;
  }
  return null;
}
