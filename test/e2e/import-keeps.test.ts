import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINE, fileBytes, sandbox, type Sandbox } from './helpers.js';
import { hasDatabase, serverState } from './figures.js';

interface PersonOut {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  rung: string;
  potential: number | null;
  referredBy: number | null;
}

function people(box: Sandbox): PersonOut[] {
  return box.sql<PersonOut>(`
    SELECT id, name, email, phone, neighborhood, organization, notes, rung, potential, referred_by AS "referredBy"
    FROM people ORDER BY id`);
}

/** The record as it stands: the file byte for byte, or on a server every table's rows and its ids' sequences. */
function record(box: Sandbox): unknown {
  return ENGINE === 'sqlite' ? createHash('sha256').update(fileBytes(box.db)).digest('hex') : serverState(box);
}

interface Change {
  field: string;
  old: string | number | null;
  new: string | number | null;
}

interface PersonReport {
  id: number | null;
  name: string;
  lines: number[];
  matchedBy: string | null;
  changes: Change[];
  kept: { field: string; kept: string | number | null; offered: string | number | null; why: string; line: number }[];
}

interface Report {
  added: number;
  updated: number;
  skipped: number;
  dryRun: boolean;
  bad: { line: number; reason: string }[];
  people: { added: PersonReport[]; changed: PersonReport[]; unchanged: PersonReport[] };
}

