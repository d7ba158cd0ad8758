/**
 * Ten organizers logging at once against one PostgreSQL server (the run's cluster), each a process of its own running
 * the built CLI's `log` a hundred times (test/e2e/pg-organizers.mjs; in-process, since 1000 spawns of the binary take
 * ~4 minutes on 2 cores), all ten on the same ten people at the same moment: every meeting lands, no error reaches
 * anyone, person_figures equals a recount and no rung move is recorded twice. Then the same ten people logged while
 * still new: each added once. ONEONONE_PG_LOGS (at least 10) shortens a run. Skipped where PostgreSQL is not installed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, psql } from '../support/postgres.js';
import { ROOT, runBin } from './helpers.js';
// @ts-expect-error: the driver is plain JavaScript, run by Node as it is.
import { PEOPLE } from './pg-organizers.mjs';

const socketDir = process.env.ONEONONE_TEST_PG;
const DRIVER = join(ROOT, 'test/e2e/pg-organizers.mjs');
const ORGANIZERS = 10;
const LOGS = Number(process.env.ONEONONE_PG_LOGS ?? 100);
const SHARED = PEOPLE as string[];

interface Sent { meetings: number; notes: number; asks: number; yes: number; followups: number }
interface Report { organizer: number; sent: Sent; failures: { n: number; args: string[]; code: number; stderr: string }[]; ms: number }

/** What person_figures must hold: each figure recounted from the rows (as refresh_person_figures defines it). */
const RECOUNT = `
  SELECT p.id AS person_id,
    (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete')::int AS meetings,
    (SELECT max(held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS last_met,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id)::int AS asks_made,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes')::int AS asks_yes,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept')::int AS asks_kept,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken')::int AS asks_broken,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL)::int AS open_asks,
    (SELECT count(*) FROM followups f WHERE f.person_id = p.id AND f.done_at IS NULL)::int AS open_followups,
    (SELECT count(*) FROM people r WHERE r.referred_by = p.id AND r.source = 'referral')::int AS referrals,
    (SELECT max(touched_at) FROM touches t WHERE t.person_id = p.id) AS last_touch
  FROM people p`;

const FIGURES = `SELECT person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals, last_touch FROM person_figures`;

/** Every person whose kept figures differ from the recount (or who has one and not the other), both sides shown. */
const MISMATCHES = `
  SELECT person_id, to_jsonb(k) - 'person_id' AS kept, to_jsonb(r) - 'person_id' AS recounted
  FROM (${FIGURES}) k FULL JOIN (${RECOUNT}) r USING (person_id)
  WHERE to_jsonb(k) IS DISTINCT FROM to_jsonb(r)
  ORDER BY person_id`;

let client: pg.Client;
let dir: string;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params)).rows as T[];
}

async function count(sql: string): Promise<number> {
  return Number((await rows<{ n: string }>(sql))[0]!.n);
}

function organizerEnv(n: number): NodeJS.ProcessEnv {
  const home = join(dir, `organizer-${n}`);
  return {
    PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: process.env.TZ ?? 'UTC', NO_COLOR: '1',
    XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'),
  };
}

