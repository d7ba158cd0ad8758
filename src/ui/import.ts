import { errorText } from '../messages/errors.js';
import type { BadRow, ImportPlan, RowOutcome } from '../people/import.js';

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  bad: { line: number; reason: string }[];
}

/** The counts, as JSON prints them. */
export function importCounts(plan: ImportPlan, dryRun: boolean): ImportReport & { dryRun: boolean; rows: object[] } {
  return {
    added: plan.added, updated: plan.updated, skipped: plan.skipped, bad: plan.bad.map(badWords), dryRun,
    rows: plan.rows.map((row) => ({
      line: row.line, action: row.action, name: row.target.name, id: row.target.existing?.id ?? null,
      matchedBy: row.matchedBy ?? null, changed: row.changed,
    })),
  };
}

/** One line per row of the file, for --dry-run: what would happen to whom, and why. */
export function renderImportRows(rows: RowOutcome[]): string {
  return rows.map((row) => `line ${row.line}: ${describe(row)}`).join('\n');
}

function describe(row: RowOutcome): string {
  const who = row.target.existing ? `${row.target.name} (#${row.target.existing.id})` : row.target.name;
  const by = row.matchedBy ? `, same ${row.matchedBy}${row.target.existing ? '' : ` as line ${row.target.lines[0]}`}` : '';
  if (row.action === 'add') return `add ${who}`;
  if (row.action === 'update') return `update ${who}${by}: ${row.changed.join(', ')}`;
  return `skip ${who}${by}: nothing new`;
}

export function renderImportCounts(report: ImportReport, dryRun: boolean): string {
  const verb = dryRun ? 'Would add' : 'Added';
  const line = `${verb} ${report.added}, ${dryRun ? 'update' : 'updated'} ${report.updated}, ${dryRun ? 'skip' : 'skipped'} ${report.skipped} (nothing new).`;
  const bad = report.bad.length === 0 ? '' : ` ${report.bad.length} bad row${report.bad.length === 1 ? '' : 's'} left out.`;
  return `${line}${bad}${dryRun ? ' Nothing was changed (dry run).' : ''}`;
}

export function renderBadRows(bad: BadRow[]): string {
  return bad.map(badWords).map(({ line, reason }) => `line ${line}: ${reason}`).join('\n');
}

function badWords({ line, reason }: BadRow): { line: number; reason: string } {
  return { line, reason: errorText(reason).message };
}
