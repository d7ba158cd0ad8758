/** What `export` says on stderr, in English; the sheet itself is data (its headers: es/export.ts). */
import type { ExportTable } from '../store/contract.js';
import { spokenCatalogues } from './spoken.js';

export interface ExportWords {
  /** Each sheet's rows as one and as many, for the progress line and the confirmation. */
  tables: Record<ExportTable, [one: string, many: string]>;
  wrote(count: number, table: ExportTable, path: string): string;
}

const TABLES_EN: ExportWords['tables'] = {
  people: ['person', 'people'], meetings: ['meeting', 'meetings'], asks: ['ask', 'asks'], followups: ['follow-up', 'follow-ups'], notes: ['note', 'notes'],
  touches: ['contact', 'contacts'], relationships: ['relationship', 'relationships'], units: ['unit', 'units'],
};

const EXPORT_EN: ExportWords = {
  tables: TABLES_EN,
  wrote: (count, table, path) => `Wrote ${count} ${TABLES_EN[table][count === 1 ? 0 : 1]} to ${path} (readable only by you).`,
};

export const exportWords = (): ExportWords => spokenCatalogues()?.export ?? EXPORT_EN;
