import { webRefusals, webWords } from '../messages/web.js';
import { cleanName, closeNames, nameKey } from '../people/names.js';
import { UNIT_KINDS, type Unit, type UnitEdit, type UnitKind, type Store, type WebReader } from '../store/contract.js';
import { UsageError, worded } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { renderUnits } from '../ui/web.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface UnitsOptions {
  json?: boolean;
}

export interface UnitAddOptions {
  kind?: string;
  size?: string;
  json?: boolean;
}

export interface UnitEditOptions {
  kind?: string;
  size?: string;
  name?: string;
  json?: boolean;
}

/** `units`: every building, worksite, congregation … with its kind, size and how many people known belong to it. */
export async function runList(options: UnitsOptions, globals: GlobalOptions): Promise<void> {
  const units = await withStore(globals, 'read', (store) => store.web.units());
  if (options.json) printJson(units);
  else renderUnits(units, useColor(globals));
}

/** `units add NAME --kind KIND --size N`. */
export async function runAdd(nameInput: string, options: UnitAddOptions, globals: GlobalOptions): Promise<void> {
  const name = unitName(nameInput);
  const kind = options.kind === undefined ? 'other' : parseUnitKind(options.kind);
  const size = options.size === undefined ? null : parseSize(options.size);
  const now = new Date().toISOString();
  const unit = await withStore(globals, 'write', async (store) => {
    const taken = await store.web.unitWithKey(nameKey(name));
    if (taken) throw worded(webRefusals.unitTaken(taken.name));
    await store.write((tx) => tx.web.addUnit({ name, nameKey: nameKey(name), kind, size }, now), { kind: 'edit', detail: { item: webWords.unitItem(name) } });
    return (await store.web.unitWithKey(nameKey(name)))!;
  });
  if (options.json) printJson(unit);
  printMessage(webWords.unitAdded(unit));
}

/** `units edit NAME [--kind] [--size] [--name]`: a unit corrected; `undo` puts it back. */
export async function runEdit(nameInput: string, options: UnitEditOptions, globals: GlobalOptions): Promise<void> {
  if (options.kind === undefined && options.size === undefined && options.name === undefined) {
    throw new UsageError(webRefusals.nothingToChange.message, webRefusals.nothingToChange.hint);
  }
  const edit: UnitEdit = {};
  if (options.kind !== undefined) edit.kind = parseUnitKind(options.kind);
  if (options.size !== undefined) edit.size = options.size.trim() === '' ? null : parseSize(options.size);
  if (options.name !== undefined) {
    edit.name = unitName(options.name);
    edit.nameKey = nameKey(edit.name);
  }
  const now = new Date().toISOString();
  const result = await withStore(globals, 'write', async (store) => {
    const unit = await findUnit(store.web, nameInput);
    if (edit.nameKey !== undefined && edit.nameKey !== nameKey(unit.name)) {
      const taken = await store.web.unitWithKey(edit.nameKey);
      if (taken) throw worded(webRefusals.unitTaken(taken.name));
    }
    const changes = unitChanges(unit, edit);
    if (changes.length) await store.write((tx) => tx.web.editUnit(unit.id, edit, now), { kind: 'edit', detail: { item: webWords.unitItem(unit.name) } });
    return { unit, changes, after: (await store.web.unitWithKey(nameKey(edit.name ?? unit.name)))! };
  });
  if (options.json) printJson({ unit: result.after, changes: result.changes });
  printMessage(result.changes.length ? webWords.unitCorrected(result.unit.name, result.changes) : webWords.unitUnchanged(result.unit.name));
}

function unitChanges(unit: Unit, edit: UnitEdit): { field: string; from: string; to: string }[] {
  const shown = (value: string | number | null) => (value === null ? '(none)' : String(value));
  const changes: { field: string; from: string; to: string }[] = [];
  if (edit.name !== undefined && edit.name !== unit.name) changes.push({ field: 'name', from: unit.name, to: edit.name });
  if (edit.kind !== undefined && edit.kind !== unit.kind) changes.push({ field: 'kind', from: unit.kind, to: edit.kind });
  if (edit.size !== undefined && edit.size !== unit.size) changes.push({ field: 'size', from: shown(unit.size), to: shown(edit.size) });
  return changes;
}

/** The unit a name means: accents, case, apostrophes and spacing do not matter, as for people's names. */
export async function findUnit(web: WebReader, input: string): Promise<Unit> {
  const unit = await web.unitWithKey(nameKey(unitName(input)));
  if (unit) return unit;
  throw worded(webRefusals.noUnit(input, closeNames(input, (await web.units()).map((u) => u.name))));
}

export function parseUnitKind(input: string): UnitKind {
  const kind = input.trim().toLowerCase();
  if (!(UNIT_KINDS as readonly string[]).includes(kind)) throw worded(webRefusals.badUnitKind(input));
  return kind as UnitKind;
}

function parseSize(input: string): number {
  if (!/^\s*\d+\s*$/.test(input) || Number(input) < 1 || Number(input) > 10_000_000) throw worded(webRefusals.badSize(input));
  return Number(input);
}

/** What `edit PERSON --unit NAME / --no-unit NAME` asks for, in the order given. */
export interface UnitMove {
  name: string;
  leave: boolean;
}

/** Each move against the units as they are: a unit to join (made when new), one to leave (which must exist). */
export interface PlannedMove {
  leave: boolean;
  unit: Unit | undefined;
  name: string;
  kind: UnitKind;
}

export async function planMoves(store: Store, moves: UnitMove[], kindInput: string | undefined): Promise<PlannedMove[]> {
  const wanted = kindInput === undefined ? undefined : parseUnitKind(kindInput);
  if (wanted !== undefined && !moves.some((move) => !move.leave)) throw new UsageError(webRefusals.unitKindAlone.message, webRefusals.unitKindAlone.hint);
  const planned: PlannedMove[] = [];
  for (const move of moves) {
    if (move.leave) {
      planned.push({ leave: true, unit: await findUnit(store.web, move.name), name: move.name, kind: 'other' });
      continue;
    }
    const name = unitName(move.name);
    const unit = await store.web.unitWithKey(nameKey(name));
    planned.push({ leave: false, unit, name: unit?.name ?? name, kind: unit?.kind ?? wanted ?? 'other' });
  }
  // --unit-kind is the kind of the units --unit makes; said of units that all exist, as another kind, it would change nothing.
  const joined = planned.filter((move) => !move.leave);
  const other = joined.find((move) => move.unit && move.unit.kind !== wanted);
  if (wanted !== undefined && joined.every((move) => move.unit) && other) throw worded(webRefusals.unitKindDiffers(other.name, other.kind, wanted));
  return planned;
}

/** A unit's name, checked as a person's is (length, control characters), with words of its own when it is empty. */
function unitName(input: string): string {
  if (input.trim() === '') throw worded(webRefusals.emptyUnitName);
  return cleanName(input, 'unit name');
}
