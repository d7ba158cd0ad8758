/**
 * The weekly review on a real PostgreSQL cluster: a generated team of five organizers over eight weeks, written as
 * each organizer's own login (raw SQL, and `log` through the CLI), whose figures are worked out here by hand from the
 * generator's plan, never by the same SQL. The CLI runs west of UTC (Phoenix, UTC-7 all year), so a meeting late on a
 * Sunday evening belongs to that week, not to the Monday it already is in UTC.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTeamWeeksText } from '../../src/ui/team-week.js';
import type { OrganizerWeek } from '../../src/commands/team-week.js';
import { urlFor } from '../support/postgres.js';
import { sandbox, type Sandbox } from './helpers.js';

const socketDir = process.env.ONEONONE_TEST_PG;
const database = `teamweek_${process.pid}`;
const login = (who: string) => `${who}_${process.pid}`;
const as = (who?: string) => urlFor(socketDir!, database).replace('postgresql://postgres@', `postgresql://${who ? login(who) : 'postgres'}@`);

const ZONE = 'America/Phoenix';
const OFFSET = -7 * 3_600_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEKS = 8;
const RUNGS = ['contact', 'supporter', 'participant', 'volunteer', 'leader', 'organizer'];

const ORGANIZERS = [
  { key: 'ana', name: 'Ana Ruiz' }, { key: 'ben', name: 'Ben Ortiz' }, { key: 'cy', name: 'Cy Young' },
  { key: 'dot', name: 'Dot Chen' }, { key: 'eve', name: 'Eve Park' },
];
const GOALS: Record<string, number> = { 'Ana Ruiz': 5, 'Ben Ortiz': 8, 'Cy Young': 8, 'Dot Chen': 8, 'Eve Park': 12, 'Lee Lead': 8 };

let box: Sandbox;
const now = Date.now();

function cli(who: string | undefined, args: string[]) {
  return box.run(args, { env: { ONEONONE_DB: as(who), TZ: ZONE } });
}

function ok(who: string | undefined, args: string[]): string {
  const result = cli(who, args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function connected<T>(who: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: as(who) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const raw = <T = Record<string, unknown>>(who: string | undefined, sql: string, params: unknown[] = []) =>
  connected(who, async (client) => (await client.query(sql, params)).rows as T[]);

// ── local weeks in Phoenix, by hand ─────────────────────────────────────────
/** The local Monday 00:00 of the week a moment falls in, as an instant. */
function mondayOf(t: number): number {
  const day = Math.floor((t + OFFSET) / DAY);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return (day - weekday) * DAY - OFFSET;
}
const thisMonday = mondayOf(now);
/** Week 0 is the oldest shown, week 7 this one. */
const weekStart = (w: number) => thisMonday - (WEEKS - 1 - w) * 7 * DAY;
const weekOf = (t: number) => Math.round((mondayOf(t) - weekStart(0)) / (7 * DAY));
const localDay = (t: number) => new Date(t + OFFSET).toISOString().slice(0, 10);
const localMinute = (t: number) => new Date(t + OFFSET).toISOString().slice(0, 16).replace('T', ' ');
const iso = (t: number) => new Date(t).toISOString();

