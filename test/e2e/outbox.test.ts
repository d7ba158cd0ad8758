/**
 * With a server, no meeting depends on the network: the server of these tests is a private cluster of their own,
 * stopped and started under the commands (as a crash, a restart or a lost network looks to the client).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { HEARD_QUESTIONS, REFLECTION, answer, openTerminal, type Terminal } from './terminal.js';
import { freshDatabase, postgresBin, psql, startCluster, type Cluster } from '../support/postgres.js';
const UP = '\u001b[A';

const installed = postgresBin() !== undefined;

interface Shown {
  person: { id: number; name: string; rung: string; assessment: number };
  assessmentHistory: { toLevel: number; cause: string; meetingId: number | null }[];
  knows: { kind: string; other: { name: string } }[];
  places: { name: string }[];
  referrals: { name: string }[];
  meetings: { id: number; status: string; notes: { tag: string; text: string }[]; asks: { text: string; outcome: string | null }[]; reflection?: string | null; scorecard?: unknown }[];
}

let cluster: Cluster;
let box: Sandbox;
let url: string;
let terminal: Terminal | undefined;

beforeAll(() => {
  if (installed) cluster = startCluster();
});
afterAll(() => cluster?.stop());
beforeEach(() => {
  if (!installed) return;
  box = sandbox();
  url = freshDatabase(cluster.socketDir, 'outbox');
  box.env.ONEONONE_DB = url;
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
});
afterEach(() => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  try {
    cluster?.resume();
  } catch {
    // it was running
  }
  box?.cleanup();
});

const outboxes = () => {
  const folder = join(box.env.XDG_DATA_HOME!, 'oneonone');
  return existsSync(folder) ? readdirSync(folder).filter((name) => /^outbox-.*\.db$/.test(name)).map((name) => join(folder, name)) : [];
};
/** What is left in this computer's outbox: no one's rows once everything is sent. */
const leftHere = () => outboxes().map((file) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM notes) AS n`).get() as { n: number }).n;
  } finally {
    db.close();
  }
});
const onServer = (sql: string) => psql(cluster.socketDir, sql, /\/([^/?]+)\?/.exec(url)![1]);

describe.runIf(installed)('a meeting never depends on the network', { timeout: 90_000 }, () => {
  test('log with the server down keeps the meeting on this computer (0600), and push sends it once', () => {
    expect(box.run(['log', 'Ana Ruiz', '--value', 'her kids']).code).toBe(0);
    cluster.pause();
    const offline = box.run(['log', 'Ana Ruiz', '--issue', 'broken heating', '--ask', 'come to the tenant meeting', '--outcome', 'yes']);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stderr).toMatch(/The meeting with Ana Ruiz is kept on this computer \(cannot reach the PostgreSQL server at .*\); it is sent by the next command that reaches the server, or: oneonone push/);
    expect(outboxes()).toHaveLength(1);
    expect(statSync(outboxes()[0]!).mode & 0o777).toBe(0o600);
    const down = box.run(['people']);
    expect([down.code, down.stderr.trim().split('\n')[0]]).toEqual([1, expect.stringMatching(/^oneonone: cannot reach the PostgreSQL server/)]);
    expect(down.stderr).toMatch(/\nhint: .* 1 meeting kept on this computer will be sent when the server can be reached \(oneonone push sends now\)\.\n$/);

    cluster.resume();
    const pushed = box.run(['push']);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toMatch(/^Sent 1 meeting kept on this computer to the server: Ana Ruiz \(now M\d+\)\./);
    const ana = box.json<Shown>(['show', 'Ana Ruiz', '--json']);
    expect(ana.meetings.map((m) => m.notes.map((n) => n.text))).toEqual([['broken heating'], ['her kids']]);
    expect(ana.meetings[0]!.asks).toEqual([expect.objectContaining({ text: 'come to the tenant meeting', outcome: 'yes' })]);
    expect(onServer(`SELECT count(*) FROM people`)).toBe('1');
    expect(leftHere()).toEqual([0]);
    expect(box.run(['push']).stderr).toBe('Nothing is waiting to be sent.\n');
  });

  test('the next command that reaches the server sends what waits; a meeting sent twice is saved once', () => {
    cluster.pause();
    expect(box.run(['log', 'Bo Li', '--value', 'his union', '--referral', 'Cy Dee', '--language', 'es', '--interpreter']).code).toBe(0);
    const [outbox] = outboxes();
    const copy = `${outbox}.copy`;
    copyFileSync(outbox!, copy);
    cluster.resume();
    const next = box.run(['followups']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/^Sent 1 meeting kept on this computer to the server: Bo Li/);
    copyFileSync(copy, outbox!);
    expect(box.run(['push']).code).toBe(0);
    expect(onServer(`SELECT count(*) FROM meetings`)).toBe('1');
    expect(onServer(`SELECT p.name || ' <- ' || r.name FROM people p JOIN people r ON r.id = p.referred_by`)).toBe('Cy Dee <- Bo Li');
    expect(onServer(`SELECT language || ' ' || interpreter FROM people WHERE name = 'Bo Li'`)).toBe('es 1');
  });

  test('the server stopped during a live start: the meeting is finished, kept, and on the server once after the next command', async () => {
    expect(box.run(['log', 'Ana Ruiz', '--value', 'her kids', '--email', 'ana@example.org']).code).toBe(0);
    const t = (terminal = openTerminal(box, ['start', 'Ana Ruiz', '-t', 'quick', '-g', 'maintenance', '--plan-ask', 'chair the meeting']));
    await answer(t, 'Start the first phase now?', '\r');
    await t.waitFor('Phase 1 of 3');
    cluster.pause();
    t.write('a');
    t.write('fed up with the landlord');
    await answer(t, 'Note: fed up with the landlord', '\r');
    await answer(t, 'What kind of note is it?', 'i');
    await answer(t, 'Noted (self-interest)', 'n');
    await answer(t, 'Phase 2 of 3', 'n');
    await answer(t, 'Phase 3 of 3', 'n');
    await answer(t, 'The ask:', '\r');
    await answer(t, 'By when?', 'next friday 5pm\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'What might stop them?', '\r');
    await answer(t, 'What did they say', '\r');
    await answer(t, 'Your quick notes', '\r');
    // Where she stands (four up from "not sure yet" is 2) and whom she named, with how they know each other (four up
    // from "skip" is family): written here while the server is down, and carried to it with the meeting.
    const keys: Record<string, string> = { 'stand on the campaign': `${UP.repeat(4)}\r`, 'Which building, worksite': 'Building 12\r', 'connect you to anyone': 'Joan Baez\r' };
    for (const question of HEARD_QUESTIONS) {
      await answer(t, question, keys[question] ?? '\r');
      if (question === 'Which building, worksite') await answer(t, 'so far: Building 12', '\r');
      if (question === 'connect you to anyone') {
        await answer(t, 'How does Ana Ruiz know Joan Baez?', `${UP.repeat(4)}\r`);
        await answer(t, 'so far: Joan Baez', '\r');
      }
    }
    await answer(t, 'When will you follow up', '\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'Your next step', '\r');
    await answer(t, REFLECTION, 'ask about the repairs first\r');
    await t.waitFor('is kept on this computer');
    expect((await t.exit()).exitCode).toBe(0);
    expect(onServerDown()).toBe(true);

    expect(outboxes(), 'the outbox holds the finished meeting').toHaveLength(1);
    cluster.resume();
    const next = box.run(['show', 'Ana Ruiz', '--json']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/Sent 1 meeting kept on this computer to the server: Ana Ruiz/);
    const ana = JSON.parse(next.stdout) as Shown;
    expect(ana.meetings.map((m) => m.notes.map((n) => `${n.tag}: ${n.text}`))).toEqual([['interest: fed up with the landlord'], ['value: her kids']]);
    expect(ana.meetings[0]!.asks.map((a) => a.text)).toEqual(['chair the meeting']);
    expect(ana.meetings[0], 'the scorecard and reflection travel with it').toMatchObject({
      reflection: 'ask about the repairs first', scorecard: { lines: expect.arrayContaining([{ item: 'interest', met: true }, { item: 'value', met: false }]) },
    });
    expect(ana.person.assessment).toBe(2);
    expect(ana.assessmentHistory).toEqual([expect.objectContaining({ toLevel: 2, cause: 'meeting', meetingId: ana.meetings[0]!.id })]);
    expect(ana.referrals.map((r) => r.name)).toEqual(['Joan Baez']);
    expect(ana.knows.map((r) => [r.kind, r.other.name])).toEqual([['family', 'Joan Baez']]);
    expect(ana.places.map((p) => p.name)).toEqual(['Building 12']);
    expect(box.run(['show', 'Ana Ruiz']).stderr).not.toMatch(/Sent/);
    expect(onServer(`SELECT count(*) FROM meetings`)).toBe('2');
    expect(onServer(`SELECT count(*) FROM people`)).toBe('2');
    expect(leftHere()).toEqual([0]);
  });

  test('a start begun with the server down says the scale in the words the server last gave', async () => {
    // The scale's words, kept on this computer by the log that reaches the server after they were set.
    expect(box.run(['scale', 'rename', '2', 'leaning yes']).code).toBe(0);
    expect(box.run(['log', 'Ana Ruiz', '--value', 'her kids']).code).toBe(0);
    cluster.pause();
    const t = (terminal = openTerminal(box, ['start', 'Bo Li', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'come on thursday']));
    await answer(t, 'How did you get their name?', '\u001b[B\u001b[B\r');
    await answer(t, '(Enter to skip)', '\r');
    await answer(t, 'Start the first phase now?', '\r');
    await answer(t, 'Phase 1 of 3', 'n');
    await answer(t, 'Phase 2 of 3', 'n');
    await answer(t, 'Phase 3 of 3', 'n');
    await answer(t, 'The ask:', '-\r');
    for (const question of HEARD_QUESTIONS) {
      await answer(t, question === 'stand on the campaign' ? /stand on the campaign[\s\S]*2 leaning yes/ : question, question === 'stand on the campaign' ? `${UP.repeat(4)}\r` : '\r');
    }
    await answer(t, 'When will you follow up', '-\r');
    await answer(t, REFLECTION, '\r');
    await t.waitFor('is kept on this computer');
    expect((await t.exit()).exitCode).toBe(0);
    cluster.resume();
    const bo = JSON.parse(box.run(['show', 'Bo Li', '--json']).stdout) as Shown;
    expect(bo.person.assessment).toBe(2);
  });
});

function onServerDown(): boolean {
  try {
    onServer('SELECT 1');
    return false;
  } catch {
    return true;
  }
}
