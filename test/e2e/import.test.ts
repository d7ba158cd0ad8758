import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINE, fileBytes, sandbox, type Sandbox } from './helpers.js';
import { hasDatabase, serverState } from './figures.js';

interface Counts {
  added: number;
  updated: number;
  skipped: number;
  bad: { line: number; reason: string }[];
}

interface PersonOut {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  source: string | null;
  rung: string;
}

/** A sign-in sheet as spreadsheets really write them: BOM, CRLF, odd headers, a quoted comma, a line break, a repeat. */
const MESSY = [
  '\uFEFF First_Name ,Last Name,E-Mail,Mobile,Neighbourhood,School,Comments,Level,Shirt size',
  'Ana,Ruiz,ANA@example.org,(555) 010-0100,Eastside,Lincoln Elementary,"rent, repairs",participant,M',
  'Bo,Chen,bo@example.org,555 010 0200,,,"two',
  'lines",2,L',
  'Carla,Díaz,,,Northside,,,,S', // a new person with only a name
  ',,nobody@example.org,,,,,,', // line 6: no name
  'Ana,R.,ana@example.org,,,,"likes mornings",,M', // line 7: same email as line 2, another way of writing her name
  'Dee,Evans,,+1 555 010 0300,,,,,', // line 8
  ',,,,,,,,', // an empty spreadsheet row, ignored
  '',
].join('\r\n');

function people(box: Sandbox): PersonOut[] {
  return box.sql<PersonOut>(`SELECT id, name, email, phone, neighborhood, organization, notes, source, rung FROM people ORDER BY id`);
}

/** The record as it stands: the file byte for byte, or on a server every table's rows and its ids' sequences. */
function record(box: Sandbox): unknown {
  return ENGINE === 'sqlite' ? createHash('sha256').update(fileBytes(box.db)).digest('hex') : serverState(box);
}