// ── the generator's plan ────────────────────────────────────────────────────
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlannedAsk { outcome: string | null; result: string | null }
interface PlannedMeeting { at: number; status: 'complete' | 'draft'; person: number; talk: [number | null, number | null][]; asks: PlannedAsk[] }
interface PlannedPerson { name: string; at: number; source: string; referredBy?: number }
interface Plan {
  people: PlannedPerson[];
  meetings: PlannedMeeting[];
  loneAsks: (PlannedAsk & { at: number })[];
  moves: { person: string; from: string; to: string; at: number }[];
  followUps: { person: string; created: number; due: number; done: number | null }[];
  /** Made through the CLI: one `log` each, late on a Sunday evening of week 4. */
  cliAt: number;
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function planFor(index: number): Plan {
  const rand = random(1000 + index);
  const first = ORGANIZERS[index]!.name.split(' ')[0];
  const before = weekStart(0) - 14 * DAY;
  const people: PlannedPerson[] = Array.from({ length: 6 }, (_, i) => ({ name: `${first} Member ${i}`, at: before + i * HOUR, source: 'event' }));
  const meetings: PlannedMeeting[] = [];
  const loneAsks: Plan['loneAsks'] = [];
  const moves: Plan['moves'] = [];
  for (let w = 0; w < WEEKS; w++) {
    const start = weekStart(w);
    // This week only up to two hours ago: nothing is logged in the future.
    const span = Math.min(7 * DAY, now - 2 * HOUR - start);
    let count = span <= HOUR ? 0 : Math.floor(rand() * 9) + (index % 3);
    if (index === 2 && w === 3) count = 0;
    if (w === WEEKS - 1) count = Math.min(count, 3);
    for (let i = 0; i < count; i++) {
      // The edges of the week in local time: Monday 00:15 and Sunday 23:30 (already Monday in UTC).
      const at = w < WEEKS - 1 && i === 0 ? start + 7 * DAY - 30 * MINUTE : i === 1 ? start + 15 * MINUTE : start + Math.floor(rand() * span);
      const status = rand() < 0.12 ? 'draft' : 'complete';
      const kind = rand();
      const talk: PlannedMeeting['talk'] =
        kind < 0.65 ? [[Math.floor(rand() * 300), 300 + Math.floor(rand() * 900)], [Math.floor(rand() * 200), Math.floor(rand() * 600)]]
          : kind < 0.75 ? [[Math.floor(rand() * 900), Math.floor(rand() * 900)]]
            : kind < 0.78 ? [[0, 0]]
              : [[null, null]];
      const asks = status === 'draft' ? [] : Array.from({ length: Math.floor(rand() * 3) }, () => {
        const outcome = pick(rand, ['yes', 'yes', 'maybe', 'no', null]);
        return { outcome, result: outcome === 'yes' ? pick(rand, ['kept', 'broken', null]) : null };
      });
      meetings.push({ at, status, person: Math.floor(rand() * 6), talk, asks });
    }
    const referrals = span <= HOUR ? 0 : Math.floor(rand() * 3);
    for (let r = 0; r < referrals; r++) {
      people.push({ name: `${first} Referral ${w}-${r}`, at: start + Math.floor(rand() * span), source: 'referral', referredBy: Math.floor(rand() * 6) });
    }
    // Referred, but already known from an event: not brought in.
    if (w === 2) people.push({ name: `${first} Known ${w}`, at: start + DAY, source: 'event', referredBy: 0 });
    const moved = span <= HOUR ? 0 : Math.floor(rand() * 3);
    for (let m = 0; m < moved; m++) {
      const from = pick(rand, RUNGS);
      const to = pick(rand, RUNGS.filter((rung) => rung !== from));
      moves.push({ person: `${first} Member ${Math.floor(rand() * 6)}`, from, to, at: start + Math.floor(rand() * span) });
    }
  }
  if (now - 2 * HOUR > weekStart(index + 2) + DAY) loneAsks.push({ outcome: 'yes', result: 'kept', at: weekStart(index + 2) + DAY });
  const followUps: Plan['followUps'] = [];
  for (let f = 0; f < 12; f++) {
    const created = before + Math.floor(rand() * (now - 3 * HOUR - before));
    const due = created + Math.floor(rand() * 21 * DAY);
    const done = rand() < 0.4 ? null : due - 3 * DAY + Math.floor(rand() * 8 * DAY);
    followUps.push({ person: `${first} Member ${f % 6}`, created, due, done: done === null || done > now - 2 * HOUR ? null : Math.max(done, created) });
  }
  return { people, meetings, loneAsks, moves, followUps, cliAt: weekStart(4) + 7 * DAY - 30 * MINUTE };
}

const plans = ORGANIZERS.map((_, index) => planFor(index));
/** Ben moves one of Ana's members up, and writes a follow-up on her member: the move is his, the follow-up on her list. */
const crossMove = { person: 'Ana Member 0', from: 'contact', to: 'volunteer', at: weekStart(5) + 2 * DAY };
const crossFollowUp = { person: 'Ana Member 1', created: weekStart(1), due: weekStart(1) + DAY, done: null };

async function write(key: string, plan: Plan, extra: { moves: Plan['moves']; followUps: Plan['followUps'] }): Promise<void> {
  await connected(key, async (client) => {
    const q = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows as { id: number }[];
    await client.query('BEGIN');
    const ids: number[] = [];
    for (const person of plan.people) {
      const [row] = await q(`INSERT INTO people (name, name_key, source, referred_by, rung, created_at, updated_at) VALUES ($1, lower($1), $2, $3, 'contact', $4, $4) RETURNING id`,
        [person.name, person.source, person.referredBy === undefined ? null : ids[person.referredBy], iso(person.at)]);
      ids.push(row!.id);
      await q(`INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, changed_at) VALUES ($1, NULL, 'contact', 'added', $2)`, [row!.id, iso(person.at)]);
      await q(`INSERT INTO notes (person_id, tag, text, created_at) VALUES ($1, 'note', $2, $3), ($1, 'value', $4, $3)`,
        [row!.id, `private words of ${key} about ${person.name}`, iso(person.at), `team words about ${person.name}`]);
    }
    for (const meeting of plan.meetings) {
      const [row] = await q(`INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, created_at, updated_at)
        VALUES ($1, $2, 'maintenance', 'agenda', 30, $3, $2, $2) RETURNING id`, [ids[meeting.person], iso(meeting.at), meeting.status]);
      for (const [position, [mine, theirs]] of meeting.talk.entries()) {
        await q(`INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share, organizer_talk_seconds, other_talk_seconds)
          VALUES ($1, $2, 'story', 'Story', 600, 0.2, $3, $4)`, [row!.id, position, mine, theirs]);
      }
      for (const ask of meeting.asks) {
        await q(`INSERT INTO asks (person_id, meeting_id, text, outcome, result, checked_at, created_at) VALUES ($1, $2, 'come to the meeting', $3, $4, $5, $6)`,
          [ids[meeting.person], row!.id, ask.outcome, ask.result, ask.result ? iso(meeting.at + DAY) : null, iso(meeting.at)]);
      }
    }
    for (const ask of plan.loneAsks) {
      await q(`INSERT INTO asks (person_id, text, outcome, result, checked_at, created_at) VALUES ($1, 'host a house meeting', $2, $3, $4, $4)`,
        [ids[0], ask.outcome, ask.result, iso(ask.at)]);
    }
    for (const move of [...plan.moves, ...extra.moves]) {
      await q(`INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, changed_at) SELECT id, $2, $3, 'manual', $4 FROM people WHERE name = $1`,
        [move.person, move.from, move.to, iso(move.at)]);
    }
    for (const f of [...plan.followUps, ...extra.followUps]) {
      await q(`INSERT INTO followups (person_id, text, due_at, done_at, created_at) SELECT id, 'call back', $2, $3, $4 FROM people WHERE name = $1`,
        [f.person, iso(f.due), f.done === null ? null : iso(f.done), iso(f.created)]);
    }
    await client.query('COMMIT');
  });
}

// ── the figures by hand ─────────────────────────────────────────────────────
interface Expected {
  organizer: string;
  start: string;
  oneOnOnes: number;
  goal: number;
  median: number | null;
  asks: { made: number; yes: number; kept: number };
  broughtIn: number;
  ladder: { up: number; down: number };
  overdueFollowUps: number;
  verdict: string;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round4(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

function verdictOf(held: number, goal: number, median: number | null, current: boolean): string {
  let words = held === 0 ? (current ? 'no 1:1s this week' : 'no 1:1s that week')
    : held === goal ? 'on goal'
      : held > goal ? `on goal, ${held - goal} over`
        : `${goal - held} short of the goal of ${goal}${current ? ' so far' : ''}`;
  if (median !== null && median > 0.2) words += `; talks ${Math.round(median * 100)}%, over the 20% line`;
  return words;
}

function expectedFor(index: number, w: number): Expected {
  const { name } = ORGANIZERS[index]!;
  const plan = plans[index]!;
  const inWeek = (t: number) => weekOf(t) === w;
  const held = plan.meetings.filter((m) => m.status === 'complete' && inWeek(m.at));
  const cli = inWeek(plan.cliAt) ? 1 : 0;
  const shares = held
    .filter((m) => m.talk.some(([mine, theirs]) => mine !== null || theirs !== null))
    .map((m) => m.talk.reduce<[number, number]>(([a, b], [mine, theirs]) => [a + (mine ?? 0), b + (theirs ?? 0)], [0, 0]))
    .filter(([mine, theirs]) => mine + theirs > 0)
    .map(([mine, theirs]) => round4(mine / (mine + theirs)));
  const asks = [...held.flatMap((m) => m.asks), ...plan.loneAsks.filter((a) => inWeek(a.at))];
  const moves = [...plan.moves, ...(index === 1 ? [crossMove] : [])].filter((m) => inWeek(m.at));
  const rung = (r: string) => RUNGS.indexOf(r);
  const upto = Math.min(weekStart(w + 1), now);
  const followUps = [...plan.followUps, ...(index === 0 ? [crossFollowUp] : [])];
  const goal = GOALS[name]!;
  const oneOnOnes = held.length + cli;
  const median = medianOf(shares);
  return {
    organizer: name,
    start: localDay(weekStart(w)),
    oneOnOnes,
    goal,
    median,
    asks: { made: asks.length + cli, yes: asks.filter((a) => a.outcome === 'yes').length + cli, kept: asks.filter((a) => a.result === 'kept').length },
    broughtIn: plan.people.filter((p) => p.source === 'referral' && inWeek(p.at)).length + cli,
    ladder: { up: moves.filter((m) => rung(m.to) > rung(m.from)).length + cli, down: moves.filter((m) => rung(m.to) < rung(m.from)).length },
    overdueFollowUps: followUps.filter((f) => f.due < upto && f.created <= upto && (f.done === null || f.done > upto)).length,
    verdict: verdictOf(oneOnOnes, goal, median, w === WEEKS - 1),
  };
}

const leadWeek = (w: number): Expected => ({
  organizer: 'Lee Lead', start: localDay(weekStart(w)), oneOnOnes: 0, goal: 8, median: null, asks: { made: 0, yes: 0, kept: 0 },
  broughtIn: 0, ladder: { up: 0, down: 0 }, overdueFollowUps: 0, verdict: verdictOf(0, 8, null, w === WEEKS - 1),
});

const shown = (weeks: OrganizerWeek[]): Expected[] => weeks.map((w) => ({
  organizer: w.organizer, start: w.start, oneOnOnes: w.oneOnOnes, goal: w.goal!, median: w.talkShare.median, asks: w.asks,
  broughtIn: w.broughtIn, ladder: w.ladder, overdueFollowUps: w.overdueFollowUps, verdict: w.verdict,
}));

/** Oldest week first, organizers by name within a week: the order `team week` lists them in. */
function expectedWeeks(names: string[], weeks = WEEKS): Expected[] {
  const rows: Expected[] = [];
  for (let w = WEEKS - weeks; w < WEEKS; w++) {
    for (const name of [...names].sort()) {
      const index = ORGANIZERS.findIndex((o) => o.name === name);
      rows.push(index === -1 ? leadWeek(w) : expectedFor(index, w));
    }
  }
  return rows;
}

const everyone = [...ORGANIZERS.map((o) => o.name), 'Lee Lead'];
const bounds = () => Array.from({ length: WEEKS + 1 }, (_, w) => iso(weekStart(w)));

describe.skipIf(!socketDir)('team week: the weekly review on a server', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: urlFor(socketDir!, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    box = sandbox();
    ok(undefined, ['team', 'init', 'Rosa Admin']);
    ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', login('lee')]);
    ok(undefined, ['team', 'add', 'Dee Diaz', '--role', 'director', '--login', login('dee')]);
    for (const { key, name } of ORGANIZERS) {
      ok(undefined, ['team', 'add', name, '--role', 'organizer', '--login', login(key), ...(key === 'ana' || key === 'ben' ? ['--supervisor', 'Lee Lead'] : [])]);
    }
    for (const [index, { key }] of ORGANIZERS.entries()) {
      await write(key, plans[index]!, key === 'ben' ? { moves: [crossMove], followUps: [crossFollowUp] } : { moves: [], followUps: [] });
    }
    for (const [index, { key }] of ORGANIZERS.entries()) {
      // Names that share no word with anyone's, so log asks nothing.
      const word = key[0]!.toUpperCase() + key.slice(1);
      ok(key, ['log', `${word}newcomer ${word}son`, '--date', localMinute(plans[index]!.cliAt), '--note', `cli private words of ${key}`,
        '--ask', 'speak at the rally', '--outcome', 'yes', '--referral', `${word}friend ${word}dottir`, '--rung', 'supporter']);
    }
    ok(undefined, ['team', 'goal', '--weekly', '8']);
    ok('lee', ['team', 'goal', '--weekly', '5', '--organizer', 'Ana Ruiz']);
    ok('dee', ['team', 'goal', '--weekly', '12', '--organizer', 'Eve Park']);
  }, 180_000);
  afterAll(() => box?.cleanup());

  it("gives a director each organizer's eight weeks as worked out by hand: 1:1s against the goal, talk, asks, people brought in, ladder, overdue", () => {
    const weeks = JSON.parse(ok('dee', ['team', 'week', '--weeks', '8', '--json'])) as OrganizerWeek[];
    const expected = expectedWeeks(everyone);
    expect(shown(weeks)).toEqual(expected);
    // The generator made weeks of every kind, so the checks above can fail.
    expect(expected.some((w) => w.verdict.startsWith('on goal'))).toBe(true);
    expect(expected.some((w) => / short of the goal of /.test(w.verdict))).toBe(true);
    expect(expected.some((w) => w.verdict.includes('over the 20% line'))).toBe(true);
    expect(expected.filter((w) => w.overdueFollowUps > 0).length).toBeGreaterThan(5);
    expect(expected.filter((w) => w.ladder.down > 0).length).toBeGreaterThan(3);
    expect(expected.find((w) => w.organizer === 'Cy Young' && w.start === localDay(weekStart(3)))?.verdict).toBe('no 1:1s that week');
  });

  it('counts a meeting late on a Sunday evening west of UTC in that week, as stats labels it', () => {
    const ana = JSON.parse(ok('ana', ['team', 'week', '--weeks', '4', '--json'])) as OrganizerWeek[];
    const sunday = ana.find((w) => w.start === localDay(weekStart(4)))!;
    expect(sunday.end).toBe(localDay(weekStart(5) - DAY));
    expect(sunday.oneOnOnes).toBe(expectedFor(0, 4).oneOnOnes);
    const stats = JSON.parse(ok('ana', ['stats', '--since', localDay(weekStart(0)), '--json'])) as { meetingsPerWeek: { start: string; meetings: number }[] };
    const mine = expectedWeeks(['Ana Ruiz']);
    // Ana's own stats count the meetings she reads, hers alone here: the same weeks, the same counts.
    expect(stats.meetingsPerWeek.map((w) => [w.start, w.meetings])).toEqual(mine.map((w) => [w.start, w.oneOnOnes]));
  });

  it("this week by default: the verdicts in words, the team's goal or one's own", () => {
    const week = JSON.parse(ok('dee', ['team', 'week', '--json'])) as OrganizerWeek[];
    expect(shown(week)).toEqual(expectedWeeks(everyone, 1));
    expect(week.every((w) => w.current)).toBe(true);
    const drawn = ok('dee', ['team', 'week']);
    expect(drawn).toContain('(this week)');
    for (const w of expectedWeeks(everyone, 1)) expect(drawn).toContain(w.verdict);
    expect(drawn).not.toMatch(/\x1b\[/);
  });

  it('a director reads the figures through a raw connection too, and no private note', async () => {
    const rows = await raw<{ organizer: string; one_on_ones: number; overdue_followups: number }>('dee', `SELECT * FROM team_week($1::timestamptz[], now())`, [bounds()]);
    // The function gives the director and the admin their rows too; the CLI leaves out whoever has no 1:1s and no goal.
    const organizers = rows.filter((r) => everyone.includes(r.organizer));
    expect(organizers.map((r) => [r.organizer, Number(r.one_on_ones), Number(r.overdue_followups)])).toEqual(expectedWeeks(everyone).map((w) => [w.organizer, w.oneOnOnes, w.overdueFollowUps]));
    expect(rows.filter((r) => !everyone.includes(r.organizer)).map((r) => r.organizer)).toEqual(Array(WEEKS).fill(['Dee Diaz', 'Rosa Admin']).flat());
    expect((await raw('dee', `SELECT organizer FROM team_week_now`)).length).toBe(everyone.length + 2);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/private words|team words|call back|come to the meeting/);
    expect(await raw('dee', `SELECT text FROM notes WHERE visibility = 'private'`)).toEqual([]);
    expect((await raw(undefined, `SELECT text FROM notes WHERE visibility = 'private'`)).length).toBeGreaterThan(30);
    expect((await raw<{ text: string }>('dee', `SELECT text FROM notes`)).every(({ text }) => text.startsWith('team words'))).toBe(true);
    expect(ok('dee', ['team', 'week', '--weeks', '8', '--json'])).not.toMatch(/private words|cli private/);
  });

  it('an organizer sees only their own row, a lead theirs and their organizers\', with the CLI and with raw SQL', async () => {
    const names = (who: string, args: string[] = []) => [...new Set((JSON.parse(ok(who, ['team', 'week', '--json', ...args])) as OrganizerWeek[]).map((w) => w.organizer))];
    expect(names('ana')).toEqual(['Ana Ruiz']);
    expect(names('cy')).toEqual(['Cy Young']);
    expect(names('lee')).toEqual(['Ana Ruiz', 'Ben Ortiz', 'Lee Lead']);
    expect(names('lee', ['--organizer', 'Ben Ortiz'])).toEqual(['Ben Ortiz']);
    expect(shown(JSON.parse(ok('lee', ['team', 'week', '--weeks', '8', '--json'])) as OrganizerWeek[])).toEqual(expectedWeeks(['Ana Ruiz', 'Ben Ortiz', 'Lee Lead']));
    const refused = cli('ana', ['team', 'week', '--organizer', 'Ben Ortiz']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe("oneonone: as an organizer, Ana Ruiz sees their own week, not Ben Ortiz's\nhint: see your own without --organizer\n");
    expect(cli('lee', ['team', 'week', '--organizer', 'Cy Young']).stderr).toMatch(/^oneonone: as a lead, Lee Lead sees their own week and their organizers', not Cy Young's\n/);
    const bare = async (who: string) => [...new Set((await raw<{ organizer: string }>(who, `SELECT organizer FROM team_week($1::timestamptz[], now())`, [bounds()])).map((r) => r.organizer))];
    expect(await bare('ana')).toEqual(['Ana Ruiz']);
    expect(await bare('lee')).toEqual(['Ana Ruiz', 'Ben Ortiz', 'Lee Lead']);
    const [ben] = await raw<{ id: number }>('ana', `SELECT id FROM organizers WHERE name = 'Ben Ortiz'`);
    expect(await raw('ana', `SELECT organizer FROM team_week($1::timestamptz[], now(), $2)`, [bounds(), ben!.id])).toEqual([]);
  });

  it('a goal is set by a director, an admin, or a lead for their organizers; an organizer is refused by the database', async () => {
    const refused = cli('ana', ['team', 'goal', '--weekly', '3', '--organizer', 'Ana Ruiz']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe("oneonone: only their lead, a director or an admin can set Ana Ruiz's weekly goal (you are Ana Ruiz, organizer)\nhint: ask your lead or the team's director\n");
    expect(cli('ana', ['team', 'goal', '--weekly', '3']).stderr).toMatch(/^oneonone: only a director or an admin can set the team's weekly goal \(you are Ana Ruiz, organizer\)\n/);
    const notHis = cli('lee', ['team', 'goal', '--weekly', '3', '--organizer', 'Cy Young']);
    expect(notHis.code).toBe(1);
    expect(notHis.stderr).toMatch(/^oneonone: only their lead, a director or an admin can set Cy Young's weekly goal \(you are Lee Lead, lead\)\n/);
    await expect(raw('ana', `INSERT INTO team_goals (organizer_id, weekly) SELECT id, 1 FROM organizers WHERE name = 'Ana Ruiz'`)).rejects.toThrow(/permission denied/);
    await expect(raw('ana', `UPDATE team_goals SET weekly = 1`)).rejects.toThrow(/permission denied/);
    await expect(raw('lee', `INSERT INTO team_goals (organizer_id, weekly) SELECT id, 1 FROM organizers WHERE name = 'Cy Young'`)).rejects.toThrow(/row-level security/);
    expect(await raw('lee', `UPDATE team_goals SET weekly = 1 WHERE organizer_id IS NULL RETURNING id`)).toEqual([]);
    expect((await raw<{ weekly: number }>(undefined, `SELECT weekly FROM team_goals ORDER BY weekly`)).map((g) => g.weekly)).toEqual([5, 8, 12]);
    expect(cli('dee', ['team', 'goal', '--weekly', '12', '--organizer', 'Eve Park']).stderr).toBe("Eve Park's weekly goal is now 12 one-on-ones a week (unchanged). See the week with: oneonone team week\n");
  });

  it('fits 40 columns as the stats pictures do, and refuses on a file and for out-of-range numbers in one line', () => {
    const week = JSON.parse(ok('dee', ['team', 'week', '--json'])) as OrganizerWeek[];
    for (const weeks of [1, 8]) {
      const figures = weeks === 1 ? week : (JSON.parse(ok('dee', ['team', 'week', '--weeks', '8', '--json'])) as OrganizerWeek[]);
      const drawn = renderTeamWeeksText(figures, weeks, false, 40);
      const tooWide = drawn.split('\n').filter((line) => line.length > 40 && !/^talk: |^Week |\(organizer\)|\(lead\)/.test(line));
      expect(tooWide).toEqual([]);
      expect(drawn).toContain(figures[0]!.verdict.split(';')[0]!.split(' ')[0]!);
    }
    const file = box.run(['team', 'week'], { env: { ONEONONE_DB: `${box.dir}/solo.db` } });
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/^oneonone: there is no team in a file: .*\nhint: a team lives on a PostgreSQL server[^\n]*\n$/);
    expect(box.run(['team', 'goal', '--weekly', '5'], { env: { ONEONONE_DB: `${box.dir}/solo.db` } }).stderr).toMatch(/^oneonone: there is no team in a file/);
    expect(cli('dee', ['team', 'week', '--weeks', '0']).stderr).toMatch(/^oneonone: --weeks 0 is not a number of weeks to review\nhint: /);
    expect(cli(undefined, ['team', 'goal', '--weekly', '0']).stderr).toMatch(/^oneonone: --weekly 0 is not a weekly goal\nhint: /);
  });
});
