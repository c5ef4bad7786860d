import { readFileSync } from "node:fs";
import type { Database } from "../client.ts";
import { type LocatedProblem, locatedProblems } from "../domain/types.ts";
import { type ReferenceKind, readReferenceFile } from "./reference-files.ts";
import {
  previewReference,
  publishReference,
  type ReferencePreview,
  type ReferenceVersionSummary,
} from "./reference-versions.ts";

export interface ReferenceFileReport {
  status: "refused" | "ready" | "published";
  fileName: string;
  rowCount: number;
  /** The first hundred problems, in file order. */
  problems: LocatedProblem[];
  problemCount: number;
  preview: ReferencePreview | null;
  published: ReferenceVersionSummary | null;
}

export interface ReceiveReferenceOptions {
  fileName: string;
  sheet?: string;
  /** Publish when the file passes; otherwise check and preview only. */
  publish: boolean;
  note: string;
  createdBy: string;
  createdByUserId: number | null;
}

/**
 * Checks a reference file and previews it; with `publish`, publishes it in the same transaction, so
 * what is written is exactly what was checked. A refused file writes nothing. The upload page, the API
 * and `pnpm load-data --reference` all come here.
 */
export async function receiveReferenceFile(
  db: Database,
  kind: ReferenceKind,
  path: string,
  options: ReceiveReferenceOptions,
): Promise<ReferenceFileReport> {
  return db.transaction(async (tx): Promise<ReferenceFileReport> => {
    let parsed: Awaited<ReturnType<typeof readReferenceFile>>;
    try {
      parsed = await readReferenceFile(tx, kind, path, {
        fileLabel: options.fileName,
        ...(options.sheet ? { sheet: options.sheet } : {}),
      });
    } catch (error) {
      const { problems, total } = locatedProblems(error);
      return {
        status: "refused",
        fileName: options.fileName,
        rowCount: 0,
        problems,
        problemCount: total,
        preview: null,
        published: null,
      };
    }
    const preview = await previewReference(tx, parsed);
    const ready: ReferenceFileReport = {
      status: "ready",
      fileName: options.fileName,
      rowCount: parsed.rows.length,
      problems: [],
      problemCount: 0,
      preview,
      published: null,
    };
    if (!options.publish) return ready;
    const published = await publishReference(tx, parsed, {
      fileName: options.fileName,
      content: readFileSync(path),
      note: options.note,
      createdBy: options.createdBy,
      createdByUserId: options.createdByUserId,
    });
    return { ...ready, status: "published", published };
  });
}
