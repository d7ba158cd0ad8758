/**
 * Sensitive words on a team server, on a private cluster of these tests (it is stopped under the commands, as a lost
 * network looks): `start` asks in a real terminal (keep it private, rewrite it, send it as it is), live and plain;
 * `log` is refused without --sensitive, and --sensitive private keeps a note to its author; the team's own words are
 * an admin's, checked by everyone, and checked without the network too. What a choice made is read on the server
 * through raw connections: the author's, a lead's, and the superuser's dump of every row.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { HEARD_QUESTIONS, REFLECTION, answer, openTerminal, type Terminal } from './terminal.js';
import { freshDatabase, postgresBin, startCluster, type Cluster } from '../support/postgres.js';

const installed = postgresBin() !== undefined;

let cluster: Cluster;
let box: Sandbox;
let url: string;
let terminal: Terminal | undefined;

const database = () => /\/([^/?]+)\?/.exec(url)![1]!;
const as = (login?: string) => url.replace('postgresql://postgres@', `postgresql://${login ?? 'postgres'}@`);

function cli(login: string | undefined, args: string[], env: NodeJS.ProcessEnv = {}) {
  return box.run(args, { env: { ONEONONE_DB: as(login), ...env } });
}

function ok(login: string | undefined, args: string[]): string {
  const result = cli(login, args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function raw<T = Record<string, unknown>>(login: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: as(login) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A person's notes as a login may read them: tag, visibility and text. */
async function notesOf(login: string, person: string): Promise<string[]> {
  const rows = await raw<{ tag: string; visibility: string; text: string }>(login, `
    SELECT n.tag, n.visibility, n.text FROM notes n JOIN people p ON p.id = n.person_id WHERE p.name = $1 ORDER BY n.id`, [person]);
  return rows.map(({ tag, visibility, text }) => `${tag} ${visibility}: ${text}`);
}

/** Every row of the server's database, as the superuser dumps it: what is nowhere here is nowhere on the server. */
function everyRow(): string {
  const dumped = spawnSync(join(postgresBin()!, 'pg_dump'), ['-h', cluster.socketDir, '-U', 'postgres', '--data-only', database()], { encoding: 'utf8' });
  expect(dumped.status, dumped.stderr).toBe(0);
  return dumped.stdout;
}

/** This computer's outboxes (one per server login); the one holding a draft is the meeting's. */
function outboxWithDraft(): string | undefined {
  const folder = join(box.env.XDG_DATA_HOME!, 'oneonone');
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => /^outbox-.*\.db$/.test(name)).map((name) => join(folder, name)) : [];
  return files.find((file) => readOutbox<{ n: number }>(file, `SELECT count(*) AS n FROM meetings WHERE status = 'draft'`)[0]!.n > 0);
}

