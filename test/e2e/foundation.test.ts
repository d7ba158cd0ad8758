import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ENGINE, sandbox, type Sandbox } from './helpers.js';
import { serverState } from './figures.js';
import { FOUNDATION_REFUSALS } from './refusals.js';

interface MeetingJson {
  id: number;
  person: { id: number; name: string };
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  status: string;
  agitation: string | null;
  phases: { key: string; plannedSeconds: number }[];
  notes: { tag: string; text: string }[];
  asks: { text: string; dueAt: string; outcome: string; barriers: string | null; support: string | null }[];
  followups: { text: string; dueAt: string; doneAt: string | null }[];
}

interface ProfileJson {
  person: { id: number; name: string; rung: string; potential: number | null; email: string | null; phone: string | null; neighborhood: string | null; organization: string | null };
  heard: Record<string, string[]>;
  meetings: MeetingJson[];
  asks: { text: string; outcome: string }[];
  followups: { text: string }[];
  rungHistory: { fromRung: string | null; toRung: string; reason: string | null; changedAt: string }[];
  referredBy: { name: string } | null;
  referrals: { name: string }[];
}

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

/** The whole record, to show a refused command changed nothing: the file byte for byte, or on the server every table's rows and every sequence. */
function record(): unknown {
  return ENGINE === 'sqlite' ? readFileSync(box.db) : serverState(box, { journalIds: true });
}

const FULL_LOG = [
  'log', 'Ana Ruiz',
  '--date', '2026-11-20 18:30',
  '--goal', 'escalation',
  '--template', 'six-steps',
  '--minutes', '30',
  '--value', 'family comes first', '--value', 'fairness',
  '--interest', 'repairs in her building',
  '--motivation', 'her son has asthma',
  '--issue', 'mold', '--issue', 'rent hikes',
  '--skill', 'speaks Spanish and English',
  '--capacity', 'two evenings a month',
  '--story', 'my own eviction in 2019',
  '--lead-in', 'mentioned her neighbor organizing before',
  '--note', 'prefers text messages',
  '--agitation', 'she values her kids\' health but has waited 8 months for repairs',
  '--ask', 'come to the tenant meeting', '--ask-due', '2099-12-02 19:00', '--outcome', 'no',
  '--barriers', 'no childcare', '--support', 'we run childcare at meetings',
  '--ask', 'talk to two neighbors on her floor', '--ask-due', '2099-12-05', '--outcome', 'yes',
  '--rung', 'participant', '--rung-reason', 'agreed to talk to neighbors',
  '--potential', '4',
  '--followup', '2099-12-01 18:00', '--followup-note', 'call to remind her of the meeting',
  '--referred-by', 'Joan Baptiste',
  '--referral', 'José Núñez', '--referral', 'Mei Chen',
  '--email', 'ana@example.org', '--phone', '555-0101', '--neighborhood', 'Eastside', '--organization', 'Maple Tenants',
  '--json',
];

