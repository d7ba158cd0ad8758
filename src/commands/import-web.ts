import { basename } from 'node:path';
import { importWebReasons as reasons, importWebWords as words } from '../messages/import-web.js';
import { cellOf, namedPerson, noteOf, webColumns, type NamedPerson, type WebSheet } from '../people/import-web.js';
import { nameKey, sameName } from '../people/names.js';
import {
  RELATIONSHIP_KINDS, TOUCH_KINDS, UNIT_KINDS, type PeopleReader, type RelationshipKind, type TouchKind, type UnitKind, type WebReader, type WebRepository,
} from '../store/contract.js';
import { errorText } from '../messages/errors.js';
import { parseWhen, toStored } from '../support/dates.js';
import { UserError, worded } from '../support/errors.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';
import { bringRelationship, sameTouch } from './web-writes.js';

/** More contacts than anyone keeps with one person: the ones a row is compared with. */
const MOST_TOUCHES = 100_000;

export interface WebImportOptions {
  dryRun?: boolean;
  skipBad?: boolean;
  json?: boolean;
}

/** A row of the file: its line and cells. */
export interface SheetRow {
  line: number;
  cells: string[];
}

type TouchRow = { person: NamedPerson; by: TouchKind; note: string | null; at: string };
type RelationshipRow = { person: NamedPerson; other: NamedPerson; kind: RelationshipKind; note: string | null; since: string; ended: string | null };
type UnitRow = { name: string; kind: UnitKind | undefined; size: number | null | undefined };
type Checked<T> = { line: number; row: T } | { line: number; bad: string };

interface Counts {
  added: number;
  updated: number;
  skipped: number;
}

/** What the import did or would do; refused when bad rows stopped it (good: the rows that could have gone in). */
interface Outcome {
  bad: Bad[];
  counts: Counts;
  refused: boolean;
  good: number;
}

interface Bad {
  line: number;
  reason: string;
}

/**
 * `import touches.csv` (or relationships.csv, units.csv, as `export` writes them): each row checked, the people it
 * names found, then everything written in one transaction — or, with a bad row and no --skip-bad, nothing.
 * What the record already holds (the same contact, an open relationship, a unit as it is) is left as it was.
 */
export async function runWebImport(sheet: WebSheet, file: string, headers: string[], rows: SheetRow[], options: WebImportOptions, globals: GlobalOptions): Promise<void> {
  printMessage(words.reading(basename(file), sheet));
  const filled = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (filled.length === 0) throw new UserError(words.noRows(file), { hint: words.noRowsHint });
  const now = new Date();
  const checked = filled.map((row) => checkRow(sheet, headers, row, now));
  const dryRun = options.dryRun === true;
  const work = async (reader: Reader, web: WebRepository | undefined) => {
    const bad: Bad[] = [];
    const counts: Counts = { added: 0, updated: 0, skipped: 0 };
    const good: { line: number; apply: Apply; row: string }[] = [];
    for (const entry of checked) {
      if ('bad' in entry) {
        bad.push({ line: entry.line, reason: entry.bad });
        continue;
      }
      const apply = await planned(sheet, entry.row, reader, now.toISOString());
      if (typeof apply === 'string') bad.push({ line: entry.line, reason: apply });
      else good.push({ line: entry.line, apply, row: JSON.stringify(entry.row) });
    }
    if (bad.length > 0 && !options.skipBad) return { bad, counts, refused: true, good: good.length };
    // A dry run writes nothing, so a row the file repeats would count as new twice: it counts once, as the real run does.
    const seen = new Set<string>();
    for (const { apply, row } of good) {
      const repeated = web === undefined && seen.has(row);
      seen.add(row);
      counts[repeated ? 'skipped' : await apply(reader.web, web)]++;
    }
    return { bad, counts, refused: false, good: good.length };
  };
  const outcome = dryRun
    ? await withStore(globals, 'read', (store) => work(store, undefined))
    : await withStore(globals, 'write', (store) => store.write(async (tx) => {
      const result = await work(tx, tx.web);
      if (result.refused) throw new Refused(result);
      return result;
    }, { kind: 'import', detail: { file: basename(file) } })).catch((error: unknown) => {
      if (error instanceof Refused) return error.result;
      throw error;
    });
  report(sheet, outcome, dryRun, options.json === true);
}

class Refused extends Error {
  constructor(readonly result: Outcome) {
    super('refused');
  }
}

function report(sheet: WebSheet, outcome: Outcome, dryRun: boolean, json: boolean): void {
  const { bad, counts, refused, good } = outcome;
  if (bad.length > 0) printMessage([words.badTitle, ...bad.map((row) => words.badRow(row.line, row.reason))].join('\n'));
  if (json) printJson({ sheet, dryRun, refused, ...counts, bad });
  else if (!refused) printData(words.counts(sheet, counts, dryRun));
  if (refused) {
    throw worded(words.refused(bad.length, bad.map((row) => row.line), good, dryRun));
  }
}

function checkRow(sheet: WebSheet, headers: string[], { line, cells }: SheetRow, now: Date): Checked<TouchRow | RelationshipRow | UnitRow> {
  try {
    if (sheet === 'touches') return { line, row: touchRow(headers, cells, now) };
    if (sheet === 'relationships') return { line, row: relationshipRow(headers, cells, now) };
    return { line, row: unitRow(headers, cells) };
  } catch (error) {
    if (error instanceof UserError) return { line, bad: errorText(error).message };
    throw error;
  }
}

class BadCell extends UserError {}

