import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  checkRow, detailsChanged, parseMapping, phoneDigits, planColumns, planImport,
  type CheckedRow, type ColumnPlan, type ImportField, type ImportPlan, type ImportRules, type ImportTarget, type KnownContact, type KnownPerson,
  type PersonLookup,
} from '../people/import.js';
import { webSheetOf, type WebSheet } from '../people/import-web.js';
import { toStored } from '../support/dates.js';
import { DomainError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import type { ImportLookup, PeopleReader, WebReader, WebRepository } from '../store/contract.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { importReport, renderBadRows, renderImportCounts, renderImportPeople, type TargetIds } from '../ui/import.js';
import { startProgress } from '../ui/progress.js';
import { importWords } from '../messages/import.js';
import { progressWords } from '../messages/progress.js';
import { withStore, type GlobalOptions } from './context.js';
import type { SheetRow } from './import-web.js';
import { unitCalled } from './web-writes.js';

export interface ImportOptions {
  map: string[];
  delimiter?: string;
  dryRun?: boolean;
  skipBad?: boolean;
  demote?: boolean;
  overwrite?: boolean;
  json?: boolean;
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export async function run(file: string, options: ImportOptions, globals: GlobalOptions): Promise<void> {
  const mappings = options.map.map(parseMapping);
  const chosenDelimiter = checkDelimiter(options.delimiter);
  const read = readRows(file, chosenDelimiter, mappings);
  if (read.sheet !== undefined) {
    if (mappings.length > 0) throw new DomainError('import.map-on-sheet', { file: basename(file), sheet: read.sheet });
    const { runWebImport } = await import('./import-web.js');
    return runWebImport(read.sheet, file, read.headers, read.records, options, globals);
  }
  const { columns, rows } = read;
  if (columns.ignored.length > 0) printMessage(importWords().ignoring(columns.ignored));
  if (!rows.some((row) => row.kind !== 'blank')) {
    throw new DomainError('import.no-people', { file });
  }

  const rules: ImportRules = { demote: options.demote === true, overwrite: options.overwrite === true };
  const skipBad = options.skipBad === true;
  const dryRun = options.dryRun === true;
  let outcome: { plan: ImportPlan; ids: TargetIds };
  if (dryRun) outcome = { plan: await planOnly(rows, rules, globals), ids: new Map() };
  else {
    // Where there is no database yet, a refusal must not leave an empty one behind: plan first, create nothing.
    const planned = !skipBad && !existsSync(databasePath(globals.db)) ? await planOnly(rows, rules, globals) : undefined;
    outcome = planned && planned.bad.length > 0 ? { plan: planned, ids: new Map() } : await importRows(rows, rules, skipBad, globals, basename(file));
  }
  const { plan, ids } = outcome;
  const refused = plan.bad.length > 0 && !skipBad;

  if (plan.bad.length > 0) printMessage(renderBadRows(plan.bad));
  if (options.json) printJson(importReport(plan, { dryRun, refused, ids }));
  else {
    const people = renderImportPeople(plan, { dryRun, ids });
    if ((dryRun || !refused) && people !== '') printData(people);
    if (!refused) printData(renderImportCounts(plan, dryRun));
  }
  if (refused) {
    const good = plan.rows.length;
    throw new DomainError('import.bad-rows', { lines: plan.bad.map((bad) => bad.line), good, dryRun });
  }
}

function checkDelimiter(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  const delimiter = input === '\\t' || input.toLowerCase() === 'tab' ? '\t' : input;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new DomainError('import.bad-delimiter', { input });
  }
  return delimiter;
}

/** Windows-1252 where it differs from Latin-1 (0x80–0x9F); the five bytes it leaves undefined stay control characters. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Node's TextDecoder reads "windows-1252" as Latin-1 (curly quotes and € come out as control characters), so by hand. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte));
    text += String.fromCharCode(...codes);
  }
  return text;
}

type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

/**
 * The text of a file as spreadsheets save it: a byte-order mark says UTF-8 or UTF-16 (little- or big-endian);
 * UTF-16 without one shows as a NUL beside every ASCII letter; otherwise strict UTF-8, and where that fails,
 * Windows-1252 (what Excel on Windows writes as "CSV").
 */
function decodeText(bytes: Buffer, file: string): { text: string; encoding: Encoding } {
  const utf16 = (encoding: 'UTF-16LE' | 'UTF-16BE'): { text: string; encoding: Encoding } => {
    try {
      return { text: new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes), encoding };
    } catch {
      throw new DomainError('import.bad-encoding', { file, encoding: encoding.slice(0, 6), bom: false });
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
    } catch {
      throw new DomainError('import.bad-encoding', { file, encoding: 'UTF-8', bom: true });
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('UTF-16BE');
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return utf16('UTF-16LE');
    if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return utf16('UTF-16BE');
  }
  if (bytes.includes(0)) throw new DomainError('import.not-text', { file, nul: 'bytes' });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

/** The separator, when --delimiter does not say: a comma, unless the header row has none and has semicolons or tabs. */
function detectDelimiter(text: string): string {
  const header = firstRecord(text);
  const count = (separator: string): number => {
    let inQuotes = false;
    let found = 0;
    for (const char of header) {
      if (char === '"') inQuotes = !inQuotes;
      else if (char === separator && !inQuotes) found++;
    }
    return found;
  };
  if (count(',') > 0) return ',';
  const semicolons = count(';');
  const tabs = count('\t');
  if (semicolons === 0 && tabs === 0) return ',';
  return tabs > semicolons ? '\t' : ';';
}

/** The header row's text: up to the first line break outside quotes. */
function firstRecord(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if ((char === '\n' || char === '\r') && !inQuotes) return text.slice(0, i);
  }
  return text;
}

/**
 * Every refusal happens here, before the database is opened: missing, empty, huge, binary or broken files.
 * Each record is checked as it is parsed, so only the checked people are kept, not the cells.
 */
type ReadSheet =
  | { sheet: undefined; columns: ColumnPlan; rows: CheckedRow[] }
  | { sheet: WebSheet; headers: string[]; records: SheetRow[] };

function readRows(file: string, chosenDelimiter: string | undefined, mappings: { header: string; field: ImportField }[]): ReadSheet {
  if (!existsSync(file)) throw new DomainError('import.no-file', { file });
  const stat = statSync(file);
  if (stat.isDirectory()) throw new DomainError('import.folder', { file });
  if (stat.size > MAX_IMPORT_BYTES) {
    throw new DomainError('import.too-big', { file, megabytes: (stat.size / 1024 / 1024).toFixed(1) });
  }
  const bytes = readFileSync(file);
  if (bytes.length === 0) throw new DomainError('import.empty', { file });
  const { text: decoded, encoding } = decodeText(bytes, file);
  const text = decoded.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new DomainError('import.not-text', { file, nul: 'characters' });
  if (text.trim() === '') throw new DomainError('import.empty', { file });
  if (encoding === 'Windows-1252') {
    printMessage(importWords().windows1252(basename(file)));
  }
  const delimiter = chosenDelimiter ?? detectDelimiter(text);
  if (chosenDelimiter === undefined && delimiter !== ',') {
    printMessage(importWords().separatedBy(basename(file), delimiter as ';' | '\t'));
  }

  const rows: CheckedRow[] = [];
  let columns: ColumnPlan | undefined;
  let web: { sheet: WebSheet; headers: string[]; records: SheetRow[] } | undefined;
  let line = 1;
  try {
    parse(text, {
      delimiter, raw: true, relax_column_count: true, relax_quotes: true,
      // with raw: true each record arrives with its raw text, from which the next record's line follows
      on_record: (entry: string[]) => {
        const { record, raw } = entry as unknown as { record: string[]; raw: string };
        if (columns) rows.push(checkRow(record, columns, line));
        else if (web) web.records.push({ line, cells: record });
        else if (record.every((cell) => cell.trim() === '')) {
          throw new DomainError('import.no-header', { file });
        } else {
          const sheet = webSheetOf(record);
          if (sheet) web = { sheet, headers: record, records: [] };
          else columns = planColumns(record, mappings);
        }
        line += (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0) + 1;
        return null;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new DomainError('import.quote-unclosed', { file, line });
    }
    if (code.startsWith('CSV_') || code.startsWith('INVALID_')) {
      throw new DomainError('import.unreadable-csv', { file, line: (error as { lines?: number }).lines ?? line, reason: (error as Error).message });
    }
    throw error;
  }
  if (web) return web;
  if (!columns) throw new DomainError('import.no-header', { file });
  return { sheet: undefined, columns, rows };
}

/**
 * The import's lookups find people by their contact details; the organizer's judgments (potential, who referred
 * them) come from the person's record, so the plan can tell what it would replace.
 */
function lookupIn(imports: ImportLookup, people: PeopleReader, web: WebReader): PersonLookup {
  const withJudgments = async (contact: KnownContact): Promise<KnownPerson> => {
    const [row, referrer, places] = await Promise.all([people.get(contact.id), people.referredBy(contact.id), web.placesOf(contact.id)]);
    return {
      ...contact, potential: row?.potential ?? null, assessment: row?.assessment ?? 0, units: places.map((place) => place.name),
      language: row?.language ?? null, interpreter: row?.interpreter ?? false,
      referredBy: referrer?.id ?? null, referredByName: referrer?.name ?? null,
    };
  };
  const one = async (found: KnownContact | undefined): Promise<KnownPerson | undefined> => (found ? withJudgments(found) : undefined);
  return {
    byEmail: async (email) => one(await imports.byEmail(email)),
    byPhoneDigits: async (digits) => one(await imports.byPhoneDigits(digits, phoneDigits)),
    byNameKey: async (key) => Promise.all((await imports.byNameKey(key)).map(withJudgments)),
  };
}

/** The units the file adds them to, each made (of kind other) where the record has none of that name. */
async function joinUnits(web: WebRepository, personId: number, target: ImportTarget, known: string[], now: string): Promise<void> {
  for (const name of target.units.slice(known.length)) await web.join(personId, await unitCalled(web, name, now), now);
}

/** A dry run only reads (and where there is no database yet, creates none): the file stays byte for byte as it was. */
async function planOnly(rows: CheckedRow[], rules: ImportRules, globals: GlobalOptions): Promise<ImportPlan> {
  const progress = startProgress(progressWords.checking, rows.length);
  try {
    return await withStore(globals, 'read', (store) => planImport(rows, lookupIn(store.imports, store.people, store.web), rules, progress.update));
  } finally {
    progress.stop();
  }
}

/** One transaction: with a bad row and no --skip-bad, nothing is written at all. */
function importRows(rows: CheckedRow[], rules: ImportRules, skipBad: boolean, globals: GlobalOptions, fileName: string): Promise<{ plan: ImportPlan; ids: TargetIds }> {
  const now = toStored(new Date());
  const progress = startProgress(progressWords.checking, rows.length);
  return withStore(globals, 'write', (store) =>
    store.write(async ({ people, imports, web }) => {
      progress.stage(progressWords.checking, rows.length);
      const plan = await planImport(rows, lookupIn(imports, people, web), rules, progress.update);
      const ids: TargetIds = new Map();
      if (plan.bad.length > 0 && !skipBad) return { plan, ids };
      // A new person's work is adding them; a known person's is writing what changed (the second loop).
      progress.stage(progressWords.importing, plan.targets.length);
      let done = 0;
      for (const target of plan.targets) {
        if (target.existing) {
          ids.set(target, target.existing.id);
          continue;
        }
        const id = await people.add({
          name: target.name, nameKey: target.nameKey, rung: target.rung ?? undefined, potential: target.potential, source: 'import', ...target.details,
          language: target.language, interpreter: target.interpreter,
        }, now);
        ids.set(target, id);
        progress.update(++done);
      }
      const idOf = (target: ImportTarget): number => ids.get(target)!;
      for (const target of plan.targets) {
        const id = idOf(target);
        const known = target.existing;
        if (known) {
          progress.update(++done);
          if (detailsChanged(target)) await people.replaceDetails(id, target.details, now);
          if (target.rung !== null && target.rung !== known.rung) {
            await people.moveToRung(id, target.rung, { cause: 'import', detail: fileName, at: now });
          }
          if (target.potential !== null && target.potential !== known.potential) await people.setPotential(id, target.potential, now);
          if (target.language !== known.language || target.interpreter !== known.interpreter) {
            await people.updateDetails(id, { language: target.language, interpreter: target.interpreter }, now);
          }
        }
        if (target.assessment !== (known?.assessment ?? 0)) await people.assess(id, target.assessment, { cause: 'import', reason: fileName, at: now });
        await joinUnits(web, id, target, known?.units ?? [], now);
        const referrer = target.referrer;
        if (referrer === null) continue;
        const referrerId = referrer.id ?? (referrer.target ? idOf(referrer.target) : undefined);
        if (referrerId !== undefined && referrerId !== known?.referredBy) await people.setReferredBy(id, referrerId, now);
      }
      return { plan, ids };
    }, { kind: 'import', detail: { file: fileName } }),
  ).finally(() => progress.stop());
}
