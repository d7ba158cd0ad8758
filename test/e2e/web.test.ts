/**
 * Who knows whom and the places people share, through the built binary on either engine: relate and unrelate,
 * units and edit --unit, show's Knows and Places (and --json), undo, merge and forget, and the refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const name of ['Ana Ruiz', 'Bo Chen', 'Carla Díaz']) expect(box.run(['log', name, '--note', 'met']).code).toBe(0);
});
afterEach(() => box.cleanup());

function ok(args: string[]): { stdout: string; stderr: string } {
  const result = box.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

/** One refusal line and a hint, the exit code, and nothing on stdout. */
function refused(args: string[], code: number, message: RegExp): void {
  const result = box.run(args);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^oneonone: .*\nhint: .*\n$/);
  expect(result.stderr).toMatch(message);
}

interface Shown {
  knows: { kind: string; other: { name: string }; direction: string | null; note: string | null; endedAt: string | null }[];
  places: { name: string; kind: string; size: number | null }[];
}
const shown = (who: string) => box.json<Shown>(['show', who, '--json']);
const knows = (who: string) => shown(who).knows.map((r) => [r.kind, r.other.name, r.direction, r.note, r.endedAt === null ? 'open' : 'ended']);
const units = () => box.json<{ name: string; kind: string; size: number | null; people: number }[]>(['units', '--json']).map((u) => [u.name, u.kind, u.size, u.people]);