describe('log and show', () => {
  it('a meeting logged with every option comes back whole from show --json', () => {
    const saved = box.json<MeetingJson>(FULL_LOG);
    expect(saved.status).toBe('complete');

    const profile = box.json<ProfileJson>(['show', 'Ana Ruiz', '--json']);
    expect(profile.person).toMatchObject({
      name: 'Ana Ruiz', rung: 'participant', potential: 4, email: 'ana@example.org', phone: '555-0101',
      neighborhood: 'Eastside', organization: 'Maple Tenants',
    });
    expect(profile.heard).toMatchObject({
      value: ['family comes first', 'fairness'], interest: ['repairs in her building'], motivation: ['her son has asthma'],
      issue: ['mold', 'rent hikes'], skill: ['speaks Spanish and English'], capacity: ['two evenings a month'],
      story: ['my own eviction in 2019'], 'lead-in': ['mentioned her neighbor organizing before'], note: ['prefers text messages'],
    });
    const [meeting] = profile.meetings;
    expect(meeting).toMatchObject({ goal: 'escalation', template: 'six-steps', plannedMinutes: 30, agitation: "she values her kids' health but has waited 8 months for repairs" });
    expect(new Date(meeting!.heldAt)).toEqual(new Date(2026, 10, 20, 18, 30));
    expect(meeting!.phases.reduce((sum, phase) => sum + phase.plannedSeconds, 0)).toBe(30 * 60);
    expect(meeting!.asks).toEqual([
      expect.objectContaining({ text: 'come to the tenant meeting', outcome: 'no', barriers: 'no childcare', support: 'we run childcare at meetings', dueAt: new Date(2099, 11, 2, 19, 0).toISOString() }),
      expect.objectContaining({ text: 'talk to two neighbors on her floor', outcome: 'yes', dueAt: new Date(2099, 11, 5, 9, 0).toISOString() }),
    ]);
    expect(meeting!.followups).toEqual([
      expect.objectContaining({ text: 'call to remind her of the meeting', dueAt: new Date(2099, 11, 1, 18, 0).toISOString(), doneAt: null }),
    ]);
    expect(profile.rungHistory.map((change) => [change.fromRung, change.toRung])).toEqual([[null, 'contact'], ['contact', 'participant']]);
    expect(profile.rungHistory[1]!.reason).toBe('agreed to talk to neighbors');
    expect(profile.referredBy?.name).toBe('Joan Baptiste');
    expect(profile.referrals.map((person) => person.name)).toEqual(['José Núñez', 'Mei Chen']);

    const referrer = box.json<ProfileJson>(['show', 'joan baptiste', '--json']);
    expect(referrer.referrals.map((person) => person.name)).toEqual(['Ana Ruiz']);
  });

  it('matches an existing person whatever the case and accents, so a second meeting joins the first', () => {
    box.run(['log', 'José Núñez', '--value', 'faith']);
    const second = box.json<MeetingJson>(['log', 'jose nunez', '--issue', 'wages', '--json']);
    expect(second.person.name).toBe('José Núñez');
    const profile = box.json<ProfileJson>(['show', 'JOSÉ NÚÑEZ', '--json']);
    expect(profile.meetings).toHaveLength(2);
    expect(profile.meetings[0]!.id).toBeGreaterThan(profile.meetings[1]!.id);
  });

  it('tells two people with the same name apart by id', () => {
    box.run(['log', 'Sam Lee', '--neighborhood', 'Northside']);
    const first = box.json<ProfileJson>(['show', 'Sam Lee', '--json']);
    box.sql(`INSERT INTO people (name, name_key, neighborhood, rung, created_at, updated_at) VALUES ('Sam Lee', 'sam lee', 'Southside', 'contact', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    const ambiguous = box.run(['show', 'sam lee']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/"sam lee" could be 2 people: #\d+ Sam Lee: Northside, contact, last met .*; #\d+ Sam Lee: Southside, contact, never met/);
    expect(ambiguous.stderr).toMatch(/hint: name one by its id/);
    const byId = box.json<ProfileJson>(['show', `#${first.person.id}`, '--json']);
    expect(byId.person.neighborhood).toBe('Northside');
  });

  it('people lists everyone with rung, last meeting, open asks and follow-ups', () => {
    box.run(FULL_LOG);
    const people = box.json<{ name: string; rung: string; lastMet: string | null; openAsks: number; openFollowups: number; meetings: number }[]>(['people', '--json']);
    expect(people.map((person) => person.name)).toEqual(['Ana Ruiz', 'Joan Baptiste', 'José Núñez', 'Mei Chen']);
    expect(people[0]).toMatchObject({ rung: 'participant', openAsks: 1, openFollowups: 1, meetings: 1 });
    expect(people[1]).toMatchObject({ rung: 'contact', lastMet: null, meetings: 0 });
    const table = box.run(['people']);
    expect(table.stdout).toMatch(/Ana Ruiz\s+│ participant/);
  });

  it('dates what a backdated write-up records by the meeting, and refuses a meeting still to come', () => {
    box.run(['log', 'Rosa Diaz', '--date', '2026-11-02 18:00', '--rung', 'volunteer', '--value', 'faith']);
    const profile = box.json<ProfileJson>(['show', 'Rosa Diaz', '--json']);
    const met = new Date(2026, 10, 2, 18, 0).toISOString();
    expect(profile.rungHistory.map((change) => change.changedAt)).toEqual([met, met]);
    const future = box.run(['log', 'Rosa Diaz', '--date', '2099-01-01']);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/the meeting date "2099-01-01" is in the future/);
  });

  it('people stops its table at 1,000 rows and says how to see everyone, while --json has them all', () => {
    box.run(['log', 'Ana Ruiz']);
    box.sql(`INSERT INTO people (name, name_key, rung, created_at, updated_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1005)
      SELECT 'Neighbor ' || i, 'neighbor ' || i, 'contact', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n`);
    const table = box.run(['people']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').filter((line) => /^│ #\d+/.test(line))).toHaveLength(1000);
    expect(table.stdout).toMatch(/… and 6 more: see everyone with --json, or oneonone export people\n$/);
    expect(box.json<unknown[]>(['people', '--json'])).toHaveLength(1006);
  });

  it('show suggests close names for an unknown person and exits 1', () => {
    box.run(['log', 'Ana Ruiz']);
    const result = box.run(['show', 'Ana Ruis']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('oneonone: nobody called "Ana Ruis"\nhint: did you mean "Ana Ruiz"?\n');
    expect(result.stdout).toBe('');
  });

  it('accepts natural-language dates and refuses what it cannot read, quoting the input', () => {
    const saved = box.json<MeetingJson>(['log', 'Ana', '--ask', 'join the phone bank', '--ask-due', 'next friday 5pm', '--followup', 'tomorrow', '--json']);
    const due = new Date(saved.asks[0]!.dueAt);
    expect(due.getDay()).toBe(5);
    expect(due.getHours()).toBe(17);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    const bad = box.run(['log', 'Ana', '--followup', 'when pigs fly']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"when pigs fly"');
    expect(bad.stderr).toMatch(/hint: try "tomorrow 6pm", "\d{4}-\d{2}-\d{2} 19:00"/);
  });
});

describe('bad input leaves the database as it was', () => {
  it.each(FOUNDATION_REFUSALS)('$name exits $code with one clear line', ({ args, code, message }) => {
    box.run(['log', 'Ana', '--value', 'dignity']);
    const before = record();
    const result = box.run(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(/^oneonone: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(record()).toEqual(before);
  });

  it('a malformed user template is skipped with a warning, refused with its file and field when asked for, and nothing is saved', () => {
    box.run(['log', 'Ana']);
    const folder = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'broken.yaml'), 'name: broken\ntitle: Broken\nphases:\n  - key: a\n    title: A\n    purpose: p\n    minutes: -3\n');
    const before = record();
    const listing = box.run(['templates']);
    expect(listing.code, listing.stderr).toBe(0);
    expect(listing.stderr).toMatch(/^warning: template broken\.yaml: phases\[0\]\.minutes must be a positive number \(got -3\); skipped it/);
    expect(listing.stdout).toContain('agenda');
    expect(listing.stdout).not.toMatch(/\bbroken\b/);
    const logging = box.run(['log', 'Ana', '--template', 'broken']);
    expect(logging.code).toBe(1);
    expect(logging.stderr).toMatch(/^oneonone: template broken\.yaml: phases\[0\]\.minutes/);
    expect(record()).toEqual(before);
  });

  // The schema version, a file that is no database and another program's tables: each engine has its own (below for the server).
  it.skipIf(ENGINE === 'postgres')('a database written by a newer version is refused and left untouched', () => {
    box.run(['log', 'Ana']);
    const db = new Database(box.db);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(box.db);
    const result = box.run(['people']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/written by a newer version of oneonone \(schema 99/);
    expect(readFileSync(box.db).equals(before)).toBe(true);
  });

  it.skipIf(ENGINE === 'postgres')('a file that is not a database is refused and left untouched', () => {
    mkdirSync(join(box.dir, 'data'), { recursive: true });
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    writeFileSync(box.db, junk);
    const result = box.run(['log', 'Ana']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a oneonone database: it is not a SQLite database/);
    expect(readFileSync(box.db).equals(junk)).toBe(true);
  });

  it.skipIf(ENGINE === 'postgres')('an unrelated SQLite database is refused and left untouched', () => {
    mkdirSync(join(box.dir, 'data'), { recursive: true });
    const other = new Database(box.db);
    other.exec('CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES (\'soup\')');
    other.close();
    const before = readFileSync(box.db);
    const result = box.run(['people']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/made by another program/);
    expect(readFileSync(box.db).equals(before)).toBe(true);
  });

  it.runIf(ENGINE === 'postgres')('a server database upgraded by a newer version is refused and left untouched', () => {
    box.run(['log', 'Ana']);
    box.sql(`INSERT INTO oneonone_migrations (name) VALUES ('9999-from-the-future')`);
    const before = record();
    const result = box.run(['people']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: the PostgreSQL database at .* was upgraded by a newer oneonone \(9999-from-the-future\)\nhint: update oneonone/);
    expect(record()).toEqual(before);
  });

  it.runIf(ENGINE === 'postgres')('a server database holding another program\'s tables is refused and left untouched', () => {
    box.sql(`CREATE TABLE recipes (name text)`);
    box.sql(`INSERT INTO recipes VALUES ('soup')`);
    const before = record();
    const result = box.run(['people']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a oneonone database: it holds a table made by another program/);
    expect(record()).toEqual(before);
  });
});

describe('the database file', () => {
  // File modes: the server keeps its own files.
  it.skipIf(ENGINE === 'postgres')('is created private: the folder 0700 and the file 0600', () => {
    expect(existsSync(box.db)).toBe(false);
    expect(box.run(['log', 'Ana']).code).toBe(0);
    expect(statSync(join(box.dir, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(box.db).mode & 0o777).toBe(0o600);
  });

  it('defaults to the XDG data folder, and --db overrides ONEONONE_DB', () => {
    const env = { ...box.env, ONEONONE_DB: '' };
    expect(box.run(['log', 'Ana'], { env }).code).toBe(0);
    expect(existsSync(join(box.env.XDG_DATA_HOME!, 'oneonone', 'oneonone.db'))).toBe(true);
    const elsewhere = join(box.dir, 'elsewhere.db');
    expect(box.run(['log', 'Bo', '--db', elsewhere]).code).toBe(0);
    expect(box.json<unknown[]>(['people', '--json', '--db', elsewhere])).toHaveLength(1);
  });
});

describe('the command line', () => {
  const commands = ['start', 'log', 'people', 'show', 'followups', 'done', 'snooze', 'leaders', 'ladder', 'stats', 'export', 'import', 'templates', 'forget', 'backup', 'restore'];

  it.each(commands)('%s --help shows an example and exits 0', (command) => {
    const result = box.run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: oneonone /);
    expect(result.stdout).toMatch(/Examples?:\n {2}\$ oneonone /);
  });

  it('ends quietly when the reader of its output goes away early (oneonone --help | true)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, '--help'], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(box.run(['--version']).stdout.trim()).toBe(version);
  });

  it('uses no colour when NO_COLOR is set, even where colour is forced', () => {
    box.run(['log', 'Ana']);
    const plain = box.run(['show', 'Ana'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const coloured = box.run(['show', 'Ana'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[1m/);
    const flagged = box.run(['show', 'Ana', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(flagged.stdout).not.toMatch(/\u001b\[/);
    const dumb = box.run(['show', 'Ana'], { env: { NO_COLOR: '', FORCE_COLOR: '1', TERM: 'dumb' } });
    expect(dumb.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('templates', () => {
  it('lists the built-in guides and a user template, with their lengths', () => {
    const folder = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'doorstep.yaml'), 'name: doorstep\ntitle: Doorstep\nphases:\n  - key: hello\n    title: Hello\n    purpose: say who you are\n    minutes: 2\n  - key: listen\n    title: Listen\n    purpose: hear them\n    minutes: 8\n');
    const templates = box.json<{ name: string; minutes: number; source: string; language: string }[]>(['templates', '--json']);
    expect(templates).toEqual([
      expect.objectContaining({ name: 'agenda', minutes: 60, source: 'built-in' }),
      expect.objectContaining({ name: 'doorstep', minutes: 10, source: 'user' }),
      expect.objectContaining({ name: 'reunion-uno-a-uno', minutes: 60, source: 'built-in', language: 'es' }),
      expect.objectContaining({ name: 'seis-pasos', minutes: 45, source: 'built-in', language: 'es' }),
      expect.objectContaining({ name: 'six-steps', minutes: 45, source: 'built-in' }),
    ]);
  });

  it('templates show prints a guide phase by phase, scaled to its length', () => {
    const result = box.run(['templates', 'show', 'agenda']);
    expect(result.code).toBe(0);
    const phaseLines = result.stdout.split('\n').filter((line) => /^\d\. /.test(line));
    expect(phaseLines).toHaveLength(5);
    expect(phaseLines[1]).toMatch(/^2\. .* — 25 min · you talk at most 20%$/);
  });
});
