/**
 * The web of relationships through export and import, on the built binary and either engine: assessments and units
 * in the people sheet, contacts, relationships and units in sheets of their own, read back into a new record and
 * into the same one (where nothing is doubled), with a dry run, bad rows and the assessment kept as a judgment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, succeeded, type Sandbox } from './helpers.js';

const SHEETS = ['people', 'units', 'touches', 'relationships'] as const;

let box: Sandbox;
let other: Sandbox;
beforeEach(() => {
  box = sandbox();
  other = sandbox();
  const ok = (args: string[]) => succeeded(box, args);
  ok(['log', 'Ana Ruiz', '--rung', 'leader', '--assess', '1', '--date', '2026-01-05 18:00']);
  ok(['log', 'Bo Chen', '--assess', '2', '--date', '2026-01-06 18:00']);
  ok(['log', 'Cy Dee', '--date', '2026-01-07 18:00']);
  ok(['log', 'Bo Chen', '--new', '--date', '2026-01-08 18:00']);
  ok(['edit', 'cy', '--assess', '3', '--reason', 'undecided on the strike']);
  ok(['edit', 'ana', '--unit', 'Building 12', '--unit-kind', 'building']);
  ok(['units', 'edit', 'Building 12', '--size', '40']);
  ok(['edit', '#2', '--unit', 'Building 12', '--unit', 'Night shift']);
  ok(['units', 'edit', 'Night shift', '--kind', 'shift']);
  ok(['relate', 'ana', '#2', '--as', 'leads', '--note', 'since the rent strike']);
  ok(['relate', 'ana', 'cy', '--as', 'family']);
  ok(['unrelate', 'ana', 'cy']);
  ok(['relate', 'ana', 'cy', '--as', 'friend']);
  ok(['relate', 'cy', '#4', '--as', 'neighbor']);
  ok(['touch', '#2', '--by', 'door', '--note', 'not home', '--date', '2026-01-09 10:00']);
  ok(['touch', 'ana', '--by', 'call', '--date', '2026-01-10 19:30']);
  for (const sheet of SHEETS) ok(['export', sheet, '--out', file(sheet)]);
});
afterEach(() => {
  box.cleanup();
  other.cleanup();
});

const file = (sheet: string) => join(box.dir, `${sheet}.csv`);

interface Shown {
  person: { name: string; rung: string; assessment: number };
  assessmentHistory: { fromLevel: number; toLevel: number; cause: string; reason: string | null }[];
  knows: { kind: string; other: { id: number; name: string }; direction: string | null; note: string | null; since: string; endedAt: string | null }[];
  places: { name: string; kind: string; size: number | null }[];
  touches: { by: string; note: string | null; touchedAt: string }[];
}

/** What the web says of each of the four people, without what a new record numbers or dates anew. */
function web(where: Sandbox) {
  return [1, 2, 3, 4].map((id) => {
    const shown = where.json<Shown>(['show', `#${id}`, '--json']);
    return {
      name: shown.person.name, rung: shown.person.rung, assessment: shown.person.assessment,
      knows: shown.knows.map((r) => ({ kind: r.kind, other: r.other, direction: r.direction, note: r.note, since: r.since, endedAt: r.endedAt })),
      places: shown.places.map((p) => ({ name: p.name, kind: p.kind, size: p.size })),
      touches: shown.touches.map((t) => ({ by: t.by, note: t.note, touchedAt: t.touchedAt })),
    };
  });
}

function importAll(where: Sandbox): string[] {
  return SHEETS.map((sheet) => succeeded(where, ['import', file(sheet)]).stdout);
}