describe('import keeps two people with one name apart', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  const write = (name: string, text: string): string => {
    const file = join(box.dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a row with the name of someone known but another email is a new person, and theirs is untouched', () => {
    expect(box.run(['log', 'Ana Ruiz', '--email', 'ana@example.org', '--neighborhood', 'Eastside', '--date', '2026-11-02 18:00']).code).toBe(0);
    const file = write('sheet.csv', 'Name,Email,Neighborhood\nAna Ruiz,ana.ruiz@school.example.org,Westside\n');
    const result = box.run(['import', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ added: 1, updated: 0 });
    expect(people(box).map(({ name, email, neighborhood }) => ({ name, email, neighborhood }))).toEqual([
      { name: 'Ana Ruiz', email: 'ana@example.org', neighborhood: 'Eastside' },
      { name: 'Ana Ruiz', email: 'ana.ruiz@school.example.org', neighborhood: 'Westside' },
    ]);
  });

  it('a row with the name of someone known but another phone is a new person too', () => {
    expect(box.run(['log', 'Ana Ruiz', '--phone', '(555) 010-0100', '--date', '2026-11-02 18:00']).code).toBe(0);
    const file = write('sheet.csv', 'Name,Phone\nana ruiz,555 010 0999\n');
    expect(box.run(['import', file]).code).toBe(0);
    expect(people(box).map(({ name, phone }) => [name, phone])).toEqual([['Ana Ruiz', '(555) 010-0100'], ['ana ruiz', '555 010 0999']]);
  });

  it('two rows of one file with the same name and different emails become two people; the report says why', () => {
    const file = write('sheet.csv', 'Name,Email\nAna Ruiz,ana@example.org\nAna Ruiz,ana@other.example.org\n');
    const result = box.run(['import', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('added Ana Ruiz #1 (line 2)');
    expect(result.stdout).toMatch(/added Ana Ruiz #2 \(line 3\), not the Ana Ruiz of line 2: another email/);
    expect(people(box).map(({ name, email }) => [name, email])).toEqual([['Ana Ruiz', 'ana@example.org'], ['Ana Ruiz', 'ana@other.example.org']]);
  });

  it('once two people share a name, a row with that name and nothing else is refused by its line', () => {
    const twins = write('twins.csv', 'Name,Email\nAna Ruiz,ana@example.org\nAna Ruiz,ana@other.example.org\n');
    expect(box.run(['import', twins]).code).toBe(0);
    const before = record(box);
    const vague = write('vague.csv', 'Name,Neighborhood\nAna Ruiz,Northside\n');
    const result = box.run(['import', vague]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: 2 people are called "Ana Ruiz" (#1, #2); add an email or phone to say which');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(record(box)).toEqual(before);
  });

  it('within one file, a name-only row after two same-named rows is ambiguous, by line', () => {
    const file = write('sheet.csv', 'Name,Email\nAna Ruiz,ana@example.org\nAna Ruiz,ana@other.example.org\nAna Ruiz,\n');
    const result = box.run(['import', file, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).bad).toEqual([
      { line: 4, reason: '"Ana Ruiz" could be any of 2 people (lines 2, 3 of the file); add an email or phone to say which' },
    ]);
    expect(hasDatabase(box)).toBe(false);
  });
});

describe('import never overwrites what the organizer entered without a flag', () => {
  let box: Sandbox;
  let oldSheet: string;

  beforeEach(() => {
    box = sandbox();
    const logged = box.run([
      'log', 'Ana Ruiz', '--email', 'ana@example.org', '--phone', '(555) 010-0100', '--neighborhood', 'Eastside',
      '--organization', 'Tenants United', '--rung', 'leader', '--potential', '4', '--date', '2026-11-02 18:00',
    ]);
    expect(logged.code, logged.stderr).toBe(0);
    // An old sign-in sheet: she was a contact back then, wrote her zip code, and left the organization empty.
    oldSheet = join(box.dir, 'old-sign-in.csv');
    writeFileSync(oldSheet, 'Name,Email,Neighborhood,Organization,Level\nAna Ruiz,ana@example.org,02139,,contact\n');
  });
  afterEach(() => box.cleanup());

  it('an old sign-in sheet moves nobody down the ladder and replaces no neighborhood with a zip code', () => {
    const result = box.run(['import', oldSheet, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ added: 0, updated: 0, skipped: 1 });
    expect(report.people.unchanged[0]!.kept).toEqual([
      { field: 'neighborhood', kept: 'Eastside', offered: '02139', why: 'coarser', line: 2 },
      { field: 'rung', kept: 'leader', offered: 'contact', why: 'lower', line: 2 },
    ]);
    expect(people(box)[0]).toMatchObject({ rung: 'leader', neighborhood: 'Eastside', organization: 'Tenants United', potential: 4 });
  });

  it('says on screen what it kept, and which flag would change it', () => {
    const result = box.run(['import', oldSheet, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('unchanged Ana Ruiz #1 (line 2, same email)');
    expect(result.stdout).toContain('  neighborhood: kept Eastside (the file has only the zip code 02139; --overwrite takes it)');
    expect(result.stdout).toContain('  rung: kept leader (the file says contact, lower on the ladder; --demote takes it)');
  });

  it('--demote lets the file move her down, recorded as an import', () => {
    const result = box.run(['import', oldSheet, '--demote']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('changed Ana Ruiz #1 (line 2, same email)\n  rung: leader → contact\n');
    expect(people(box)[0]).toMatchObject({ rung: 'contact', neighborhood: 'Eastside', organization: 'Tenants United' });
    const shown = box.json<{ rungHistory: { toRung: string; reason: string }[] }>(['show', 'Ana Ruiz', '--json']);
    expect(shown.rungHistory.at(-1)).toMatchObject({ toRung: 'contact', reason: 'imported from old-sign-in.csv' });
  });

  it('--overwrite lets the file replace the neighborhood with its zip code and clear the organization', () => {
    const result = box.run(['import', oldSheet, '--overwrite', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Report).people.changed[0]!.changes).toEqual([
      { field: 'neighborhood', old: 'Eastside', new: '02139' },
      { field: 'organization', old: 'Tenants United', new: null },
    ]);
    expect(people(box)[0]).toMatchObject({ rung: 'leader', neighborhood: '02139', organization: null, email: 'ana@example.org' });
  });

  it('a different phone for someone matched by email is new information: taken, and shown old → new', () => {
    const file = join(box.dir, 'new-phone.csv');
    writeFileSync(file, 'Name,Email,Phone,Neighborhood,Level\nAna Ruiz,ANA@example.org,555 010 0199,Westside,organizer\n');
    const dry = box.run(['import', file, '--dry-run']);
    expect(dry.stdout).toBe(
      [
        'change Ana Ruiz #1 (line 2, same email)',
        '  phone: (555) 010-0100 → 555 010 0199',
        '  neighborhood: Eastside → Westside',
        '  rung: leader → organizer',
        'Would add 0, change 1, leave 0 unchanged. Nothing was changed (dry run).',
        '',
      ].join('\n'),
    );
    const real = box.run(['import', file]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toBe(dry.stdout.replace('change Ana', 'changed Ana').replace(/Would add 0, change 1, leave 0 unchanged\. Nothing was changed \(dry run\)\./, 'Added 0, changed 1, left 0 unchanged.'));
    expect(people(box)[0]).toMatchObject({ email: 'ana@example.org', phone: '555 010 0199', neighborhood: 'Westside', rung: 'organizer' });
  });

  it('the real run lists who was added, with their details, and who was changed, with each field old → new', () => {
    const file = join(box.dir, 'sheet.csv');
    writeFileSync(file, 'Name,Email,Phone,Organization\nAna Ruiz,ana@example.org,,Lincoln PTA\nBo Chen,bo@example.org,555 010 0200,\n');
    const result = box.run(['import', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        'added Bo Chen #2 (line 3)',
        '  email: bo@example.org',
        '  phone: 555 010 0200',
        'changed Ana Ruiz #1 (line 2, same email)',
        '  organization: Tenants United → Lincoln PTA',
        'Added 1, changed 1, left 0 unchanged.',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(box.run(['import', file, '--dry-run', '--json']).stdout) as Report;
    expect(json).toMatchObject({ added: 0, updated: 0, skipped: 2, dryRun: true });
  });
});

describe('import that refuses creates nothing', () => {
  it('with a bad row and no --skip-bad, no database (file, folder or tables) is created where there was none', () => {
    const box = sandbox();
    try {
      const file = join(box.dir, 'sheet.csv');
      writeFileSync(file, 'Name,Email\nAna Ruiz,ana@example.org\n,nobody@example.org\n');
      const result = box.run(['import', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('oneonone: nothing was imported: 1 bad row (line 3)');
      expect(hasDatabase(box)).toBe(false);
      expect(existsSync(join(box.dir, 'data'))).toBe(false);
    } finally {
      box.cleanup();
    }
  });
});
