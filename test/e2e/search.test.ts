import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allRows, hasDatabase } from './figures.js';
import { ENGINE, ROOT, sandbox, type Sandbox } from './helpers.js';

interface Hit {
  rank: number;
  kind: string;
  tag: string | null;
  id: number;
  person: { id: number; name: string };
  at: string;
  meetingId: number | null;
  fields: { field: string; text: string; matched: string[]; parts: { text: string; match: boolean }[] }[];
}

function ok(box: Sandbox, args: string[]): string {
  const result = box.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const who = (hits: Hit[]) => [...new Set(hits.map((hit) => hit.person.name))].sort();
const found = (hits: Hit[]) => hits.map((hit) => `${hit.person.name} · ${hit.kind}${hit.tag ? ` ${hit.tag}` : ''} · ${hit.fields.map((field) => `${field.field}: ${field.text}`).join(' | ')}`);

/** Six people logged through the command line, with "rent" said as an issue by three of them and otherwise by the others. */
function logTheOrganizing(box: Sandbox): void {
  ok(box, ['log', 'Ana Ruiz', '--date', '2026-11-02 18:00', '--issue', 'rent went up 12% again', '--value', 'family first', '--neighborhood', 'Eastside']);
  ok(box, ['log', 'Bilal Okafor', '--date', '2026-11-03 18:00', '--value', 'rent should be fair', '--organization', 'Maple Tenants',
    '--note', 'talked about the bus, the school, her job and the heating for a long while']);
  ok(box, ['log', 'Carmen Nguyen', '--date', '2026-11-04 18:00', '--issue', 'the rent strike', '--issue', 'repairs that never come',
    '--ask', 'come to the tenant meeting', '--ask-due', '2026-11-12 19:00', '--outcome', 'yes', '--barriers', 'no childcare on thursdays', '--support', 'a ride from Dmitri']);
  ok(box, ['log', 'Dmitri Kowalski', '--date', '2026-11-05 18:00', '--agitation', 'pays rent for a flat that makes his kids sick',
    '--followup', 'next friday 6pm', '--followup-note', 'bring the rent ledger to the clinic', '--neighborhood', 'Riverside']);
  ok(box, ['log', 'José Núñez', '--date', '2026-11-06 18:00', '--issue', "the landlord's rent hikes", '--story', 'told the story of my eviction']);
  ok(box, ['log', 'Esi Mensah', '--date', '2026-11-07 18:00', '--issue', 'broken heating', '--note', 'mentioned rent once']);
}

describe('search', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
    logTheOrganizing(box);
  });
  afterAll(() => box.cleanup());

  it('answers "who named rent as an issue?" with exactly those people', () => {
    const hits = box.json<Hit[]>(['search', 'rent', '--tag', 'issue', '--json']);
    expect(who(hits)).toEqual(['Ana Ruiz', 'Carmen Nguyen', 'José Núñez']);
    expect(hits.every((hit) => hit.kind === 'note' && hit.tag === 'issue')).toBe(true);
    expect(hits.map((hit) => hit.fields[0]!.matched)).toEqual([['rent'], ['rent'], ['rent']]);
  });

  it('without a tag finds the word everywhere it was written down: notes of every tag, agitation, follow-ups', () => {
    const hits = box.json<Hit[]>(['search', 'rent', '--json']);
    expect(found(hits).sort()).toEqual([
      'Ana Ruiz · note issue · text: rent went up 12% again',
      'Bilal Okafor · note value · text: rent should be fair',
      'Carmen Nguyen · note issue · text: the rent strike',
      'Dmitri Kowalski · agitation · agitation: pays rent for a flat that makes his kids sick',
      'Dmitri Kowalski · followup · text: bring the rent ledger to the clinic',
      'Esi Mensah · note note · text: mentioned rent once',
      "José Núñez · note issue · text: the landlord's rent hikes",
    ]);
    expect(hits.map((hit) => hit.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("finds a word in an ask's barriers and support, a follow-up note, agitation, a neighbourhood and an organization", () => {
    expect(found(box.json<Hit[]>(['search', 'childcare', '--json']))).toEqual(['Carmen Nguyen · ask · text: come to the tenant meeting | barriers: no childcare on thursdays']);
    expect(found(box.json<Hit[]>(['search', 'ride', '--json']))).toEqual(['Carmen Nguyen · ask · text: come to the tenant meeting | support: a ride from Dmitri']);
    expect(found(box.json<Hit[]>(['search', 'ledger', '--json']))).toEqual(['Dmitri Kowalski · followup · text: bring the rent ledger to the clinic']);
    expect(found(box.json<Hit[]>(['search', 'sick', 'kids', '--json']))).toEqual(['Dmitri Kowalski · agitation · agitation: pays rent for a flat that makes his kids sick']);
    expect(found(box.json<Hit[]>(['search', 'riverside', '--json']))).toEqual(['Dmitri Kowalski · person · neighborhood: Riverside']);
    expect(found(box.json<Hit[]>(['search', 'maple', 'tenants', '--json']))).toEqual(['Bilal Okafor · person · organization: Maple Tenants']);
    expect(found(box.json<Hit[]>(['search', 'eviction', '--tag', 'story', '--json']))).toEqual(['José Núñez · note story · text: told the story of my eviction']);
  });

  it('says when, from the meeting the words were said in', () => {
    const [hit] = box.json<Hit[]>(['search', 'ledger', '--json']);
    expect(hit!.at).toBe('2026-11-05T18:00:00.000Z');
    expect(hit!.meetingId).toEqual(expect.any(Number));
  });

  it('folds accents and case: "jose nunez" and "NÚÑEZ" find José Núñez; "José" finds no one else', () => {
    for (const words of [['jose', 'nunez'], ['NÚÑEZ'], ['josé']]) {
      expect(found(box.json<Hit[]>(['search', ...words, '--json'])), words.join(' ')).toEqual(['José Núñez · person · name: José Núñez']);
    }
  });

  it('ranks the closer match first: the short note about the heating above the long one that mentions it', () => {
    const hits = box.json<Hit[]>(['search', 'heating', '--json']);
    expect(hits.map((hit) => hit.person.name)).toEqual(['Esi Mensah', 'Bilal Okafor']);
    expect(found(box.json<Hit[]>(['search', 'rent', 'strike', '--json']))).toEqual(['Carmen Nguyen · note issue · text: the rent strike']);
  });

  it('matches a word ending in * as a prefix, and only then', () => {
    expect(box.json<Hit[]>(['search', 'evict', '--json'])).toEqual([]);
    expect(who(box.json<Hit[]>(['search', 'evict*', '--json']))).toEqual(['José Núñez']);
  });

  it('prints who, the kind of note, when, and the matching words in brackets when there is no colour; the count on stderr', () => {
    const result = box.run(['search', 'rent', '--tag', 'issue']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        '1. Carmen Nguyen (#3) · issue · Wed 4 Nov 2026',
        '   the [rent] strike',
        "2. José Núñez (#5) · issue · Fri 6 Nov 2026",
        "   the landlord's [rent] hikes",
        '3. Ana Ruiz (#1) · issue · Mon 2 Nov 2026',
        '   [rent] went up 12% again',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('3 matches for "rent" in notes tagged issue, best first.\n');
  });

  it('marks the matching words in bold colour, not brackets, where colour is on', () => {
    const result = box.run(['search', 'childcare'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(result.stdout).toContain('\u001b[1m');
    expect(result.stdout).toContain('childcare');
    expect(result.stdout).not.toContain('[childcare]');
    const plain = box.run(['--no-color', 'search', 'childcare'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(plain.stdout).toContain('no [childcare] on thursdays');
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('shows at most --limit hits and says how to see more', () => {
    const result = box.run(['search', 'rent', '--limit', '2']);
    expect(result.stdout.match(/^\d+\. /gm)).toHaveLength(2);
    expect(result.stderr).toBe('2 matches for "rent", best first. There are more: see them with --limit 4.\n');
    expect(box.json<Hit[]>(['search', 'rent', '--limit', '2', '--json'])).toHaveLength(2);
  });

  it('finding nothing is not an error: a message on stderr, nothing on stdout, exit 0 ([] with --json)', () => {
    const result = box.run(['search', 'zzyzx']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'Nothing found for "zzyzx".\n' });
    const tagged = box.run(['search', 'heating', '--tag', 'story']);
    expect(tagged).toEqual({ code: 0, stdout: '', stderr: 'Nothing found for "heating" in notes tagged story. Try without --tag to look everywhere.\n' });
    expect(box.json(['search', 'zzyzx', '--json'])).toEqual([]);
  });

  it('reads quotes and query operators as words, never as syntax', () => {
    for (const words of [['"rent'], ['rent"', 'OR', 'NOT'], ['NEAR(rent'], ['text:rent'], ['(rent)'], ['^rent'], ['rent', 'AND']]) {
      const result = box.run(['search', ...words, '--json']);
      expect(result.code, `${words.join(' ')}: ${result.stderr}`).toBe(0);
    }
    expect(who(box.json<Hit[]>(['search', '"rent"', '(strike)', '--json']))).toEqual(['Carmen Nguyen']);
    expect(box.json<Hit[]>(['search', 'rent', 'OR', 'heating', '--json'])).toEqual([]);
  });

  it('refuses words with no letter or digit, and a tag it does not know, in one line with a hint (exit 2)', () => {
    expect(box.run(['search', '--', '--', '&', '?'])).toEqual({
      code: 2, stdout: '', stderr: 'oneonone: nothing to search for in "-- & ?": it has no letter or digit\nhint: give a word, e.g. oneonone search rent\n',
    });
    expect(box.run(['search', 'rent', '--tag', 'rant'])).toEqual({
      code: 2, stdout: '',
      stderr: 'oneonone: there is no note tag "rant"\nhint: use one of: value, interest, motivation, issue, skill, capacity, story, lead-in, note (e.g. --tag issue)\n',
    });
    expect(box.run(['search', 'rent', '--limit', '0']).code).toBe(2);
    expect(who(box.json<Hit[]>(['search', 'eviction', '--tag', 'Story Shared', '--json']))).toEqual(['José Núñez']);
  });
});

describe('search keeps up with every write', () => {
  let box: Sandbox;
  afterEach(() => box.cleanup());

  it('reads nothing and creates nothing where there is no database', () => {
    box = sandbox();
    expect(box.run(['search', 'rent'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing found for "rent".\n' });
    expect(hasDatabase(box)).toBe(false);
    // Nor a folder for it; on a server, nothing at all on this computer (no outbox).
    if (ENGINE === 'sqlite') expect(existsSync(join(box.db, '..'))).toBe(false);
    else expect(readdirSync(box.dir)).toEqual([]);
  });

  it('finds the new words of a note whose text was changed (by any program writing the database), and not the old ones', () => {
    box = sandbox();
    ok(box, ['log', 'Ana Ruiz', '--issue', 'the rent is too high']);
    expect(who(box.json<Hit[]>(['search', 'rent', '--json']))).toEqual(['Ana Ruiz']);
    box.sql(`UPDATE notes SET text = 'the heating is broken' WHERE text = 'the rent is too high'`);
    expect(box.json<Hit[]>(['search', 'rent', '--json'])).toEqual([]);
    expect(found(box.json<Hit[]>(['search', 'heating', '--json']))).toEqual(['Ana Ruiz · note issue · text: the heating is broken']);
  });

  const where = ENGINE === 'postgres' ? 'any row of any table, the search index included' : 'the file, its WAL or shared memory';
  it(`no longer finds a forgotten person, and none of their words is left in ${where}`, () => {
    box = sandbox();
    ok(box, ['log', 'Somebody Else', '--issue', 'rent strike too', '--neighborhood', 'Eastside']);
    const secrets = ['Wilhelmina Quarrington', 'zyzzogeton', 'plumbicon', 'quaggascape', 'vexillarium', 'snollygoster', 'Xanthippe Heights'];
    // On SQLite another connection stays open throughout, so the WAL and shared memory survive every command's exit.
    const watcher = ENGINE === 'sqlite' ? new Database(box.db) : undefined;
    try {
      watcher?.pragma('user_version');
      ok(box, ['log', secrets[0]!, '--issue', 'rent strike zyzzogeton', '--agitation', 'plumbicon in the walls', '--neighborhood', secrets[6]!,
        '--ask', 'come to the quaggascape', '--ask-due', 'next friday 7pm', '--outcome', 'yes', '--barriers', 'vexillarium shifts',
        '--followup', 'next friday 6pm', '--followup-note', 'call about the snollygoster']);
      for (const word of ['zyzzogeton', 'plumbicon', 'quaggascape', 'vexillarium', 'snollygoster', 'xanthippe', 'wilhelmina']) {
        expect(who(box.json<Hit[]>(['search', word, '--json'])), word).toEqual([secrets[0]]);
      }
      // A server promises nothing about its own files: there, every row of every table.
      const raw = () => (ENGINE === 'postgres'
        ? allRows(box)
        : Buffer.concat(['', '-wal', '-shm'].map((suffix) => `${box.db}${suffix}`).filter(existsSync).map((path) => readFileSync(path))).toString('latin1')).toLowerCase();
      expect(secrets.filter((secret) => raw().includes(secret.toLowerCase()))).toEqual(secrets); // control: all of it is in the files before

      ok(box, ['forget', secrets[0]!, '--yes']);
      for (const word of ['zyzzogeton', 'plumbicon', 'quaggascape', 'vexillarium', 'snollygoster', 'xanthippe', 'wilhelmina']) {
        expect(box.json<Hit[]>(['search', word, '--json']), word).toEqual([]);
      }
      expect(who(box.json<Hit[]>(['search', 'rent', 'strike', '--json']))).toEqual(['Somebody Else']);
      // The words of their notes, ask, follow-up and agitation first (the index keeps each word folded to lower case),
      // then everything, their name and neighbourhood with it, in any case.
      expect(['zyzzogeton', 'plumbicon', 'quaggascape', 'vexillarium', 'snollygoster'].filter((word) => raw().includes(word))).toEqual([]);
      expect(secrets.filter((secret) => raw().includes(secret.toLowerCase()))).toEqual([]);
    } finally {
      watcher?.close();
    }
  });
});

/** The tables the generator fills, parents first. */
const GENERATED = ['people', 'person_names', 'meetings', 'meeting_phases', 'rung_changes', 'notes', 'asks', 'followups', 'settings'];

/**
 * The generated file's rows copied into the sandbox's server database, whose schema oneonone itself made (any writing
 * command does); the server's own triggers index them and count the figures as they go in.
 */
function copyToServer(box: Sandbox, file: string): void {
  ok(box, ['followups', '--cadence', 'leader=14']);
  box.sql(`DELETE FROM settings`);
  box.sql(`DELETE FROM changes`);
  const source = new Database(file, { readonly: true });
  try {
    for (const table of GENERATED) {
      const onServer = new Set(box.sql<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`, [table]).map(({ name }) => name));
      const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((column) => onServer.has(column));
      const rows = source.prepare(`SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][];
      // Quoted literals, so the server reads each value as its column's type; batches short enough for one psql argument.
      for (let at = 0; at < rows.length; at += 100) {
        const batch = rows.slice(at, at + 100);
        const values = batch.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
        box.sql(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat().map((value) => (value === null ? null : String(value))));
      }
      expect(box.sql(`SELECT count(*) AS n FROM ${table}`), table).toEqual([{ n: rows.length }]);
    }
  } finally {
    source.close();
  }
}

describe('search on a generated database', () => {
  let box: Sandbox;
  let truth: Database.Database;
  beforeAll(() => {
    box = sandbox();
    // The generator writes a SQLite file; on a server its rows are then copied in.
    const file = ENGINE === 'postgres' ? join(box.dir, 'generated.db') : box.db;
    const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), 'tiny', '--out', file], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    if (ENGINE === 'postgres') copyToServer(box, file);
    truth = new Database(file, { readonly: true });
  }, 120_000);
  afterAll(() => {
    truth.close();
    box.cleanup();
  });

  /** Who said the word (as a whole word, case and accents aside) in a note with this tag: read row by row, the slow way. */
  function peopleWhoSaid(word: string, tag?: string): string[] {
    const rows = truth.prepare(`SELECT p.name, n.text, n.tag FROM notes n JOIN people p ON p.id = n.person_id`).all() as { name: string; text: string; tag: string }[];
    const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const said = rows.filter((row) => (tag === undefined || row.tag === tag) && fold(row.text).split(/[^\p{L}\p{N}]+/u).includes(word));
    return [...new Set(said.map((row) => row.name))].sort();
  }

  it('returns exactly the people who named rent as an issue, and who said "heating" under any tag', () => {
    const rent = peopleWhoSaid('rent', 'issue');
    expect(rent.length).toBeGreaterThan(2);
    expect(who(box.json<Hit[]>(['search', 'rent', '--tag', 'issue', '--limit', '100000', '--json']))).toEqual(rent);
    const heating = box.json<Hit[]>(['search', 'heating', '--limit', '100000', '--json']).filter((hit) => hit.kind === 'note');
    expect(who(heating)).toEqual(peopleWhoSaid('heating'));
    expect(heating.length).toBe(
      (truth.prepare(`SELECT count(*) AS n FROM notes WHERE text LIKE '%heating%'`).get() as { n: number }).n,
    );
  });

  it('finds everyone named Lucía by "lucia", and every ask whose barrier is childcare', () => {
    const lucias = (truth.prepare(`SELECT name FROM people WHERE name LIKE 'Lucía %'`).all() as { name: string }[]).map((row) => row.name);
    expect(lucias.length).toBeGreaterThan(0);
    const hits = box.json<Hit[]>(['search', 'lucia', '--limit', '100000', '--json']).filter((hit) => hit.kind === 'person');
    expect(hits.map((hit) => hit.person.name).sort()).toEqual([...lucias].sort());
    const childcare = box.json<Hit[]>(['search', 'childcare', '--limit', '100000', '--json']);
    expect(childcare.length).toBe((truth.prepare(`SELECT count(*) AS n FROM asks WHERE barriers = 'no childcare'`).get() as { n: number }).n);
    expect(childcare.every((hit) => hit.kind === 'ask' && hit.fields.some((field) => field.field === 'barriers'))).toBe(true);
  });
});