function required(value: string | undefined, column: string): string {
  if (value === undefined) throw new BadCell(reasons.missing(column));
  return value;
}

function oneOf<T extends string>(value: string, choices: readonly T[], refusal: (given: string) => string): T {
  const text = value.toLowerCase();
  if (!(choices as readonly string[]).includes(text)) throw new BadCell(refusal(value));
  return text as T;
}

/** A moment as the export writes it (ISO-8601), or as a person types one ("2026-11-30 18:00", "nov 30 6pm"). */
function moment(text: string, field: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  return toStored(parseWhen(text, { now, field }));
}

function touchRow(headers: string[], cells: string[], now: Date): TouchRow {
  const c = webColumns('touches', headers);
  return {
    person: namedPerson(required(cellOf(cells, c.person), 'person'), cellOf(cells, c.personId), 'person')!,
    by: oneOf(required(cellOf(cells, c.by), 'by'), TOUCH_KINDS, reasons.badBy),
    note: noteOf(cellOf(cells, c.note)),
    at: moment(required(cellOf(cells, c.date), 'date'), 'contact date', now),
  };
}

function relationshipRow(headers: string[], cells: string[], now: Date): RelationshipRow {
  const c = webColumns('relationships', headers);
  const since = cellOf(cells, c.since);
  const ended = cellOf(cells, c.ended);
  const row: RelationshipRow = {
    person: namedPerson(required(cellOf(cells, c.person), 'person'), cellOf(cells, c.personId), 'person')!,
    other: namedPerson(required(cellOf(cells, c.other), 'other'), cellOf(cells, c.otherId), 'other')!,
    kind: oneOf(required(cellOf(cells, c.kind), 'kind'), RELATIONSHIP_KINDS, reasons.badKind),
    note: noteOf(cellOf(cells, c.note)),
    since: since === undefined ? now.toISOString() : moment(since, 'since date', now),
    ended: ended === undefined ? null : moment(ended, 'end date', now),
  };
  if (row.ended !== null && row.ended < row.since) throw new BadCell(reasons.endedBeforeSince);
  return row;
}

function unitRow(headers: string[], cells: string[]): UnitRow {
  const c = webColumns('units', headers);
  const kind = cellOf(cells, c.kind);
  const size = cellOf(cells, c.size);
  if (size !== undefined && (!/^\d+$/.test(size) || Number(size) < 1)) throw new BadCell(reasons.badSize(size));
  return {
    name: namedPerson(required(cellOf(cells, c.name), 'name'), undefined, 'unit name')!.name,
    kind: kind === undefined ? undefined : oneOf(kind, UNIT_KINDS, reasons.badUnitKind),
    size: c.size < 0 ? undefined : size === undefined ? null : Number(size),
  };
}

/** The person a row names: by the id where it is theirs, else by the name, which must then be one person's. */
async function whom(people: PeopleReader, named: NamedPerson): Promise<number | string> {
  if (named.id !== undefined) {
    const byId = await people.get(named.id);
    if (byId && sameName(byId.name, named.name)) return byId.id;
  }
  const same = (await people.withNameKey(nameKey(named.name))).filter((person) => sameName(person.name, named.name));
  if (same.length === 1) return same[0]!.id;
  return same.length === 0 ? reasons.nobody(named.name) : reasons.several(named.name, same.map((person) => person.id));
}

/** What the record is read through while the rows are planned. */
type Reader = { people: PeopleReader; web: WebReader };
/** What the row does to the record, read through `web`; written only where `write` is given (not in a dry run). */
type Apply = (web: WebReader, write: WebRepository | undefined) => Promise<'added' | 'updated' | 'skipped'>;

/** What writing the row will do, once the people it names are found; or why it cannot be written. */
async function planned(sheet: WebSheet, row: TouchRow | RelationshipRow | UnitRow, reader: Reader, now: string): Promise<Apply | string> {
  if (sheet === 'units') return plannedUnit(row as UnitRow, now);
  const person = await whom(reader.people, (row as TouchRow).person);
  if (typeof person === 'string') return person;
  if (sheet === 'touches') {
    const touch = row as TouchRow;
    const made = { personId: person, by: touch.by, note: touch.note, touchedAt: touch.at };
    return async (web, write) => {
      if ((await web.touchesOf(person, MOST_TOUCHES)).some((known) => sameTouch(known, made))) return 'skipped';
      await write?.touch(made, now);
      return 'added';
    };
  }
  const relation = row as RelationshipRow;
  const other = await whom(reader.people, relation.other);
  if (typeof other === 'string') return other;
  if (other === person) return reasons.self(relation.person.name);
  const brought = { kind: relation.kind, note: relation.note, since: relation.since, endedAt: relation.ended };
  return async (web, write) => ((await bringRelationship(web, write, person, other, brought)) ? 'added' : 'skipped');
}

function plannedUnit(unit: UnitRow, now: string): Apply {
  return async (web, write) => {
    const known = await web.unitWithKey(nameKey(unit.name));
    if (!known) {
      await write?.addUnit({ name: unit.name, nameKey: nameKey(unit.name), kind: unit.kind ?? 'other', size: unit.size ?? null }, now);
      return 'added';
    }
    const edit = {
      ...(unit.kind !== undefined && unit.kind !== known.kind ? { kind: unit.kind } : {}),
      ...(unit.size !== undefined && unit.size !== null && unit.size !== known.size ? { size: unit.size } : {}),
    };
    if (Object.keys(edit).length === 0) return 'skipped';
    await write?.editUnit(known.id, edit, now);
    return 'updated';
  };
}