function readOutbox<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe.runIf(installed)('sensitive words on a team server', { timeout: 120_000 }, () => {
  beforeAll(() => {
    cluster = startCluster();
    url = freshDatabase(cluster.socketDir, 'sensitive');
    box = sandbox();
    const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
    mkdirSync(templates, { recursive: true });
    copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
    ok(undefined, ['team', 'init', 'Rosa Admin']);
    ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', 'lee']);
    ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', 'ana', '--supervisor', 'Lee Lead']);
    ok('ana', ['log', 'Maria Lopez', '--value', 'her kids']);
    ok('ana', ['log', 'Jo Park', '--value', 'her block']);
  });
  afterEach(() => {
    terminal?.kill('SIGKILL');
    terminal = undefined;
    try {
      cluster.resume();
    } catch {
      // it was running
    }
  });
  afterAll(() => {
    box?.cleanup();
    cluster?.stop();
  });

  test('start asks in the live screen and the debrief: a note kept private, one rewritten, one sent; an ask and the agitation cannot be private', async () => {
    const t = (terminal = openTerminal(box, ['start', 'Maria Lopez', '-t', 'quick', '-g', 'maintenance', '--plan-ask', 'chair the meeting'], { ONEONONE_DB: as('ana') }));
    await answer(t, 'Start the first phase now?', '\r');
    await t.waitFor('Phase 1 of 3');
    const note = async (text: string, kind: string) => {
      t.write('a');
      t.write(text);
      await answer(t, `Note: ${text}`, '\r');
      await answer(t, 'What kind of note is it?', kind);
    };
    await note('su visa venció en marzo', 'v');
    await t.waitFor('This note names "visa", and immigration status is safest not written down at all.');
    await answer(t, 's send it as it is', 'p');
    await t.waitFor('Noted (value, only you will read it): su visa venció en marzo');

    await note('miedo a la migra en el trabajo', 's');
    await answer(t, 'This note names "la migra"', 'r');
    await t.waitFor('Rewrite the note');
    await t.waitFor('Note: miedo a la migra en el trabajo');
    t.write('\u007f'.repeat('miedo a la migra en el trabajo'.length));
    t.write('afraid of raids at work');
    await answer(t, 'Note: afraid of raids at work', '\r');
    await t.waitFor('Noted (issue): afraid of raids at work');

    await note('her visa lawyer is Dana', 'v');
    await answer(t, 'This note names "visa"', 's');
    await t.waitFor('Noted (value): her visa lawyer is Dana');
    await answer(t, 'Noted (value)', 'n');
    await answer(t, 'Phase 2 of 3', 'n');
    await answer(t, 'Phase 3 of 3', 'n');

    await answer(t, 'The ask:', '\r');
    await answer(t, 'By when?', 'next friday 5pm\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'What might stop them?', '\r');
    await answer(t, 'What did they say', '\r');
    await answer(t, 'Your quick notes', '\r');
    for (const question of HEARD_QUESTIONS.slice(0, 5)) await answer(t, question, '\r');
    await answer(t, 'Agitation:', 'ICE came to the plant\r');
    await t.waitFor('send it as it is');
    expect(t.sinceMark()).toContain('The agitation names "ICE"');
    expect(t.sinceMark(), 'the agitation has no private copy').not.toContain('keep it private');
    t.mark();
    t.write('\u001b[B\r');
    await answer(t, 'The story you shared', 'my parents had no papers\r');
    await answer(t, 'keep it private (only you will read it)', '\r');
    for (const question of HEARD_QUESTIONS.slice(7)) await answer(t, question, '\r');
    await answer(t, 'When will you follow up', '\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'Your next step', '\r');
    await answer(t, REFLECTION, '\r');
    await t.waitFor('Sent 1 meeting kept on this computer to the server');
    expect((await t.exit()).exitCode).toBe(0);

    expect(await notesOf('ana', 'Maria Lopez')).toEqual([
      'value team: her kids',
      'value private: su visa venció en marzo',
      'issue team: afraid of raids at work',
      'value team: her visa lawyer is Dana',
      'story private: my parents had no papers',
    ]);
    expect(await raw('ana', `SELECT agitation FROM meetings WHERE agitation IS NOT NULL`)).toEqual([{ agitation: 'ICE came to the plant' }]);
    // Ana's lead reads her team notes, never the private ones, even with SQL of his own.
    expect(await notesOf('lee', 'Maria Lopez')).toEqual(['value team: her kids', 'issue team: afraid of raids at work', 'value team: her visa lawyer is Dana']);
    expect(ok('lee', ['search', 'marzo', '--json']), 'a private note\'s words in the search index follow it').not.toContain('marzo');
    expect(ok('ana', ['search', 'marzo', '--json'])).toContain('su visa venció en marzo');
    const rows = everyRow();
    expect(rows).toContain('afraid of raids at work');
    expect(rows, 'the words rewritten are nowhere on the server').not.toContain('la migra en el trabajo');
  });

  test('in plain mode too; Ctrl-C at the question keeps what was typed (a live note private), to be finished with --resume', async () => {
    const t = (terminal = openTerminal(box, ['start', 'Jo Park', '-t', 'quick', '-g', 'maintenance', '--plan-ask', 'help with her visa forms', '--plain'], { ONEONONE_DB: as('ana') }));
    await t.waitFor('This ask names "visa"');
    expect(t.text()).toContain('(an ask cannot be kept private: whoever reads the meeting reads it)');
    await answer(t, 'Number: ', '1\r');
    await answer(t, 'Rewrite it (it is checked again): [help with her visa forms]', 'help with her forms\r');
    await answer(t, 'Start the first phase now?', '\r');
    await t.waitFor('Keys:');
    const note = async (text: string, kind: string) => {
      await answer(t, '', 'a');
      await answer(t, 'Note: type it, then Enter.', `${text}\r`);
      await answer(t, 'What kind of note is it?', kind);
    };
    await note('no papers since may', 'v');
    await answer(t, 'This note names "no papers"', 'p');
    await t.waitFor('Noted (value, only you will read it): no papers since may');
    await note('la migra came', 'i');
    await answer(t, 'This note names "la migra"', 'r');
    await answer(t, 'Rewrite the note, then Enter', `${'\u007f'.repeat('la migra came'.length)}raids scare her\r`);
    await t.waitFor('Noted (self-interest): raids scare her');
    await note('her green card interview', 'v');
    await answer(t, 'This note names "green card"', 's');
    await t.waitFor('Noted (value): her green card interview');
    await note('ICE at the school', 'n');
    await answer(t, 'This note names "ICE"', '\u0003');
    expect((await t.exit()).exitCode).toBe(130);
    expect(t.text()).toMatch(/is saved as draft M\d+; carry on with: oneonone start --resume \d+/);

    // Nothing typed was lost: the notes wait on this computer, the one still unanswered private as the safest.
    const outbox = outboxWithDraft();
    expect(outbox).toBeDefined();
    const waiting = readOutbox<{ text: string; visibility: string | null }>(outbox!, `
      SELECT n.text, (SELECT nullif(value, '') FROM settings WHERE key = 'note-visibility:' || n.id) AS visibility
      FROM notes n JOIN meetings m ON m.id = n.meeting_id WHERE m.status = 'draft' ORDER BY n.id`);
    expect(waiting).toEqual([
      { text: 'no papers since may', visibility: 'private' }, { text: 'raids scare her', visibility: null },
      { text: 'her green card interview', visibility: null }, { text: 'ICE at the school', visibility: 'private' },
    ]);

    const r = (terminal = openTerminal(box, ['start', '--resume', '--plain'], { ONEONONE_DB: as('ana') }));
    await r.waitFor('Resuming meeting');
    for (const phase of ['Phase 1 of 3', 'Phase 2 of 3', 'Phase 3 of 3']) {
      await r.waitFor(phase);
      await answer(r, 'Keys:', 'n');
    }
    await answer(r, '(type - if you made no ask) [help with her forms]', '\r');
    await answer(r, 'By when?', 'next friday 5pm\r');
    await answer(r, 'Right?', '\r');
    await answer(r, 'What might stop them?', '\r');
    await answer(r, 'What did they say', '1\r');
    await answer(r, 'Your quick notes', '\r');
    for (const question of HEARD_QUESTIONS.slice(0, 6)) await answer(r, question, '\r');
    // Ctrl-C at the debrief's question: the answer waits on this computer, and the resumed question offers it again.
    await answer(r, 'The story you shared', 'my visa story\r');
    await r.waitFor('This note names "visa"');
    await answer(r, /3\. send it as it is\s+Number: /, '\u0003');
    expect((await r.exit()).exitCode).toBe(130);
    const again = (terminal = openTerminal(box, ['start', '--resume', '--plain'], { ONEONONE_DB: as('ana') }));
    await answer(again, /at the debrief\.\s+The story you shared about yourself, in a line \(Enter to skip\): \[my visa story\]/, '\r');
    await answer(again, '1. keep it private (only you will read it)', '1\r');
    for (const question of HEARD_QUESTIONS.slice(7)) await answer(again, question, '\r');
    await answer(again, 'When will you follow up', '\r');
    await answer(again, 'Right?', '\r');
    await answer(again, 'Your next step', '\r');
    await answer(again, REFLECTION, '\r');
    await again.waitFor('Sent 1 meeting kept on this computer to the server');
    expect((await again.exit()).exitCode).toBe(0);

    expect(await notesOf('ana', 'Jo Park')).toEqual([
      'value team: her block', 'value private: no papers since may', 'interest team: raids scare her', 'value team: her green card interview', 'note private: ICE at the school',
      'story private: my visa story',
    ]);
    expect(await notesOf('lee', 'Jo Park')).toEqual(['value team: her block', 'interest team: raids scare her', 'value team: her green card interview']);
    expect(await raw('ana', `SELECT a.text FROM asks a JOIN people p ON p.id = a.person_id WHERE p.name = 'Jo Park'`)).toEqual([{ text: 'help with her forms' }]);
    const rows = everyRow();
    expect(rows).not.toContain('la migra came');
    expect(rows).not.toContain('help with her visa forms');
    expect(readFileSync(outbox!).includes('la migra came'), 'the outbox is scrubbed once the meeting is sent').toBe(false);
  });

  test('on a file on this computer start never asks: nothing leaves it', async () => {
    const file = join(box.dir, 'solo.db');
    expect(cli(undefined, ['log', 'Kim Ng', '--value', 'her shop'], { ONEONONE_DB: file }).code).toBe(0);
    const t = (terminal = openTerminal(box, ['start', 'Kim Ng', '-t', 'quick', '-g', 'maintenance', '--plan-ask', 'help with her visa'], { ONEONONE_DB: file }));
    await answer(t, 'Start the first phase now?', '\r');
    await answer(t, 'Phase 1 of 3', 'a');
    t.write('su visa venció');
    await answer(t, 'Note: su visa venció', '\r');
    await answer(t, 'What kind of note is it?', 'v');
    await t.waitFor('Noted (value): su visa venció');
    expect(t.text()).not.toContain('names "visa"');
    t.write('\u0003');
    expect((await t.exit()).exitCode).toBe(130);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT text FROM notes ORDER BY id`).all()).toEqual([{ text: 'her shop' }, { text: 'su visa venció' }]);
    } finally {
      db.close();
    }
  });

  test('log is refused without --sensitive, saying what to add; --sensitive private keeps the note to its author, never an ask', async () => {
    const refused = cli('ana', ['log', 'Rosa Vega', '--value', 'her family', '--note', 'está sin papeles, miedo a la migra']);
    expect([refused.code, refused.stderr]).toEqual([1,
      'oneonone: not sending "está sin papeles, miedo a la migra" to the team\'s server: it names "sin papeles", "la migra", and immigration status is safest not written down at all\n' +
      'hint: rewrite it without those words (the record needs the issue, not the status), keep it to yourself with --sensitive private, or, if the person agreed, add --sensitive send\n',
    ]);
    expect(await raw('ana', `SELECT id FROM people WHERE name = 'Rosa Vega'`)).toEqual([]);

    const ask = cli('ana', ['log', 'Rosa Vega', '--note', 'sin papeles', '--ask', 'talk to ICE about it', '--sensitive', 'private']);
    expect([ask.code, ask.stderr]).toEqual([1,
      'oneonone: not sending "talk to ICE about it" to the team\'s server: it names "ICE", and an ask cannot be kept private (whoever reads the meeting reads it; --sensitive private keeps notes private)\n' +
      'hint: rewrite it without those words (the record needs the issue, not the status), or, if the person agreed, add --sensitive send\n',
    ]);
    expect(cli('ana', ['log', 'Rosa Vega', '--agitation', 'la migra at the door']).stderr).toMatch(/^oneonone: not sending "la migra at the door" .*\nhint: rewrite it without those words .*, or, if the person agreed, add --sensitive send\n$/);

    ok('ana', ['log', 'Rosa Vega', '--value', 'her family', '--note', 'está sin papeles', '--issue', 'teme a la migra', '--sensitive', 'private']);
    expect(await notesOf('ana', 'Rosa Vega')).toEqual(['value team: her family', 'issue private: teme a la migra', 'note private: está sin papeles']);
    expect(await notesOf('lee', 'Rosa Vega')).toEqual(['value team: her family']);
    ok('ana', ['log', 'Rosa Vega', '--issue', 'her visa', '--sensitive', 'send']);
    expect(await notesOf('lee', 'Rosa Vega')).toEqual(['value team: her family', 'issue team: her visa']);
  });

  test('the team\'s own words: an admin adds them, everyone\'s texts are checked for them, an organizer may not change them', async () => {
    const refused = cli('ana', ['team', 'words', 'add', 'parole']);
    expect([refused.code, refused.stderr]).toEqual([1, "oneonone: only an admin can change the team's sensitive words (you are Ana Ruiz, organizer)\nhint: ask the team's admin; see the words with: oneonone team words list\n"]);
    expect(cli(undefined, ['team', 'words', 'add', 'parole']).stderr).toBe(`Added "parole" to the team's sensitive words: a note, agitation or ask naming it is now stopped before it leaves a computer for this server.\n`);
    expect(cli(undefined, ['team', 'words', 'add', 'Parole']).stderr).toMatch(/^oneonone: "parole" is already checked \(on the team's list\)\n/);
    expect(cli(undefined, ['team', 'words', 'add', 'Probation officer']).code).toBe(0);
    expect(cli(undefined, ['team', 'words', 'remove', 'visa']).stderr).toMatch(/^oneonone: "visa" is one of the defaults, which every team checks\n/);
    expect(cli('ana', ['team', 'words', 'remove', 'parole']).code).toBe(1);

    const listed = JSON.parse(ok('ana', ['team', 'words', 'list', '--json'])) as { term: string; from: string }[];
    expect(listed.filter(({ from }) => from === 'team')).toEqual([{ term: 'parole', from: 'team' }, { term: 'Probation officer', from: 'team' }]);
    expect(listed.filter(({ from }) => from === 'default').map(({ term }) => term)).toEqual(expect.arrayContaining(['undocumented', 'sin papeles', 'visa', 'ICE', 'la migra', 'papeles']));
    expect(ok('ana', ['team', 'words', 'list'])).toMatch(/│ parole +│ the team's │/);
    expect(ok('ana', ['team', 'words', 'list'])).toMatch(/│ la migra +│ default +│/);

    const flagged = cli('ana', ['log', 'Maria Lopez', '--issue', 'his parole hearing']);
    expect([flagged.code, flagged.stderr.split('\n')[0]]).toEqual([1, 'oneonone: not sending "his parole hearing" to the team\'s server: it names "parole", and the team keeps such words off its shared record']);
    expect(cli('ana', ['log', 'Maria Lopez', '--issue', 'her probation  officer']).code).toBe(1);
    ok(undefined, ['team', 'words', 'remove', 'Probation Officer']);
    ok('ana', ['log', 'Maria Lopez', '--issue', 'her probation officer is kind']);

    const file = cli(undefined, ['team', 'words', 'list'], { ONEONONE_DB: join(box.dir, 'solo.db') });
    expect([file.code, file.stderr]).toEqual([1, expect.stringMatching(/^oneonone: there is no team in a file: .*\nhint: a team lives on a PostgreSQL server/)]);
  });

  test('without the network the team\'s words as last read still stop a note; one kept private is sent private by push, which asks nothing', async () => {
    // A command that reached the server since the words were added keeps a copy of them on this computer.
    ok('ana', ['followups']);
    ok('ana', ['log', 'Maria Lopez', '--value', 'her church']);
    cluster.pause();
    const offline = cli('ana', ['log', 'Maria Lopez', '--issue', 'his parole hearing']);
    expect([offline.code, offline.stderr.split('\n')[0]]).toEqual([1, 'oneonone: not sending "his parole hearing" to the team\'s server: it names "parole", and the team keeps such words off its shared record']);
    const kept = cli('ana', ['log', 'Maria Lopez', '--issue', 'his parole hearing', '--note', 'ICE took her cousin', '--sensitive', 'private']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toMatch(/The meeting with Maria Lopez is kept on this computer/);
    cluster.resume();
    const pushed = cli('ana', ['push'], { NO_COLOR: '1' });
    expect([pushed.code, pushed.stderr]).toEqual([0, expect.stringMatching(/^Sent 1 meeting kept on this computer to the server: Maria Lopez/)]);
    const notes = await notesOf('ana', 'Maria Lopez');
    expect(notes.slice(-2)).toEqual(['issue private: his parole hearing', 'note private: ICE took her cousin']);
    expect(await notesOf('lee', 'Maria Lopez')).not.toContain('issue private: his parole hearing');
    expect((await notesOf('lee', 'Maria Lopez')).join()).not.toMatch(/parole hearing|cousin/);
  });
});
