import Database from 'better-sqlite3';
import { subDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rungsFrom } from '../../src/people/ladder.js';
import { rankLeaders, type LeaderFacts, type RankedLeader } from '../../src/people/ranking.js';
import { sandbox, type Sandbox } from './helpers.js';

/**
 * `leaders` ranks in SQL compiled from LEADER_SCORE; `rankLeaders` (plain code) evaluates the same description. On a generated database of a few
 * hundred varied people, both must give the same people in the same order with the same scores, in several time
 * zones (a clock change in the last two months included: New York on 1 November, Auckland on 27 September).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PEOPLE = 400;
const ZONES = ['UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'];

/** Deterministic, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The binary and this test read the clock a moment apart. Every meeting below sits on a whole or half hour, where
 * the local day begins in every zone tested; near one of those, wait until it has passed.
 */
async function awayFromHalfHours(): Promise<void> {
  const into = Date.now() % (HOUR / 2);
  const wait = into > HOUR / 2 - 90_000 ? HOUR / 2 - into + 5_000 : into < 5_000 ? 5_000 - into : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Same-looking names, so ties are broken by name as people read them (accents and case), not byte order. */
const FIRST = ['Ana', 'ana', 'Ángel', 'Émile', 'Zoe', 'bob', 'Bob', 'Çelik', 'Dev', 'Øyvind', 'eve', 'Eve'];

function populate(file: string): void {
  const next = random(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const db = new Database(file);
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  const stamp = new Date().toISOString();
  const addPerson = db.prepare(`INSERT INTO people (name, name_key, rung, potential, referred_by, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const addMeeting = db.prepare(`INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, created_at, updated_at) VALUES (?, ?, 'recruitment', 'agenda', 30, ?, ?, ?)`);
  const addAsk = db.prepare(`INSERT INTO asks (person_id, text, outcome, result, created_at) VALUES (?, 'come to the tenant meeting', ?, ?, ?)`);
  db.transaction(() => {
    const ids: number[] = [1];
    for (let i = 0; i < PEOPLE; i++) {
      // A few people bring in many (past the cap of 5); most bring in nobody.
      const referrer = next() < 0.3 ? (next() < 0.5 ? ids[Math.min(ids.length - 1, 1 + Math.floor(next() * 4))]! : pick(ids)) : null;
      const rung = next() < 0.03 ? 'retired' : pick(['contact', 'supporter', 'participant', 'volunteer', 'leader', 'organizer']);
      const potential = next() < 0.4 ? null : 1 + Math.floor(next() * 5);
      const name = `${pick(FIRST)} ${next() < 0.7 ? 'Ruiz' : pick(['Okafor', 'Diaz', 'Lee'])}`;
      const id = Number(addPerson.run(name, name.toLowerCase(), rung, potential, referrer, referrer === null ? null : 'referral', stamp, stamp).lastInsertRowid);
      ids.push(id);
      // Never met (a third), or met up to 12 times over the last 100 days, on whole and half hours.
      const meetings = next() < 0.33 ? 0 : 1 + Math.floor(next() * 12);
      for (let m = 0; m < meetings; m++) {
        const at = hour - Math.floor(next() * 100) * DAY - Math.floor(next() * 48) * (HOUR / 2);
        addMeeting.run(id, new Date(at).toISOString(), next() < 0.1 ? 'draft' : 'complete', stamp, stamp);
      }
      // Asks: yes, maybe or no; some kept, some broken (up to ten broken, past the floor of −10).
      const asks = next() < 0.4 ? 0 : Math.floor(next() * 12);
      const breaker = next() < 0.15;
      for (let a = 0; a < asks; a++) {
        const outcome = pick(['yes', 'yes', 'maybe', 'no']);
        const result = breaker ? 'broken' : outcome === 'no' ? null : pick([null, 'kept', 'kept', 'broken']);
        addAsk.run(id, outcome, result, stamp);
      }
    }
    // Identical twins of ten people: the same facts under other names, so some scores tie exactly.
    for (let twin = 0; twin < 10; twin++) {
      const original = 2 + Math.floor(next() * 50);
      const name = `${pick(FIRST)} Twin`;
      const { rung, potential } = db.prepare(`SELECT rung, potential FROM people WHERE id = ?`).get(original) as { rung: string; potential: number | null };
      const id = Number(addPerson.run(name, name.toLowerCase(), rung, potential, null, null, stamp, stamp).lastInsertRowid);
      db.prepare(`INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, created_at, updated_at)
                  SELECT ?, held_at, goal, template, planned_minutes, status, created_at, updated_at FROM meetings WHERE person_id = ?`).run(id, original);
      db.prepare(`INSERT INTO asks (person_id, text, outcome, result, created_at) SELECT ?, text, outcome, result, created_at FROM asks WHERE person_id = ?`).run(id, original);
    }
  })();
  db.close();
}

function allFacts(file: string): LeaderFacts[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`
      SELECT p.id, p.name, p.rung, p.potential, f.meetings, f.last_met AS lastMet, f.asks_made AS asksMade,
             f.asks_yes AS asksYes, f.asks_kept AS asksKept, f.asks_broken AS asksBroken, f.referrals
      FROM people p JOIN person_figures f ON f.person_id = p.id`).all() as LeaderFacts[];
  } finally {
    db.close();
  }
}

/** What plain code ranks, in the zone given (Node follows process.env.TZ as it changes). */
function expected(facts: LeaderFacts[], zone: string, filter: (facts: LeaderFacts, now: Date) => boolean = () => true): RankedLeader[] {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    const now = new Date();
    return rankLeaders(facts.filter((person) => filter(person, now)), now);
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('leaders ranked in SQL', () => {
  let box: Sandbox;
  let facts: LeaderFacts[];

  const leaders = (zone: string, ...args: string[]): RankedLeader[] => {
    const result = box.run(['leaders', '--json', ...args], { env: { TZ: zone } });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as RankedLeader[];
  };
  const same = (actual: RankedLeader[], wanted: RankedLeader[]) => {
    expect(actual.map((leader) => leader.id)).toEqual(wanted.map((leader) => leader.id));
    actual.forEach((leader, index) => {
      expect(leader.score).toBeCloseTo(wanted[index]!.score, 1);
      expect(leader.daysSinceMet).toBe(wanted[index]!.daysSinceMet);
    });
  };

  beforeAll(async () => {
    box = sandbox();
    const first = box.run(['log', 'Seed Person', '--rung', 'leader', '--potential', '5']);
    expect(first.code, first.stderr).toBe(0);
    populate(box.db);
    facts = allFacts(box.db);
    await awayFromHalfHours();
  }, 200_000);

  afterAll(() => box.cleanup());

  it('the generated people are varied: never met, unrated, broken asks, many referrals, exact ties', () => {
    expect(facts.length).toBeGreaterThan(PEOPLE);
    expect(facts.filter((person) => person.lastMet === null).length).toBeGreaterThan(50);
    expect(facts.filter((person) => person.potential === null).length).toBeGreaterThan(50);
    expect(facts.some((person) => person.asksBroken >= 5 && person.asksKept === 0)).toBe(true);
    expect(Math.max(...facts.map((person) => person.referrals))).toBeGreaterThan(5);
    const scores = expected(facts, 'UTC').map((leader) => `${leader.score}/${leader.potential}`);
    expect(new Set(scores).size).toBeLessThan(scores.length);
  });

  it.each(ZONES)('ranks everyone in the same order with the same scores as the documented formula (TZ=%s)', (zone) => {
    same(leaders(zone, '--limit', '1000'), expected(facts, zone));
  });

  it('gives the same top page at every limit, ties at the edge of the page included', () => {
    const everyone = expected(facts, 'America/New_York');
    for (const limit of [1, 3, 7, 20, 33, 64, 150, 301]) same(leaders('America/New_York', '--limit', String(limit)), everyone.slice(0, limit));
  });

  it('gives the same ranking under each filter as the formula over the people the filter lets through', () => {
    const zone = 'Pacific/Auckland';
    same(leaders(zone, '--rung', 'volunteer', '--limit', '1000'), expected(facts, zone, (person) => rungsFrom('volunteer').includes(person.rung as never)));
    same(leaders(zone, '--min-potential', '3', '--limit', '15'), expected(facts, zone, (person) => (person.potential ?? 0) >= 3).slice(0, 15));
    same(
      leaders(zone, '--stale', '30', '--limit', '40'),
      expected(facts, zone, (person, now) => person.lastMet === null || person.lastMet < subDays(now, 30).toISOString()).slice(0, 40),
    );
  });

  it('tells how many more there are than the page shows', () => {
    const result = box.run(['leaders', '--limit', '5'], { env: { TZ: 'UTC' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Showing the top 5 of ${facts.length}; see more with --limit 10.`);
    expect(result.stdout.match(/│ #\d+/g)).toHaveLength(5);
  });
});
