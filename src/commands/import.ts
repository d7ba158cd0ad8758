import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  checkRow, parseMapping, phoneDigits, planColumns, planImport, type CheckedRow, type ColumnPlan, type ImportField, type ImportPlan, type PersonLookup,
} from '../people/import.js';
import { toStored } from '../support/dates.js';
import { UsageError, UserError } from '../support/errors.js';
import type { ImportLookup } from '../store/contract.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { importCounts, renderBadRows, renderImportCounts, renderImportRows } from '../ui/import.js';
import { withStore, type GlobalOptions } from './context.js';

export interface ImportOptions {
  map: string[];
  delimiter?: string;
  dryRun?: boolean;
  skipBad?: boolean;
  json?: boolean;
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export async function run(file: string, options: ImportOptions, globals: GlobalOptions): Promise<void> {
  const mappings = options.map.map(parseMapping);
  const delimiter = checkDelimiter(options.delimiter);
  const { columns, rows } = readRows(file, delimiter, mappings);
  if (columns.ignored.length > 0) printMessage(`Ignoring column${columns.ignored.length === 1 ? '' : 's'} ${columns.ignored.map((name) => `"${name}"`).join(', ')} (read one with --map "Header=field").`);
  if (!rows.some((row) => row.kind !== 'blank')) {
    throw new UserError(`${file} has a header row but no people in it`, { hint: 'add one row per person under the header' });
  }

  const plan = options.dryRun ? await planOnly(rows, globals) : await importRows(rows, options.skipBad === true, globals, basename(file));
  const refused = plan.bad.length > 0 && !options.skipBad;
  const report = refused ? { ...importCounts(plan, options.dryRun === true), added: 0, updated: 0, skipped: 0 } : importCounts(plan, options.dryRun === true);

  if (plan.bad.length > 0) printMessage(renderBadRows(plan.bad));
  if (options.json) printJson(report);
  else {
    if (options.dryRun && plan.rows.length > 0) printData(renderImportRows(plan.rows));
    if (!refused) printData(renderImportCounts(report, options.dryRun === true));
  }
  if (refused) {
    const good = plan.rows.length;
    throw new UserError(
      `${options.dryRun ? 'nothing would be imported' : 'nothing was imported'}: ${plan.bad.length} bad row${plan.bad.length === 1 ? '' : 's'} (line${plan.bad.length === 1 ? '' : 's'} ${plan.bad.map((bad) => bad.line).join(', ')})`,
      { hint: `fix ${plan.bad.length === 1 ? 'it' : 'them'} in the file, or add --skip-bad to import the other ${good} row${good === 1 ? '' : 's'}` },
    );
  }
}

function checkDelimiter(input: string | undefined): string {
  if (input === undefined) return ',';
  const delimiter = input === '\\t' || input.toLowerCase() === 'tab' ? '\t' : input;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new UsageError(`--delimiter "${input}" is not one separator character`, 'e.g. --delimiter ";" or --delimiter tab');
  }
  return delimiter;
}

/**
 * Every refusal happens here, before the database is opened: missing, empty, huge, binary or broken files.
 * Each record is checked as it is parsed, so only the checked people are kept, not the cells.
 */
function readRows(file: string, delimiter: string, mappings: { header: string; field: ImportField }[]): { columns: ColumnPlan; rows: CheckedRow[] } {
  if (!existsSync(file)) throw new UserError(`no file at ${file}`, { hint: 'check the path; oneonone imports a CSV file with a header row' });
  const stat = statSync(file);
  if (stat.isDirectory()) throw new UserError(`${file} is a folder`, { hint: 'give the CSV file inside it' });
  if (stat.size > MAX_IMPORT_BYTES) {
    throw new UserError(`${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the most oneonone imports at once is 50 MB`, {
      hint: 'split it into smaller files and import each',
    });
  }
  const bytes = readFileSync(file);
  if (bytes.length === 0) throw new UserError(`${file} is empty`, { hint: 'save the sheet as CSV with a header row (Name, Email, Phone, …)' });
  if (bytes.includes(0)) {
    throw new UserError(`${file} is not a text file (it holds NUL bytes)`, { hint: 'in your spreadsheet, save it as "CSV UTF-8" and import that file' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${file} is not UTF-8 text`, { hint: 'in your spreadsheet, save it as "CSV UTF-8" and import that file' });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError(`${file} is empty`, { hint: 'save the sheet as CSV with a header row (Name, Email, Phone, …)' });

  const rows: CheckedRow[] = [];
  let columns: ColumnPlan | undefined;
  let line = 1;
  try {
    parse(text, {
      bom: true, delimiter, raw: true, relax_column_count: true, relax_quotes: true,
      // with raw: true each record arrives with its raw text, from which the next record's line follows
      on_record: (entry: string[]) => {
        const { record, raw } = entry as unknown as { record: string[]; raw: string };
        if (columns) rows.push(checkRow(record, columns, line));
        else if (record.every((cell) => cell.trim() === '')) {
          throw new UserError(`${file} has no header row`, { hint: 'the first line should name the columns, e.g. Name,Email,Phone' });
        } else columns = planColumns(record, mappings);
        line += (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0) + 1;
        return null;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new UserError(`${file}: the quote opened on line ${line} is never closed`, {
        hint: 'close it on that line; a quote inside a quoted field is written twice ("")',
      });
    }
    if (code.startsWith('CSV_') || code.startsWith('INVALID_')) {
      throw new UserError(`${file} cannot be read as CSV near line ${(error as { lines?: number }).lines ?? line}: ${(error as Error).message}`, {
        hint: 'check the quotes on that line, or the separator (--delimiter ";")',
      });
    }
    throw error;
  }
  if (!columns) throw new UserError(`${file} has no header row`, { hint: 'the first line should name the columns, e.g. Name,Email,Phone' });
  return { columns, rows };
}

function lookupIn(imports: ImportLookup): PersonLookup {
  return {
    byEmail: (email) => imports.byEmail(email),
    byPhoneDigits: (digits) => imports.byPhoneDigits(digits, phoneDigits),
    byNameKey: (key) => imports.byNameKey(key),
  };
}

/** A dry run only reads (and where there is no database yet, creates none): the file stays byte for byte as it was. */
function planOnly(rows: CheckedRow[], globals: GlobalOptions): Promise<ImportPlan> {
  return withStore(globals, 'read', (store) => planImport(rows, lookupIn(store.imports)));
}

/** One transaction: with a bad row and no --skip-bad, nothing is written at all. */
function importRows(rows: CheckedRow[], skipBad: boolean, globals: GlobalOptions, fileName: string): Promise<ImportPlan> {
  const now = toStored(new Date());
  return withStore(globals, 'write', (store) =>
    store.write(async ({ people, imports }) => {
      const plan = await planImport(rows, lookupIn(imports));
      if (plan.bad.length > 0 && !skipBad) return plan;
      const touched = new Set(plan.rows.filter((row) => row.action === 'update').map((row) => row.target));
      for (const target of plan.targets) {
        if (!target.existing) {
          await people.add({ name: target.name, nameKey: target.nameKey, rung: target.rung ?? undefined, source: 'import', ...target.details }, now);
          continue;
        }
        if (!touched.has(target)) continue;
        await people.replaceDetails(target.existing.id, target.details, now);
        if (target.rung !== null && target.rung !== target.existing.rung) {
          await people.moveToRung(target.existing.id, target.rung, { cause: 'import', detail: fileName, at: now });
        }
      }
      return plan;
    }),
  );
}