function dropDatabase(url: string): void {
  const name = /\/([^/?]+)\?/.exec(url)?.[1];
  if (name) psql(socketDir!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Failed logs counted by what the organizer was shown (its first line) and the exit code: short enough to read. */
function tally(failures: Report['failures']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { code, stderr } of failures) {
    const said = `exit ${code}: ${stderr.split('\n')[0]}`;
    counts[said] = (counts[said] ?? 0) + 1;
  }
  return counts;
}

/** What is wrong with each person's rung history in the order it was recorded: it must be one unbroken chain of moves. */
async function rungProblems(): Promise<string[]> {
  const people = await rows<{ id: number; name: string; rung: string; moves: { from: string | null; to: string }[] }>(`
    SELECT p.id::int, p.name, p.rung, json_agg(json_build_object('from', c.from_rung, 'to', c.to_rung) ORDER BY c.id) AS moves
    FROM people p JOIN rung_changes c ON c.person_id = p.id GROUP BY p.id ORDER BY p.id`);
  return people.flatMap(({ name, rung, moves }) => {
    const problems: string[] = [];
    if (moves[0]!.from !== null || moves.filter((move) => move.from === null).length !== 1) problems.push('not added exactly once');
    if (moves.filter((move) => move.from === 'contact').length > 1) problems.push('moved from contact twice');
    moves.slice(1).forEach((move, at) => {
      const before = moves[at]!;
      if (move.from === before.from && move.to === before.to) problems.push(`${move.from}→${move.to} recorded twice in a row`);
      else if (move.from !== before.to) problems.push(`${move.from}→${move.to} after a move to ${before.to}`);
    });
    if (moves.at(-1)!.to !== rung) problems.push(`is ${rung} but the last move was to ${moves.at(-1)!.to}`);
    return problems.map((problem) => `${name}: ${problem}`);
  });
}

describe.skipIf(!socketDir)('ten organizers on one PostgreSQL server', () => {
  let url: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'oneonone-organizers-'));
    url = freshDatabase(socketDir!, 'organizers');
    client = new pg.Client({ connectionString: url });
    // The people everyone meets are known before the day starts, as from a sign-in sheet.
    const sheet = join(dir, 'people.csv');
    writeFileSync(sheet, `name\n${SHARED.join('\n')}\n`);
    const imported = runBin(['import', sheet, '--db', url], { env: organizerEnv(0) });
    expect(imported.code, imported.stderr).toBe(0);
    return client.connect();
  });

  afterAll(async () => {
    await client?.end();
    if (url) dropDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${ORGANIZERS} organizers × ${LOGS} logs of the same people at once: every meeting lands, no error reaches anyone`, async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: ORGANIZERS }, (_, n) => run([DRIVER, url, String(n), String(LOGS)], organizerEnv(n))),
    );
    for (const { code, stderr } of results) expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const reports = results.map(({ stdout }) => JSON.parse(stdout) as Report);
    process.stdout.write(`${ORGANIZERS} × ${LOGS} logs in ${Date.now() - started} ms\n`);
    // Soft, so that one run shows every way it went wrong: what failed, and whether it left anything behind.
    expect.soft(tally(reports.flatMap(({ failures }) => failures))).toEqual({});
    expect.soft(await count(`SELECT count(*) AS n FROM meetings`)).toBe(ORGANIZERS * LOGS);

    // What landed is exactly what the organizers were told was saved.
    const sent = (key: keyof Sent) => reports.reduce((sum, report) => sum + report.sent[key], 0);
    expect.soft(await count(`SELECT count(*) AS n FROM meetings`)).toBe(sent('meetings'));
    expect.soft(await count(`SELECT count(DISTINCT text) AS n FROM notes`)).toBe(sent('notes'));
    expect.soft(await count(`SELECT count(*) AS n FROM notes`)).toBe(sent('notes'));
    expect.soft(await count(`SELECT count(*) AS n FROM asks`)).toBe(sent('asks'));
    expect.soft(await count(`SELECT count(*) AS n FROM asks WHERE outcome = 'yes'`)).toBe(sent('yes'));
    expect.soft(await count(`SELECT count(*) AS n FROM followups`)).toBe(sent('followups'));
    // Each organizer heard of one new person from each of the ten: added once, referred by that one.
    const referred = await rows<{ name: string; n: number }>(`
      SELECT p.name, count(r.id)::int AS n FROM people p LEFT JOIN people r ON r.referred_by = p.id AND r.source = 'referral'
      WHERE p.name = ANY($1) GROUP BY p.id ORDER BY p.id`, [SHARED]);
    expect.soft(referred).toEqual(SHARED.map((name) => ({ name, n: ORGANIZERS })));
    expect.soft(await count(`SELECT count(*) AS n FROM people`)).toBe(SHARED.length * (1 + ORGANIZERS));
  }, 300_000);

  it('person_figures equals a recount for every person', async () => {
    expect(await count(`SELECT count(*) AS n FROM person_figures`)).toBe(await count(`SELECT count(*) AS n FROM people`));
    expect(await rows(MISMATCHES)).toEqual([]);
  });

  it('no rung move is recorded twice: each history is one chain, moved from contact once, ending at the rung', async () => {
    expect(await count(`SELECT count(DISTINCT person_id) AS n FROM rung_changes WHERE from_rung = 'contact'`)).toBe(SHARED.length);
    expect(await rungProblems()).toEqual([]);
  });

  it('the checks can fail: a figure off by one and a move recorded twice are both caught', async () => {
    const { id } = (await rows<{ id: number }>(`SELECT id::int FROM people WHERE name = $1`, [SHARED[3]]))[0]!;
    await client.query(`UPDATE person_figures SET meetings = meetings + 1 WHERE person_id = $1`, [id]);
    expect((await rows<{ person_id: number }>(MISMATCHES)).map((row) => Number(row.person_id))).toEqual([id]);
    await client.query(`SELECT refresh_person_figures($1)`, [id]);
    expect(await rows(MISMATCHES)).toEqual([]);

    const copy = await rows<{ id: number }>(`
      INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, changed_at)
      SELECT person_id, from_rung, to_rung, cause, changed_at FROM rung_changes WHERE person_id = $1 AND from_rung = 'contact'
      RETURNING id::int`, [id]);
    try {
      expect(await rungProblems()).toEqual(expect.arrayContaining([`${SHARED[3]}: moved from contact twice`]));
    } finally {
      await client.query(`DELETE FROM rung_changes WHERE id = $1`, [copy[0]!.id]);
    }
    expect(await rungProblems()).toEqual([]);
  });
});

describe.skipIf(!socketDir)('new people met by ten organizers at the same moment', () => {
  it('are each added once: no namesake made by the race, every log lands', async () => {
    dir = mkdtempSync(join(tmpdir(), 'oneonone-organizers-'));
    const url = freshDatabase(socketDir!, 'organizers');
    client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // One round: each of the ten people is new to the record when all ten organizers log them at once.
      const results = await Promise.all(
        Array.from({ length: ORGANIZERS }, (_, n) => run([DRIVER, url, String(n), String(SHARED.length)], organizerEnv(n))),
      );
      const failures = results.flatMap(({ stdout }) => (JSON.parse(stdout) as Report).failures);
      expect(await rows(`SELECT name, count(*)::int AS n FROM people GROUP BY name HAVING count(*) > 1 ORDER BY name`)).toEqual([]);
      expect(tally(failures)).toEqual({});
      expect(await count(`SELECT count(*) AS n FROM meetings`)).toBe(ORGANIZERS * SHARED.length);
    } finally {
      await client.end();
      dropDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