describe('import', () => {
  let box: Sandbox;
  let csv: string;

  beforeEach(() => {
    box = sandbox();
    csv = join(box.dir, 'sheet.csv');
    writeFileSync(csv, MESSY);
    // Someone already known, by phone written differently, and someone known by name only.
    expect(box.run(['log', 'Dee Evans', '--phone', '555.010.0300', '--date', '2026-11-02 18:00']).code).toBe(0);
    expect(box.run(['log', 'carla diaz', '--date', '2026-11-03 18:00', '--rung', 'volunteer']).code).toBe(0);
  });

  afterEach(() => box.cleanup());

  it('by default a bad row stops the whole import: nothing is written, the row is named by its line, exit 1', () => {
    const before = record(box);
    const result = box.run(['import', csv]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Ignoring column "Shirt size"');
    expect(result.stderr).toContain('line 6: the name is empty');
    expect(result.stderr).toContain('oneonone: nothing was imported: 1 bad row (line 6)');
    expect(result.stderr).toContain('hint: fix it in the file, or add --skip-bad');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(record(box)).toEqual(before);
    expect(people(box).map((person) => person.name)).toEqual(['Dee Evans', 'carla diaz']);
  });

  it('--skip-bad imports the good rows: new people added, known ones (by email, phone, name) updated, a repeat merged', () => {
    const result = box.run(['import', csv, '--skip-bad', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const counts = JSON.parse(result.stdout) as Counts;
    // Counted per person: line 2 adds Ana (line 7, by her email, adds a note to her), 3 adds Bo, 5 changes carla
    // (by name), 8 is Dee (same phone, nothing new)
    expect(counts).toMatchObject({ added: 2, updated: 1, skipped: 1, bad: [{ line: 6, reason: 'the name is empty' }] });
    expect(result.stderr).toContain('line 6: the name is empty');
    const everyone = people(box);
    expect(everyone).toHaveLength(4);
    expect(everyone.find((person) => person.email === 'ANA@example.org')).toMatchObject({
      name: 'Ana Ruiz', phone: '(555) 010-0100', neighborhood: 'Eastside', organization: 'Lincoln Elementary',
      notes: 'rent, repairs\nlikes mornings', rung: 'participant', source: 'import',
    });
    expect(everyone.find((person) => person.name === 'Bo Chen')).toMatchObject({ email: 'bo@example.org', notes: 'two\r\nlines', rung: 'supporter', source: 'import' });
    expect(everyone.find((person) => person.name === 'carla diaz')).toMatchObject({ neighborhood: 'Northside', rung: 'volunteer', source: null });
    expect(everyone.find((person) => person.name === 'Dee Evans')).toMatchObject({ phone: '555.010.0300' });
  });

  it('a person added by import starts their rung history like anyone else', () => {
    expect(box.run(['import', csv, '--skip-bad']).code).toBe(0);
    const shown = box.json<{ rungHistory: { fromRung: string | null; toRung: string; reason: string }[] }>(['show', 'Ana Ruiz', '--json']);
    expect(shown.rungHistory).toEqual([expect.objectContaining({ fromRung: null, toRung: 'participant', reason: 'added' })]);
  });

  it('importing the same file twice adds nobody the second time', () => {
    expect(box.run(['import', csv, '--skip-bad']).code).toBe(0);
    const again = box.run(['import', csv, '--skip-bad', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, skipped: 4 });
    expect(people(box)).toHaveLength(4);
  });

  it('--dry-run says person by person what it would do, each detail old → new, and leaves the record unchanged (the file byte for byte)', () => {
    const before = record(box);
    const result = box.run(['import', csv, '--skip-bad', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        'add Ana Ruiz (lines 2, 7)',
        '  email: ANA@example.org',
        '  phone: (555) 010-0100',
        '  neighborhood: Eastside',
        '  organization: Lincoln Elementary',
        '  notes: rent, repairs / likes mornings',
        '  rung: participant',
        'add Bo Chen (line 3)',
        '  email: bo@example.org',
        '  phone: 555 010 0200',
        '  notes: two / lines',
        '  rung: supporter',
        'change carla diaz #2 (line 5, same name)',
        '  neighborhood: (none) → Northside',
        'unchanged Dee Evans #1 (line 8, same phone)',
        'Would add 2, change 1, leave 1 unchanged. 1 bad row left out. Nothing was changed (dry run).',
        '',
      ].join('\n'),
    );
    expect(record(box)).toEqual(before);
    expect(people(box)).toHaveLength(2);
  });

  it('--dry-run before any database exists creates none', () => {
    const fresh = sandbox();
    try {
      writeFileSync(join(fresh.dir, 'a.csv'), 'Name\nAna Ruiz\n');
      const result = fresh.run(['import', join(fresh.dir, 'a.csv'), '--dry-run', '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ added: 1, dryRun: true });
      expect(hasDatabase(fresh)).toBe(false);
    } finally {
      fresh.cleanup();
    }
  });

  it('reads a semicolon-separated file from a European spreadsheet with --delimiter', () => {
    const file = join(box.dir, 'eu.csv');
    writeFileSync(file, 'Nom;Courriel;Téléphone\r\n"Zoé, la grande";zoe@example.org;06 12 34 56 78\r\n');
    const result = box.run(['import', file, '--delimiter', ';', '--map', 'Nom=name', '--map', 'courriel=email', '--map', 'Téléphone=phone', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ added: 1, updated: 0, skipped: 0, bad: [] });
    expect(people(box).at(-1)).toMatchObject({ name: 'Zoé, la grande', email: 'zoe@example.org', phone: '06 12 34 56 78' });
  });

  it('--map reads an unrecognised column as a field, and an unknown field is a usage error listing the fields', () => {
    const file = join(box.dir, 'map.csv');
    writeFileSync(file, 'Who,Parish\nEli Ford,St. Anne\n');
    const mapped = box.run(['import', file, '--map', 'Who=name', '--map', 'Parish=organization']);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout).toBe('added Eli Ford #3 (line 2)\n  organization: St. Anne\nAdded 1, changed 0, left 0 unchanged.\n');
    expect(people(box).at(-1)).toMatchObject({ name: 'Eli Ford', organization: 'St. Anne' });
    const unknown = box.run(['import', file, '--map', 'Parish=church']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"church" is not a field oneonone knows');
    expect(unknown.stderr).toContain('name, first, last, email, phone, neighborhood, organization, notes, rung');
  });

  it('a bad rung, a bad email and control characters are each reported with their line', () => {
    const file = join(box.dir, 'bad.csv');
    writeFileSync(file, 'name,email,rung,notes\nAna Ruiz,ana@,leader,\nBo Chen,,captain,\nCy Dee,,,"ring\u0007bell"\nOk Person,,,\n');
    const result = box.run(['import', file, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      added: 0, updated: 0, skipped: 0, dryRun: false, people: { added: [], changed: [], unchanged: [] },
      bad: [
        { line: 2, reason: '"ana@" is not an email address' },
        { line: 3, reason: '"captain" is not a rung on the ladder' },
        { line: 4, reason: 'the notes contains control characters' },
      ],
      rows: [expect.objectContaining({ line: 5, action: 'add', name: 'Ok Person' })],
    });
    expect(people(box)).toHaveLength(2);
  });

  describe('refuses clearly, with one line and a hint', () => {
    const cases: [string, string | Buffer | null, RegExp][] = [
      ['a missing file', null, /no file at .*missing\.csv/],
      ['an empty file', '', /is empty/],
      ['a file with only a BOM and blank lines', '\uFEFF\r\n\r\n', /is empty/],
      ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), /is not a text file/],
      ['a file with no name column', 'email,phone\nana@example.org,555\n', /has no name column/],
      ['a file with a header and nobody under it', 'name,email\r\n', /no people in it/],
      ['a quote that is never closed', 'name,notes\nAna,"fine"\nBo,"oops\nCy,ok\n', /the quote opened on line 3 is never closed/],
    ];
    it.each(cases)('%s', (_what, content, message) => {
      const file = join(box.dir, content === null ? 'missing.csv' : 'input.csv');
      if (content !== null) writeFileSync(file, content);
      const result = box.run(['import', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/\nhint: /);
      expect(result.stderr.trim().split('\n')).toHaveLength(2);
    });

    it('a file over 50 MB, checked before reading it', () => {
      const file = join(box.dir, 'huge.csv');
      writeFileSync(file, `name\n${'x'.repeat(50 * 1024 * 1024)}\n`);
      const result = box.run(['import', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the most oneonone imports at once is 50 MB');
    });
  });
});
