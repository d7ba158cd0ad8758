import { formats } from '../messages/format.js';
import { teamWords } from '../messages/team.js';
import type { AuditEntry, Organizer } from '../store/contract.js';
import { printData } from './output.js';
import { renderTable } from './table.js';

export function renderOrganizers(organizers: readonly Organizer[], me: Organizer | undefined, color: boolean): void {
  const words = teamWords();
  const rows = organizers.map((o) => [`${o.name}${o.id === me?.id ? words.you : ''}`, words.role(o.role), o.supervisor ?? '', o.login]);
  printData(renderTable(words.listHead, rows, color));
}

export function renderAudit(entries: readonly AuditEntry[], color: boolean): void {
  const words = teamWords();
  const rows = entries.map((e) => {
    const { what, detail } = words.auditEntry(e.what, e.detail ?? null);
    return [formats().dateTime(new Date(e.at)), e.login, what, detail];
  });
  printData(renderTable(words.auditHead, rows, color));
}
