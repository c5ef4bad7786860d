import type { Upload } from "@plan-outcomes/server/contract";
import { UPLOAD_STATUSES } from "../utils/to-report-summary.ts";

/** An upload's status in words (the colour only repeats them). */
export function UploadStatusTag({ status }: { status: Upload["status"] }) {
  const { label, tag } = UPLOAD_STATUSES[status];
  return <strong className={`tag ${tag}`}>{label}</strong>;
}
