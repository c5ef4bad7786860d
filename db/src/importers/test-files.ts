import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The real public files (DOMAIN.md section 8): read where they are, never copied into the repository. */
export const dataDir = process.env.PLAN_OUTCOMES_DATA_DIR ?? path.resolve(repoRoot, "../shared/data");

export const dataFile = (name: string) => path.join(dataDir, name);

/** A scratch folder for small hand-made files; `cleanUp` removes it. */
export function scratchFolder() {
  const folder = mkdtempSync(path.join(tmpdir(), "plan-outcomes-import-"));
  return {
    write(name: string, text: string): string {
      const file = path.join(folder, name);
      writeFileSync(file, text);
      return file;
    },
    cleanUp() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
