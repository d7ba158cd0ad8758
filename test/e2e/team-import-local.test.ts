/**
 * `team import-local` on the run's PostgreSQL cluster: an organizer's own 1,000-person file (made with the CLI and a
 * generator through the app's schema) brought into a team server that already holds some of the same people, as the
 * built binary, under the organizer's own login. Skipped where PostgreSQL is not installed.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlFor } from '../support/postgres.js';
import { BIN, ROOT, sandbox, type Sandbox } from './helpers.js';

const socketDir = process.env.ONEONONE_TEST_PG;
const database = `import_local_${process.pid}`;
const crashDatabase = `import_local_crash_${process.pid}`;
const login = (who: string) => `il_${who}_${process.pid}`;
const as = (who?: string, db = database) => urlFor(socketDir!, db).replace('postgresql://postgres@', `postgresql://${who ? login(who) : 'postgres'}@`);

let box: Sandbox;
let solo: string;
let expected: Expected;

function cli(who: string | undefined, args: string[], db = database) {
  return box.run(args, { env: { ONEONONE_DB: as(who, db) }, timeout: 120_000 });
}

function ok(who: string | undefined, args: string[], db = database): string {
  const result = cli(who, args, db);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function raw<T = Record<string, unknown>>(sql: string, params: unknown[] = [], db = database): Promise<T[]> {
  const client = new pg.Client({ connectionString: as(undefined, db) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const count = async (sql: string, params: unknown[] = [], db = database) => Number((await raw<{ n: string }>(sql, params, db))[0]!.n);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

// ── the solo file ──────────────────────────────────────────────────────────

const FIRST = ['Amaya', 'Bongani', 'Celia', 'Darius', 'Eun', 'Fatou', 'Goran', 'Hiba', 'Ilse', 'Joaquin', 'Kofi', 'Lior', 'Maren', 'Nuno', 'Oksana',
  'Pita', 'Quynh', 'Radu', 'Soraya', 'Teodor', 'Ulla', 'Vikram', 'Wanjiru', 'Xiomara', 'Yael', 'Zeynep', 'Anouk', 'Bjorn', 'Cosmin', 'Dalia',
  'Emeka', 'Florin', 'Giedre', 'Hamza', 'Ines', 'Jarrah', 'Kalani', 'Leila', 'Mateus', 'Nomvula'];
const LAST = ['Abara', 'Brandt', 'Cardenas', 'Dlamini', 'Eriksen', 'Farouk', 'Gallo', 'Horvath', 'Iyer', 'Jaramillo', 'Kaur', 'Laine', 'Mbeki',
  'Nakamura', 'Oduya', 'Pereira', 'Quispe', 'Rahman', 'Sorensen', 'Toure', 'Ueda', 'Varga', 'Wojcik', 'Xu', 'Yadav'];
const RUNGS = ['contact', 'supporter', 'participant', 'volunteer'];
const TAGS = ['value', 'interest', 'motivation', 'issue', 'skill', 'capacity', 'story', 'lead-in', 'note'];
const PHRASES = ['the rent went up again', 'wants safe streets for her kids', 'runs the food pantry on fridays', 'good with spreadsheets',
  'free on weekday evenings', 'angry about the broken heating', 'knows everyone on the third floor', 'speaks Amharic and Italian'];

/** The generated people (ids 1 to 998; 999 and 1000 are logged with the CLI). */
const GENERATED = 998;
const name = (i: number) => `${FIRST[i % 40]} ${LAST[Math.floor(i / 40) % 25]}`;
const emailOf = (i: number) => (i % 10 < 6 ? `p${i}@solo.example.org` : null);
const phoneOf = (i: number) => (i % 4 < 2 ? `+1 555 ${String(i).padStart(7, '0')}` : null);
const pad = (n: number) => String(n).padStart(7, '0');

