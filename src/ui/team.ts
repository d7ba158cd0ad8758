import type { AuditEntry, Organizer } from '../store/contract.js';
import { formatDateTime } from '../support/format.js';
import { printData } from './output.js';
import { renderTable } from './table.js';

export function renderOrganizers(organizers: readonly Organizer[], me: Organizer | undefined, color: boolean): void {
  const rows = organizers.map((o) => [`${o.name}${o.id === me?.id ? ' (you)' : ''}`, o.role, o.supervisor ?? '', o.login]);
  printData(renderTable(['organizer', 'role', 'led by', 'login'], rows, color));
}

export function renderAudit(entries: readonly AuditEntry[], color: boolean): void {
  printData(renderTable(['when', 'login', 'what', 'detail'], entries.map((e) => [formatDateTime(new Date(e.at)), e.login, e.what, e.detail ?? '']), color));
}
