import type { WebSheet } from '../people/import-web.js';
import { RELATIONSHIP_KINDS, TOUCH_KINDS, UNIT_KINDS } from '../store/contract-web.js';

const SHEET_WORDS: Record<WebSheet, { sheet: string; one: string; many: string }> = {
  touches: { sheet: 'contacts (touches)', one: 'contact', many: 'contacts' },
  relationships: { sheet: 'relationships (who knows whom)', one: 'relationship', many: 'relationships' },
  units: { sheet: 'units', one: 'unit', many: 'units' },
};

const n = (count: number, sheet: WebSheet) => `${count} ${count === 1 ? SHEET_WORDS[sheet].one : SHEET_WORDS[sheet].many}`;

export const importWebWords = {
  reading: (file: string, sheet: WebSheet) => `Reading ${file} as ${SHEET_WORDS[sheet].sheet}: its columns say so.`,
  counts: (sheet: WebSheet, counts: { added: number; updated: number; skipped: number }, dryRun: boolean) => {
    const parts = [`${dryRun ? 'Would add' : 'Added'} ${n(counts.added, sheet)}`];
    if (counts.updated > 0) parts.push(`${dryRun ? 'would correct' : 'corrected'} ${counts.updated}`);
    if (counts.skipped > 0) parts.push(`${counts.skipped} already in the record, left as ${counts.skipped === 1 ? 'it was' : 'they were'}`);
    return `${parts.join('; ')}.${dryRun ? ' Nothing was changed (dry run).' : counts.added + counts.updated > 0 ? '\nUndo with: oneonone undo' : ''}`;
  },
  badRow: (line: number, reason: string) => `  line ${line}: ${reason}`,
  badTitle: 'Rows that cannot be imported:',
  noRows: (file: string) => `${file} has a header row but nothing under it`,
  noRowsHint: 'add one row under the header for each contact, relationship or unit',
  refused: (count: number, lines: number[], good: number, dryRun: boolean) => ({
    message: `${dryRun ? 'nothing would be imported' : 'nothing was imported'}: ${count} bad row${count === 1 ? '' : 's'} (line${count === 1 ? '' : 's'} ${lines.join(', ')})`,
    hint: `fix ${count === 1 ? 'it' : 'them'} in the file, or add --skip-bad to import the other ${good} row${good === 1 ? '' : 's'}`,
  }),
};

/** Why a row of one of these sheets cannot be imported: the end of "line 4: …". */
export const importWebReasons = {
  missing: (column: string) => `the ${column} column is empty`,
  nobody: (name: string) => `nobody in your records is called "${name}" (import the people sheet first, or add them with: oneonone log "${name}")`,
  several: (name: string, ids: number[]) => `several people are called "${name}" (${ids.map((id) => `#${id}`).join(', ')}); put the one you mean in the id column`,
  badBy: (given: string) => `"${given}" is not a way of contact (one of: ${TOUCH_KINDS.join(', ')})`,
  badKind: (given: string) => `"${given}" is not a kind of relationship (one of: ${RELATIONSHIP_KINDS.join(', ')})`,
  badUnitKind: (given: string) => `"${given}" is not a kind of unit (one of: ${UNIT_KINDS.join(', ')})`,
  badSize: (given: string) => `"${given}" is not a size (a whole number from 1)`,
  self: (name: string) => `${name} cannot be related to themselves`,
  endedBeforeSince: 'it ended before it began',
};