/** People with special names, in place of the generated ones at these ids. */
const SPECIAL: Record<number, { name: string; email?: string; phone?: string }> = {
  990: { name: 'Dana Kim' }, // two Dana Kims on the server, nothing here to tell which
  991: { name: 'Sam Lee' }, // two Sam Lees here, one on the server: a namesake
  992: { name: 'Sam Lee' },
  993: { name: 'Hal Ortega', email: 'hal2@solo.example.org', phone: '555 010 0777' }, // a household's phone, another email and name
  994: { name: 'Wren Adair', email: 'wren@solo.example.org' }, // same email as #995: the first one matches, the second is taken
  995: { name: 'Wren Adair-Bell', email: 'WREN@solo.example.org' },
};

interface Expected {
  email: number[];
  phone: number[];
  name: number[];
  apart: number[];
  /** Ambiguous for another reason than another email or phone. */
  otherAmbiguous: number[];
  referrals: [number, number][];
  /** The local meetings that must land: all finished ones but the one naming immigration status. */
  meetings: number;
}

function personOf(i: number) {
  const special = SPECIAL[i];
  if (special) return { name: special.name, email: special.email ?? null, phone: special.phone ?? null };
  return { name: name(i), email: emailOf(i), phone: phoneOf(i) };
}

/** The file: two people logged with the CLI, the rest written through the same schema in one transaction. */
function makeSolo(path: string): void {
  const env = { ONEONONE_DB: path };
  const first = box.run(['log', 'Seed Person', '--note', 'made the schema'], { env });
  expect(first.code, first.stderr).toBe(0);
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.exec(`DELETE FROM people; DELETE FROM change_rows; DELETE FROM changes;`);
  const person = db.prepare(`INSERT INTO people (id, name, name_key, email, phone, neighborhood, organization, notes, source, referred_by, rung, potential, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const rung = db.prepare(`INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, reason, meeting_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const meeting = db.prepare(`INSERT INTO meetings (id, person_id, held_at, goal, template, planned_minutes, status, current_phase, planned_ask, agitation, created_at, updated_at, completed_at)
    VALUES (?, ?, ?, ?, 'agenda', 45, ?, ?, ?, ?, ?, ?, ?)`);
  const phase = db.prepare(`INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share, actual_seconds, organizer_talk_seconds, other_talk_seconds, extra_seconds)
    VALUES (?, ?, ?, ?, 600, 0.3, ?, ?, ?, ?)`);
  const note = db.prepare(`INSERT INTO notes (person_id, meeting_id, tag, text, phase_key, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const ask = db.prepare(`INSERT INTO asks (id, person_id, meeting_id, text, due_at, barriers, support, outcome, result, checkin_at, checked_at, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const followUp = db.prepare(`INSERT INTO followups (person_id, meeting_id, ask_id, text, due_at, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000 * 7).toISOString();
  let m = 0;
  db.transaction(() => {
    for (let i = 1; i <= GENERATED; i++) {
      const p = personOf(i);
      const created = day(i);
      const referrer = i > 10 && i % 5 === 0 ? i - 7 : null;
      const at = RUNGS[i % 4]!;
      person.run(i, p.name, p.name.toLowerCase(), p.email, p.phone, i % 3 === 0 ? 'Eastside' : null, null, i % 50 === 0 ? `likes ${PHRASES[i % 8]}` : null,
        referrer ? 'referral' : 'event', referrer, at, i % 7 === 3 ? 1 + (i % 5) : null, created, created);
      rung.run(i, null, 'contact', 'added', null, null, created);
      for (let step = 1; step <= i % 4; step++) rung.run(i, RUNGS[step - 1], RUNGS[step], 'manual', step === 1 ? `step ${i}` : null, null, day(i + step * 100));
      for (let k = 0; k < 3; k++) {
        m++;
        const held = day(i + 1000 + k * 300);
        const sensitive = i === 5 && k === 2;
        meeting.run(m, i, held, ['recruitment', 'maintenance', 'escalation'][m % 3], 'complete', null, m % 4 === 0 ? `ask ${m}` : null,
          sensitive ? 'worried the visa will lapse' : m % 3 === 0 ? `agitation ${m}: ${PHRASES[m % 8]}` : null, held, held, held);
        for (let position = 1; position <= 2; position++) {
          phase.run(m, position, position === 1 ? 'story' : 'ask', position === 1 ? 'Their story' : 'The ask', 500 + position * 100, 100 + m % 60, 300 + position, m % 10 === 0 ? 60 : 0);
        }
        for (let n = 0; n < 3; n++) note.run(i, m, TAGS[(m + n) % 9], `n${m}.${n} ${PHRASES[(m + n) % 8]}`, n === 0 ? 'story' : null, held);
        const outcome = [null, 'yes', 'maybe', 'no'][m % 4];
        const checked = (outcome === 'yes' || outcome === 'maybe') && m % 3 === 0;
        ask.run(m, i, m, `ask ${m}: ${['come to the meeting', 'bring a neighbour', 'speak at council'][m % 3]}`, day(i + 1010 + k * 300),
          m % 5 === 0 ? 'no childcare' : null, m % 7 === 0 ? 'a ride' : null, outcome, checked ? (m % 2 ? 'kept' : 'broken') : null,
          m % 11 === 0 ? day(i + 1020 + k * 300) : null, checked ? day(i + 1015 + k * 300) : null, held);
        if (m % 2 === 0) followUp.run(i, m, m % 4 === 0 ? m : null, m % 4 === 0 ? null : `call back ${m}`, day(i + 1005 + k * 300), m % 6 === 0 ? day(i + 1006 + k * 300) : null, held);
      }
    }
    // A meeting begun with start and never finished: it stays in the file.
    meeting.run(++m, 6, day(9000), 'maintenance', 'draft', 1, null, null, day(9000), day(9000), null);
    // Every seventh prefers Spanish: those Ben's sheet has by email are matched, and the server has no language for them.
    db.exec(`UPDATE people SET language = 'es' WHERE id % 7 = 0`);
  })();
  db.close();
  const second = box.run(['log', 'Rosa Quintero', '--email', 'rosa.q@solo.example.org', '--story', 'grew up on Elm', '--agitation', 'the landlord ignores her',
    '--did', 'purpose,their-story', '--reflection', 'ask about her brother sooner',
    '--ask', 'host a house meeting', '--outcome', 'yes', '--followup', 'in 3 days', '--rung', 'volunteer', '--rung-reason', 'hosted twice', '--referral', 'Tomas Quintero', '--language', 'es', '--interpreter'], { env });
  expect(second.code, second.stderr).toBe(0);
}

/** The people already on the server, Ben's (an import as Ben): some are the file's people, some share only a name. */
function serverSheet(): { csv: string; expected: Omit<Expected, 'referrals' | 'meetings'> } {
  const rows: string[] = ['name,email,phone,rung'];
  const e: Omit<Expected, 'referrals' | 'meetings'> = { email: [], phone: [], name: [], apart: [], otherAmbiguous: [990, 991, 992, 995] };
  for (let i = 1; i <= GENERATED; i++) {
    if (SPECIAL[i]) continue;
    const p = personOf(i);
    if (p.email && i % 7 === 0) {
      // The same email in other capitals; some with another phone (kept), some higher on the ladder (never moved down).
      rows.push(`${p.name},${p.email.toUpperCase()},${i % 14 === 0 ? `555 999 ${String(i).padStart(4, '0')}` : ''},${i % 21 === 0 ? 'leader' : ''}`);
      e.email.push(i);
    } else if (!p.email && p.phone && i % 7 === 1) {
      rows.push(`${p.name},,(555) ${pad(i).slice(0, 3)}-${pad(i).slice(3)},`);
      e.phone.push(i);
    } else if (p.email && i % 13 === 2) {
      rows.push(`${p.name},other${i}@elsewhere.example.org,,`);
      e.apart.push(i);
    } else if (!p.email && !p.phone && i % 17 === 3) {
      rows.push(`${p.name},,,`);
      e.name.push(i);
    }
  }
  rows.push('Dana Kim,dana.kim@one.example.org,,', 'Dana Kim,dana.kim@two.example.org,,', 'Sam Lee,,,', 'Hal Ortega-Ruiz,hal1@home.example.org,555 010 0777,',
    'Wren Adair,wren@solo.example.org,,');
  e.email.push(994);
  return { csv: `${rows.join('\n')}\n`, expected: e };
}

// ── what the server holds, meeting by meeting ─────────────────────────────

const iso = (value: unknown) => (value === null || value === undefined ? '' : new Date(value as string).toISOString());

/** A meeting in full, as one line: its person, when, what it was, every phase, note, ask and follow-up. */
function fingerprint(m: Record<string, unknown>, parts: { phases: Record<string, unknown>[]; notes: Record<string, unknown>[]; asks: Record<string, unknown>[]; followups: Record<string, unknown>[] }): string {
  return [
    m.person, iso(m.held_at), m.goal, m.template, Number(m.planned_minutes), m.planned_ask ?? '', m.agitation ?? '', iso(m.completed_at),
    m.checklist ?? '', m.scorecard ?? '', m.reflection ?? '',
    parts.phases.map((p) => [p.position, p.phase_key, p.actual_seconds, p.organizer_talk_seconds, p.other_talk_seconds, p.extra_seconds].join(':')).sort().join(','),
    parts.notes.map((n) => `${n.tag}:${n.text}:${n.phase_key ?? ''}:${iso(n.created_at)}`).sort().join(','),
    parts.asks.map((a) => [a.text, iso(a.due_at), a.barriers ?? '', a.support ?? '', a.outcome ?? '', a.result ?? '', iso(a.checkin_at), iso(a.checked_at)].join(':')).sort().join(','),
    parts.followups.map((f) => [f.text ?? '', f.ask_text ?? '', iso(f.due_at), iso(f.done_at)].join(':')).sort().join(','),
  ].join('|');
}

const MEETING_SQL = `SELECT m.id, p.name AS person, m.held_at, m.goal, m.template, m.planned_minutes, m.planned_ask, m.agitation, m.completed_at,
  m.checklist, m.scorecard, m.reflection FROM meetings m JOIN people p ON p.id = m.person_id`;
const PART_SQL = {
  phases: `SELECT meeting_id, position, phase_key, actual_seconds, organizer_talk_seconds, other_talk_seconds, extra_seconds FROM meeting_phases`,
  notes: `SELECT meeting_id, tag, text, phase_key, created_at FROM notes`,
  asks: `SELECT meeting_id, text, due_at, barriers, support, outcome, result, checkin_at, checked_at FROM asks`,
  followups: `SELECT f.meeting_id, f.text, a.text AS ask_text, f.due_at, f.done_at FROM followups f LEFT JOIN asks a ON a.id = f.ask_id`,
};

function fingerprints(meetings: Record<string, unknown>[], parts: Record<keyof typeof PART_SQL, Record<string, unknown>[]>): string[] {
  const by = (rows: Record<string, unknown>[]) => {
    const grouped = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) grouped.set(String(row.meeting_id), [...(grouped.get(String(row.meeting_id)) ?? []), row]);
    return grouped;
  };
  const grouped = Object.fromEntries(Object.entries(parts).map(([key, rows]) => [key, by(rows)])) as Record<keyof typeof PART_SQL, Map<string, Record<string, unknown>[]>>;
  return meetings.map((m) => fingerprint(m, {
    phases: grouped.phases.get(String(m.id)) ?? [], notes: grouped.notes.get(String(m.id)) ?? [],
    asks: grouped.asks.get(String(m.id)) ?? [], followups: grouped.followups.get(String(m.id)) ?? [],
  })).sort();
}

function localFingerprints(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const meetings = db.prepare(`${MEETING_SQL} WHERE m.status = 'complete' AND coalesce(m.agitation, '') NOT LIKE '%visa%'`).all() as Record<string, unknown>[];
    const parts = Object.fromEntries(Object.entries(PART_SQL).map(([key, sql]) => [key, db.prepare(sql).all()])) as Record<keyof typeof PART_SQL, Record<string, unknown>[]>;
    return fingerprints(meetings, parts);
  } finally {
    db.close();
  }
}

async function serverFingerprints(organizer: string, db = database): Promise<string[]> {
  const [who] = await raw<{ id: string }>(`SELECT id FROM organizers WHERE name = $1`, [organizer], db);
  const meetings = await raw(`${MEETING_SQL} WHERE m.organizer_id = $1`, [who!.id], db);
  const ids = meetings.map((m) => String(m.id));
  const parts = Object.fromEntries(await Promise.all(Object.entries(PART_SQL).map(async ([key, sql]) => [key, await raw(`SELECT * FROM (${sql}) x WHERE x.meeting_id = ANY($1::bigint[])`, [ids], db)]))) as Record<keyof typeof PART_SQL, Record<string, unknown>[]>;
  return fingerprints(meetings, parts);
}

interface Report {
  dryRun: boolean;
  organizer: { id: number; name: string };
  counts: {
    people: number; added: number; matched: { email: number; phone: number; name: number }; ambiguous: number; already: number; erased: number;
    meetings: { brought: number; already: number; drafts: number; held: number };
  };
  added: { local: number; name: string; server: number | null }[];
  matched: { local: number; server: number; by: string; filled: { field: string }[]; kept: { field: string; server: unknown; file: unknown }[]; rung: { from: string; to: string } | null }[];
  ambiguous: { local: number; server: number | null; why: string; candidates: { id: number; because: string[] }[] }[];
  already: { local: number; server: number }[];
  drafts: unknown[];
  held: { local: number; terms: string[] }[];
}

async function setUpTeam(db: string): Promise<void> {
  await raw(`CREATE DATABASE ${db}`, [], 'postgres');
  ok(undefined, ['log', 'Old Timer', '--note', 'met before the team existed'], db);
  ok(undefined, ['team', 'init', 'Rosa Admin'], db);
  for (const [who, full] of [['ana', 'Ana Ruiz'], ['ben', 'Ben Ortiz']] as const) ok(undefined, ['team', 'add', full, '--role', 'organizer', '--login', login(who)], db);
  const sheet = join(box.dir, 'server.csv');
  writeFileSync(sheet, serverSheet().csv);
  ok('ben', ['import', sheet], db);
}

describe.skipIf(!socketDir)('team import-local: your own file into the team', () => {
  beforeAll(async () => {
    box = sandbox();
    solo = join(box.dir, 'solo.db');
    makeSolo(solo);
    const local = new Database(solo, { readonly: true });
    const referrals = local.prepare(`SELECT id, referred_by AS r FROM people WHERE referred_by IS NOT NULL`).all() as { id: number; r: number }[];
    const finished = (local.prepare(`SELECT count(*) AS n FROM meetings WHERE status = 'complete'`).get() as { n: number }).n;
    local.close();
    expected = { ...serverSheet().expected, referrals: referrals.map(({ id, r }) => [id, r]), meetings: finished - 1 };
    await setUpTeam(database);
  }, 120_000);
  afterAll(async () => {
    for (const db of [database, crashDatabase]) await raw(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`, [], 'postgres').catch(() => undefined);
    box?.cleanup();
  });

  it('refuses in one line: a local file as the target, a server without a team, a missing file, a file that is not oneonone\'s', async () => {
    const oneLine = (result: { code: number | null; stdout: string; stderr: string }, message: RegExp) => {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('oneonone:'))).toHaveLength(1);
    };
    oneLine(box.run(['team', 'import-local', solo], { env: { ONEONONE_DB: join(box.dir, 'other.db') } }), /^oneonone: team import-local brings your file into a team server, and the record here is the file .*other\.db\nhint: /);
    await raw(`CREATE DATABASE ${database}_noteam`, [], 'postgres');
    try {
      oneLine(box.run(['team', 'import-local', solo], { env: { ONEONONE_DB: as(undefined, `${database}_noteam`) } }), /^oneonone: this server has no team/);
      expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`, [], `${database}_noteam`), 'nothing was set up there').toBe(0);
    } finally {
      await raw(`DROP DATABASE ${database}_noteam WITH (FORCE)`, [], 'postgres');
    }
    oneLine(cli('ana', ['team', 'import-local', join(box.dir, 'nowhere.db')]), /^oneonone: no oneonone file at .*nowhere\.db\nhint: /);
    writeFileSync(join(box.dir, 'notes.txt'), 'just some text, not a database\n');
    oneLine(cli('ana', ['team', 'import-local', join(box.dir, 'notes.txt')]), /^oneonone: .*notes\.txt is not a oneonone database: it is not a SQLite database\n/);
    const newer = join(box.dir, 'newer.db');
    writeFileSync(newer, readFileSync(join(ROOT, 'test/fixtures/schema-v1.db')));
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const newerBytes = sha(newer);
    oneLine(cli('ana', ['team', 'import-local', newer]), /^oneonone: the database .*newer\.db was written by a newer version of oneonone \(schema 99; /);
    expect(sha(newer)).toBe(newerBytes);
    expect(() => readFileSync(join(box.dir, 'other.db'))).toThrow();
    expect(() => readFileSync(join(box.dir, 'nowhere.db'))).toThrow();
  });

  it('a dry run says who would be matched, by what, and who is ambiguous, and writes nothing', async () => {
    const before = sha(solo);
    const tables = ['people', 'meetings', 'notes', 'asks', 'followups', 'settings', 'rung_changes', 'changes'];
    const counts = async () => Promise.all(tables.map((table) => count(`SELECT count(*) AS n FROM ${table}`)));
    const was = await counts();
    const result = cli('ana', ['team', 'import-local', solo, '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.dryRun).toBe(true);
    expect(report.counts.people).toBe(1000);
    const byKind = (kind: string) => report.matched.filter((m) => m.by === kind).map((m) => m.local).sort((a, b) => a - b);
    expect(byKind('email')).toEqual([...expected.email].sort((a, b) => a - b));
    expect(byKind('phone')).toEqual(expected.phone);
    expect(byKind('name')).toEqual(expected.name);
    expect(report.ambiguous.filter((a) => a.why === 'apart').map((a) => a.local)).toEqual(expected.apart);
    expect(report.ambiguous.filter((a) => a.why === 'apart').every((a) => a.candidates.length === 1 && a.candidates[0]!.because.join() === 'email')).toBe(true);
    expect(report.ambiguous.filter((a) => a.why !== 'apart').map((a) => [a.local, a.why])).toEqual([[990, 'several'], [991, 'namesake'], [992, 'namesake'], [995, 'taken']]);
    expect(report.counts.meetings).toMatchObject({ brought: expected.meetings, already: 0, drafts: 1, held: 1 });
    expect(report.held).toEqual([expect.objectContaining({ terms: ['visa'] })]);
    expect(await counts()).toEqual(was);
    expect(sha(solo)).toBe(before);
    const text = cli('ana', ['team', 'import-local', solo, '--dry-run']);
    expect(text.stdout).toMatch(/^ambiguous Dana Kim \(#990 in your file\): would be added as a new person; 2 people on the server are called Dana Kim \(#\d+, Ben Ortiz's; #\d+, Ben Ortiz's\) and your file has no email or phone that tells which$/m);
    expect(text.stdout).toMatch(/Nothing was written \(dry run\)\.\n$/);
    expect(text.stderr).toMatch(/^held back: the meeting with Fatou Abara .* names "visa"/m);
  });

  it('a file of an older oneonone is read from an upgraded private copy, and stays byte for byte as it was', () => {
    const old = join(box.dir, 'old.db');
    writeFileSync(old, readFileSync(join(ROOT, 'test/fixtures/schema-v1.db')));
    const bytes = sha(old);
    const result = cli('ana', ['team', 'import-local', old, '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('was written by an older oneonone: it was read from a private, upgraded copy (deleted again); the file itself was not changed.');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.counts.people).toBeGreaterThan(0);
    expect(sha(old)).toBe(bytes);
  });

  let report: Report;
  let seconds = 0;

  it('brings in 1,000 people and every finished meeting once, in seconds, as the importing organizer\'s; nothing merged on a name alone', async () => {
    const before = sha(solo);
    const started = performance.now();
    const result = cli('ana', ['team', 'import-local', solo, '--json']);
    seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    process.stderr.write(`team import-local: 1,000 people, ${expected.meetings} meetings in ${seconds.toFixed(1)} s\n`);
    expect(seconds).toBeLessThan(60);
    report = JSON.parse(result.stdout) as Report;
    expect(report.counts.meetings.brought).toBe(expected.meetings);
    const matched = expected.email.length + expected.phone.length + expected.name.length;
    expect(report.counts.added + report.counts.ambiguous + matched).toBe(1000);
    expect(report.counts.matched).toEqual({ email: expected.email.length, phone: expected.phone.length, name: expected.name.length });

    // Every finished meeting of the file is on the server once, whole, as Ana's; the file is as it was.
    expect(await serverFingerprints('Ana Ruiz')).toEqual(localFingerprints(solo));
    expect(sha(solo)).toBe(before);
    const [ana] = await raw<{ id: string }>(`SELECT id FROM organizers WHERE name = 'Ana Ruiz'`);
    const marked = await raw<{ value: string }>(`SELECT value FROM settings WHERE key LIKE 'received:local:%'`);
    expect(marked).toHaveLength(expected.meetings);
    expect(await count(`SELECT count(*) AS n FROM meetings WHERE id = ANY($1::bigint[]) AND organizer_id = $2`, [marked.map((m) => m.value), ana!.id])).toBe(expected.meetings);
    expect(await count(`SELECT count(*) AS n FROM notes WHERE meeting_id = ANY($1::bigint[]) AND author_id IS DISTINCT FROM $2`, [marked.map((m) => m.value), ana!.id])).toBe(0);

    // New people are Ana's; the people matched keep their owner (Ben) and their details.
    const newIds = [...report.added, ...report.ambiguous].map((p) => p.server!);
    expect(newIds.every((id) => typeof id === 'number')).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM people WHERE id = ANY($1::bigint[]) AND owner_id = $2`, [newIds, ana!.id])).toBe(newIds.length);
    const [ben] = await raw<{ id: string }>(`SELECT id FROM organizers WHERE name = 'Ben Ortiz'`);
    expect(await count(`SELECT count(*) AS n FROM people WHERE id = ANY($1::bigint[]) AND owner_id = $2`, [report.matched.map((m) => m.server), ben!.id])).toBe(matched);

    // Same name, another email: two people, each with their own email; the file's meetings are with the file's one.
    for (const i of expected.apart) {
      const namesakes = await raw<{ email: string; owner_id: string; meetings: string }>(
        `SELECT p.email, p.owner_id, (SELECT count(*) FROM meetings m WHERE m.person_id = p.id) AS meetings FROM people p WHERE p.name = $1 ORDER BY p.id`, [name(i)]);
      expect(namesakes.map((p) => [p.email, p.owner_id, Number(p.meetings)])).toEqual([[`other${i}@elsewhere.example.org`, ben!.id, 0], [emailOf(i), ana!.id, 3]]);
    }
    expect(await count(`SELECT count(*) AS n FROM people WHERE name = 'Dana Kim'`)).toBe(3);
    // Someone new keeps the language they prefer and the interpreter they need.
    expect(await raw(`SELECT language, interpreter FROM people WHERE name = 'Rosa Quintero'`)).toEqual([{ language: 'es', interpreter: 1 }]);
    expect(await count(`SELECT count(*) AS n FROM people WHERE name = 'Sam Lee'`)).toBe(3);

    // A match keeps the server's phone and rung (never down), fills what it lacked, and moves a rung up.
    const kept = report.matched.find((m) => m.local % 14 === 0 && m.by === 'email' && phoneOf(m.local) !== null)!;
    expect(kept.kept).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'phone' })]));
    const [keptRow] = await raw<{ phone: string }>(`SELECT phone FROM people WHERE id = $1`, [kept.server]);
    expect(keptRow!.phone).toMatch(/^555 999 /);
    const spoken = report.matched.find((m) => m.local % 7 === 0 && m.by === 'email')!;
    expect(spoken.filled).toEqual(expect.arrayContaining([{ field: 'language', value: 'es' }]));
    expect(await raw(`SELECT language FROM people WHERE id = $1`, [spoken.server])).toEqual([{ language: 'es' }]);
    const leader = report.matched.find((m) => m.local % 21 === 0 && m.by === 'email')!;
    expect((await raw<{ rung: string }>(`SELECT rung FROM people WHERE id = $1`, [leader.server]))[0]!.rung).toBe('leader');
    const raised = report.matched.find((m) => m.by === 'email' && m.local % 21 !== 0 && m.local % 4 === 3)!;
    expect(raised.rung).toEqual({ from: 'contact', to: 'volunteer' });
    expect((await raw<{ rung: string }>(`SELECT rung FROM people WHERE id = $1`, [raised.server]))[0]!.rung).toBe('volunteer');

    // Who referred whom, where both are in the file.
    const serverOf = new Map<number, number>([...report.added, ...report.ambiguous, ...report.matched].map((p) => [p.local, p.server!]));
    const links = await raw<{ id: string; referred_by: string | null }>(`SELECT id, referred_by FROM people WHERE id = ANY($1::bigint[])`, [[...serverOf.values()]]);
    const referrerOf = new Map(links.map((l) => [Number(l.id), l.referred_by === null ? null : Number(l.referred_by)]));
    const carried = expected.referrals.filter(([id, r]) => referrerOf.get(serverOf.get(id)!) === serverOf.get(r));
    // Matched people keep a referrer the server already had (Ben's sheet gives none), so every link is carried.
    expect(carried).toHaveLength(expected.referrals.length);
  }, 120_000);

  it('a second run brings in nothing: every person and meeting is already there', async () => {
    const people = await count(`SELECT count(*) AS n FROM people`);
    const result = cli('ana', ['team', 'import-local', solo, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const again = JSON.parse(result.stdout) as Report;
    expect(again.counts).toMatchObject({ added: 0, ambiguous: 0, already: 1000, matched: { email: 0, phone: 0, name: 0 } });
    expect(again.counts.meetings).toMatchObject({ brought: 0, already: expected.meetings });
    expect(await count(`SELECT count(*) AS n FROM people`)).toBe(people);
    expect(await serverFingerprints('Ana Ruiz')).toEqual(localFingerprints(solo));
  }, 120_000);

  it('killed half-way, then run again: what landed stays once, the rest lands, nothing twice', async () => {
    await setUpTeam(crashDatabase);
    const child = spawn(process.execPath, [BIN, 'team', 'import-local', solo], { env: { ...box.env, ONEONONE_DB: as('ana', crashDatabase) }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let landedBeforeKill = 0;
    for (let tries = 0; tries < 600 && child.exitCode === null; tries++) {
      landedBeforeKill = await count(`SELECT count(*) AS n FROM settings WHERE key LIKE 'received:local:%'`, [], crashDatabase);
      if (landedBeforeKill > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await exited;
    const partway = await count(`SELECT count(*) AS n FROM settings WHERE key LIKE 'received:local:%'`, [], crashDatabase);
    process.stderr.write(`team import-local: killed with ${partway} of ${expected.meetings} meetings landed\n`);
    expect(partway).toBeLessThan(expected.meetings);
    const again = cli('ana', ['team', 'import-local', solo, '--json'], crashDatabase);
    expect(again.code, again.stderr).toBe(0);
    const rest = JSON.parse(again.stdout) as Report;
    expect(rest.counts.meetings.brought + rest.counts.meetings.already).toBe(expected.meetings);
    expect(rest.counts.meetings.already).toBe(partway);
    expect(await serverFingerprints('Ana Ruiz', crashDatabase)).toEqual(localFingerprints(solo));
    const people = await count(`SELECT count(*) AS n FROM people`, [], crashDatabase);
    expect(people).toBe(await count(`SELECT count(*) AS n FROM people`));
  }, 180_000);
  it("a meeting naming one of the team's own sensitive words stays in the file", () => {
    const solo = join(box.dir, 'words.db');
    const logged = box.run(['log', 'Pat Quinn', '--issue', "her son's parole hearing"], { env: { ONEONONE_DB: solo } });
    expect(logged.code, logged.stderr).toBe(0);
    ok(undefined, ['team', 'words', 'add', 'parole']);
    try {
      const result = cli('ana', ['team', 'import-local', solo, '--dry-run', '--json']);
      expect(result.code, result.stderr).toBe(0);
      const held = (JSON.parse(result.stdout) as { held: { person: string; terms: string[] }[] }).held;
      expect(held.map(({ person, terms }) => [person, terms])).toEqual([['Pat Quinn', ['parole']]]);
    } finally {
      ok(undefined, ['team', 'words', 'remove', 'parole']);
    }
  });
});