describe('relate and unrelate', () => {
  it('records how two people know each other, found by any part of their name, and shows it on both records', () => {
    const related = ok(['relate', 'ana', 'chen', '--as', 'coworker', '--note', 'same shift at the warehouse']);
    expect(related.stdout).toBe('');
    expect(related.stderr).toBe('Recorded: Ana Ruiz and Bo Chen are coworkers (same shift at the warehouse).\nUndo with: oneonone undo\n');
    expect(JSON.parse(ok(['relate', 'carla', '#1', '--as', 'leads', '--json']).stdout)).toMatchObject({ recorded: true, kind: 'leads', person: { name: 'Carla Díaz' }, other: { name: 'Ana Ruiz' } });
    expect(knows('Ana Ruiz')).toEqual([['coworker', 'Bo Chen', null, 'same shift at the warehouse', 'open'], ['leads', 'Carla Díaz', 'led-by', null, 'open']]);
    expect(knows('Bo Chen')).toEqual([['coworker', 'Ana Ruiz', null, 'same shift at the warehouse', 'open']]);
    const text = ok(['show', 'carla']).stdout;
    expect(text).toMatch(/\nKnows\n {2}leads: Ana Ruiz \(#1\), since .+\n/);
    expect(ok(['show', 'ana']).stdout).toMatch(/\nKnows\n {2}coworker: Bo Chen \(#2\), since [^\n]+ — same shift at the warehouse\n {2}led by: Carla Díaz \(#3\), since /);
  });

  it('relating twice the same way says so and changes nothing, either way round', () => {
    ok(['relate', 'Ana Ruiz', 'Bo Chen', '--as', 'neighbor']);
    const again = ok(['relate', 'Bo Chen', 'Ana Ruiz', '--as', 'neighbor', '--note', 'other words', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ recorded: false, id: null });
    expect(again.stderr).toMatch(/^Already recorded: Bo Chen and Ana Ruiz are neighbors \(since .+\); nothing changed\.\n$/);
    expect(knows('Ana Ruiz')).toEqual([['neighbor', 'Bo Chen', null, null, 'open']]);
    expect(box.sql(`SELECT count(*) AS n FROM relationships`)).toEqual([{ n: 1 }]);
    // Nothing was journaled either: undo takes back the first relate.
    expect(ok(['undo']).stderr).toMatch(/^Undid the correction of "Ana Ruiz and Bo Chen are neighbors" \(Ana Ruiz\)/);
    expect(knows('Ana Ruiz')).toEqual([]);
  });

  it('refuses in one line: a person related to themselves, an unknown kind, nobody by that name, nothing to end', () => {
    refused(['relate', 'ana', 'Ana Ruiz', '--as', 'friend'], 1, /Ana Ruiz \(#1\) cannot be related to themselves/);
    refused(['relate', 'ana', 'bo', '--as', 'enemy'], 1, /"enemy" is not a kind of relationship\nhint: --as takes one of: family, coworker, neighbor, same-building/);
    refused(['relate', 'ana', 'Zed Nobody', '--as', 'friend'], 1, /nobody called "Zed Nobody"/);
    refused(['unrelate', 'ana', 'bo'], 1, /Ana Ruiz and Bo Chen have no relationship recorded to end/);
    const missing = box.run(['relate', 'ana', 'bo']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--as <kind>' not specified/);
    expect(box.sql(`SELECT count(*) AS n FROM relationships`)).toEqual([{ n: 0 }]);
  });

  it('unrelate ends a relationship and keeps it, marked ended; undo takes back the unrelate, then the relate', () => {
    ok(['relate', 'ana', 'bo', '--as', 'friend']);
    ok(['relate', 'bo', 'ana', '--as', 'leads']);
    const ended = ok(['unrelate', 'ana', 'bo', '--as', 'friend', '--json']);
    expect(JSON.parse(ended.stdout).ended).toMatchObject([{ kind: 'friend' }]);
    expect(ended.stderr).toBe('Marked ended: "Ana Ruiz and Bo Chen are friends" (kept in both records, with the date).\nUndo with: oneonone undo\n');
    expect(knows('bo')).toEqual([['leads', 'Ana Ruiz', 'leads', null, 'open'], ['friend', 'Ana Ruiz', null, null, 'ended']]);
    expect(ok(['show', 'bo']).stdout).toMatch(/ {2}friend: Ana Ruiz \(#1\), .+ – .+, ended\n/);
    expect(ok(['unrelate', 'ana', 'bo']).stderr).toMatch(/^Marked ended: "Bo Chen leads Ana Ruiz"/);
    ok(['undo']);
    ok(['undo']);
    expect(knows('bo')).toEqual([['friend', 'Ana Ruiz', null, null, 'open'], ['leads', 'Ana Ruiz', 'leads', null, 'open']]);
    ok(['undo']);
    expect(knows('bo')).toEqual([['friend', 'Ana Ruiz', null, null, 'open']]);
  });
});

describe('units', () => {
  it('edit --unit puts a person in a unit, making a new one (kind other, or --unit-kind); --no-unit takes them out; units lists them', () => {
    const first = ok(['edit', 'ana', '--unit', 'Building 12', '--unit-kind', 'building']);
    expect(first.stderr).toBe('Corrected Ana Ruiz (#1):\n  unit: (none) → Building 12 (new, building)\nUndo with: oneonone undo\n');
    expect(ok(['edit', 'bo', '--unit', 'BUILDING 12', '--unit', 'Iglesia San José']).stderr).toContain('  unit: (none) → Building 12\n  unit: (none) → Iglesia San José (new, other)\n');
    expect(units()).toEqual([['Building 12', 'building', null, 2], ['Iglesia San José', 'other', null, 1]]);
    expect(ok(['edit', 'bo', '--unit', 'building 12']).stderr).toBe('Bo Chen (#2) already reads that way; nothing changed.\n');
    expect(ok(['edit', 'bo', '--no-unit', 'Building 12']).stderr).toContain('  unit: Building 12 → (none)\n');
    expect(shown('bo').places.map((p) => p.name)).toEqual(['Iglesia San José']);
    const table = ok(['units']).stdout;
    expect(table).toMatch(/│ Unit +│ Kind +│ Size │ People known │/);
    expect(table).toMatch(/│ Building 12 +│ building +│ — +│ 1 +│/);
    // --unit-kind is the kind of the unit being made: one that exists keeps its own.
    expect(ok(['edit', 'carla', '--unit', 'building 12', '--unit', 'Warehouse 3', '--unit-kind', 'worksite']).stderr)
      .toContain('  unit: (none) → Building 12\n  unit: (none) → Warehouse 3 (new, worksite)\n');
    expect(units()).toEqual([['Building 12', 'building', null, 2], ['Iglesia San José', 'other', null, 1], ['Warehouse 3', 'worksite', null, 1]]);
  });

  it('units add and units edit, with the unit found whatever its accents and case; show lists the places', () => {
    expect(ok(['units', 'add', 'Warehouse 3', '--kind', 'worksite', '--size', '120']).stderr).toBe('Added the unit Warehouse 3 (worksite, size 120).\nPut people in it with: oneonone edit NAME --unit "Warehouse 3"\n');
    ok(['edit', 'carla', '--unit', 'warehouse 3']);
    const edited = ok(['units', 'edit', 'WAREHOUSE 3', '--size', '140', '--name', 'Almacén 3', '--json']);
    expect(JSON.parse(edited.stdout)).toMatchObject({ unit: { name: 'Almacén 3', kind: 'worksite', size: 140, people: 1 }, changes: [{ field: 'name' }, { field: 'size', from: '120', to: '140' }] });
    expect(ok(['units', 'edit', 'almacen 3', '--kind', 'shift']).stderr).toContain('  kind: worksite → shift\n');
    expect(ok(['show', 'carla']).stdout).toMatch(/\nPlaces\n {2}Almacén 3 \(shift, size 140\), since .+\n/);
    ok(['undo']);
    expect(units()).toEqual([['Almacén 3', 'worksite', 140, 1]]);
  });

  it('refuses in one line: a unit that is not there, a name taken, a bad kind or size, leaving a unit one is not in', () => {
    ok(['units', 'add', 'Building 12', '--kind', 'building']);
    refused(['units', 'edit', 'Bilding 12', '--size', '4'], 1, /there is no unit called "Bilding 12"\nhint: did you mean "Building 12"\?/);
    refused(['units', 'add', 'building 12'], 1, /there is already a unit called Building 12/);
    refused(['units', 'add', 'Tower', '--kind', 'castle'], 1, /"castle" is not a kind of unit/);
    refused(['units', 'add', 'Tower', '--size', 'forty'], 1, /"forty" is not a size/);
    refused(['units', 'edit', 'Building 12'], 2, /nothing to change: give --kind, --size or --name/);
    refused(['edit', 'ana', '--no-unit', 'Building 12'], 1, /Ana Ruiz is not in Building 12/);
    refused(['edit', 'ana', '--unit', 'Building 12', '--unit-kind', 'school'], 1, /Building 12 is already a unit, of kind building: --unit-kind school names the kind of a new one/);
    refused(['edit', 'M1', '--unit', 'Building 12'], 2, /--unit does not apply to meeting M1/);
    refused(['edit', 'ana', '--unit', ' '], 1, /a unit needs a name/);
    refused(['units', 'add'], 2, /missing required argument 'name'/);
    refused(['units', 'Building 12'], 2, /too many arguments for 'list'/);
    expect(units()).toEqual([['Building 12', 'building', null, 0]]);
  });

  it('undo takes back an edit --unit, the unit it made with it', () => {
    ok(['edit', 'ana', '--unit', 'Night shift', '--unit-kind', 'shift']);
    ok(['undo']);
    expect(units()).toEqual([]);
    expect(shown('ana').places).toEqual([]);
    expect(ok(['units']).stderr).toMatch(/^No units yet\./);
  });
});

describe('merge and forget', () => {
  it('a merge keeps every relationship and place of the duplicate, once, and drops the one between the two', () => {
    ok(['log', 'Ana R.', '--note', 'the same Ana']);
    ok(['relate', 'Ana R.', 'bo', '--as', 'coworker', '--note', 'from the duplicate']);
    ok(['relate', 'Ana Ruiz', 'bo', '--as', 'coworker', '--note', 'from the kept']);
    ok(['relate', 'Ana R.', 'carla', '--as', 'leads']);
    ok(['relate', 'Ana R.', 'Ana Ruiz', '--as', 'friend']);
    ok(['edit', 'Ana R.', '--unit', 'Building 12', '--unit', 'San José']);
    ok(['edit', 'Ana Ruiz', '--unit', 'Building 12']);
    ok(['merge', 'Ana R.', 'Ana Ruiz']);
    expect(knows('Ana Ruiz')).toEqual([['coworker', 'Bo Chen', null, 'from the kept', 'open'], ['leads', 'Carla Díaz', 'leads', null, 'open']]);
    expect(knows('carla')).toEqual([['leads', 'Ana Ruiz', 'led-by', null, 'open']]);
    expect(shown('Ana Ruiz').places.map((p) => p.name)).toEqual(['Building 12', 'San José']);
    expect(units()).toEqual([['Building 12', 'other', null, 1], ['San José', 'other', null, 1]]);
  });

  it('forget erases the relationships and places of the person forgotten; the others and the units stay', () => {
    ok(['relate', 'ana', 'bo', '--as', 'family', '--note', 'cousin-secret-4471']);
    ok(['relate', 'bo', 'carla', '--as', 'friend']);
    ok(['edit', 'ana', '--unit', 'Building 12']);
    ok(['edit', 'bo', '--unit', 'Building 12']);
    ok(['forget', 'ana', '--yes']);
    expect(knows('bo')).toEqual([['friend', 'Carla Díaz', null, null, 'open']]);
    expect(box.sql(`SELECT note FROM relationships`)).toEqual([{ note: null }]);
    expect(units()).toEqual([['Building 12', 'other', null, 1]]);
    expect(box.sql(`SELECT count(*) AS n FROM unit_members`)).toEqual([{ n: 1 }]);
  });
});

describe('help', () => {
  it.each(['relate', 'unrelate', 'units', 'units add', 'units edit', 'edit'])('%s --help ends with an example', (command) => {
    const help = ok([...command.split(' '), '--help']).stdout;
    expect(help).toMatch(/\nExamples?:\n( {2}\$ oneonone .+\n)+$/);
  });
});
