import { stringify } from "csv-stringify/sync";
import type { AuditEvent } from "../../contract/index.ts";

/** Spreadsheets run cells that start with these as formulas; a leading quote keeps them text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A file name safe inside a Content-Disposition header, and as a spreadsheet cell. */
export function attachmentName(fileName: string): string {
  return neutraliseFormula(fileName).replace(/["\\\r\n]/g, "_");
}

export function auditEventsToCsv(events: AuditEvent[]): string {
  return stringify(
    events.map((event) =>
      [
        event.id,
        event.occurredAt,
        event.actorEmail ?? "",
        event.actorKind,
        event.action,
        event.target,
        event.outcome,
        event.ipAddress,
        JSON.stringify(event.details),
      ].map((cell) => neutraliseFormula(String(cell))),
    ),
    {
      header: true,
      columns: ["id", "occurred_at", "actor", "actor_kind", "action", "target", "outcome", "ip_address", "details"],
    },
  );
}