describe('the web through export and import', () => {
  it('a new record read from the four sheets holds the same assessments, units, contacts and relationships', () => {
    const before = web(box);
    expect(before[0]).toMatchObject({ assessment: 1, places: [{ name: 'Building 12', kind: 'building', size: 40 }] });
    expect(before[1]!.places.map((p) => p.name)).toEqual(['Building 12', 'Night shift']);
    expect(before[0]!.knows.map((r) => [r.kind, r.other.name, r.endedAt === null])).toEqual([['leads', 'Bo Chen', true], ['friend', 'Cy Dee', true], ['family', 'Cy Dee', false]]);
    const said = importAll(other);
    expect(said[0]).toMatch(/Added 4, changed 0, left 0 unchanged\./);
    expect(said[1]).toMatch(/^Added 0 units; corrected 2\./);
    expect(said[2]).toMatch(/^Added 2 contacts\./);
    expect(said[3]).toMatch(/^Added 4 relationships\./);
    expect(web(other)).toEqual(before);
    // The assessment came in as the import's, dated and named by the file.
    const history = other.json<Shown>(['show', 'cy', '--json']).assessmentHistory;
    expect(history).toEqual([expect.objectContaining({ fromLevel: 0, toLevel: 3, cause: 'import', reason: 'people.csv' })]);
  });

  it('read again, into that record or the one it came from, nothing is doubled or changed', () => {
    importAll(other);
    const once = web(other);
    const again = importAll(other);
    expect(again[0]).toMatch(/Added 0, changed 0, left 4 unchanged\./);
    expect(again.slice(1)).toEqual([
      'Added 0 units; 2 already in the record, left as they were.\n',
      'Added 0 contacts; 2 already in the record, left as they were.\n',
      'Added 0 relationships; 4 already in the record, left as they were.\n',
    ]);
    expect(web(other)).toEqual(once);
    const home = web(box);
    importAll(box);
    expect(web(box)).toEqual(home);
  });

  it('a dry run says what it would add and writes nothing; --json counts', () => {
    succeeded(other, ['import', file('people')]);
    const dry = succeeded(other, ['import', file('touches'), '--dry-run']);
    expect(dry.stdout).toBe('Would add 2 contacts. Nothing was changed (dry run).\n');
    // A row the file repeats is one contact, in a dry run as in the real one.
    const twice = join(other.dir, 'twice.csv');
    writeFileSync(twice, 'person,by,note,date\nAna Ruiz,call,,2026-01-10T19:30:00.000Z\nAna Ruiz,call,,2026-01-10T19:30:00.000Z\n');
    expect(succeeded(other, ['import', twice, '--dry-run']).stdout).toBe('Would add 1 contact; 1 already in the record, left as it was. Nothing was changed (dry run).\n');
    expect(dry.stderr).toBe('Reading touches.csv as contacts (touches): its columns say so.\n');
    expect(web(other).flatMap((p) => p.touches)).toEqual([]);
    expect(JSON.parse(succeeded(other, ['import', file('relationships'), '--json']).stdout)).toEqual({
      sheet: 'relationships', dryRun: false, refused: false, added: 4, updated: 0, skipped: 0, bad: [],
    });
  });

  it('a row naming nobody, or a way of contact it does not know, refuses the file; --skip-bad imports the rest', () => {
    succeeded(other, ['import', file('people')]);
    const bad = join(other.dir, 'touches.csv');
    writeFileSync(bad, 'person,by,note,date\nAna Ruiz,call,,2026-01-10T19:30:00.000Z\nZed Nobody,door,,2026-01-11T10:00:00.000Z\nBo Chen,fax,,2026-01-11\n');
    const refused = other.run(['import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('  line 3: nobody in your records is called "Zed Nobody"');
    expect(refused.stderr).toContain('  line 4: "fax" is not a way of contact (one of: call, text, door, event, other)');
    expect(refused.stderr).toMatch(/\noneonone: nothing was imported: 2 bad rows \(lines 3, 4\)\nhint: fix them in the file, or add --skip-bad to import the other 1 row\n$/);
    expect(web(other).flatMap((p) => p.touches)).toEqual([]);
    expect(succeeded(other, ['import', bad, '--skip-bad']).stdout).toMatch(/^Added 1 contact\./);
    expect(web(other)[0]!.touches).toEqual([{ by: 'call', note: null, touchedAt: '2026-01-10T19:30:00.000Z' }]);
  });

  it('an assessment the record has is a judgment: the file replaces it only with --overwrite; undo takes an import back', () => {
    const sheet = join(box.dir, 'change.csv');
    writeFileSync(sheet, 'name,assessment,units\nAna Ruiz,4,Building 12; Block 5\n');
    const kept = succeeded(box, ['import', sheet]);
    expect(kept.stdout).toMatch(/assessment: kept 1 \(the file says 4; --overwrite takes it\)/);
    expect(kept.stdout).toMatch(/units: Building 12 → Building 12; Block 5/);
    expect(web(box)[0]).toMatchObject({ assessment: 1, places: [{ name: 'Block 5', kind: 'other', size: null }, { name: 'Building 12' }] });
    succeeded(box, ['import', sheet, '--overwrite']);
    expect(web(box)[0]!.assessment).toBe(4);
    succeeded(box, ['undo']);
    expect(web(box)[0]!.assessment).toBe(1);
    succeeded(box, ['undo']);
    expect(web(box)[0]!.places.map((p) => p.name)).toEqual(['Building 12']);
  });
});
