import type { Organizer } from '../store/contract.js';
import { printData } from './output.js';
import { renderTable } from './table.js';

export function renderOrganizers(organizers: readonly Organizer[], me: Organizer | undefined, color: boolean): void {
  const rows = organizers.map((o) => [`${o.name}${o.id === me?.id ? ' (you)' : ''}`, o.role, o.supervisor ?? '', o.login]);
  printData(renderTable(['organizer', 'role', 'led by', 'login'], rows, color));
}
