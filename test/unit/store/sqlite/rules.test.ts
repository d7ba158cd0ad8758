import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHECK_IN_DUE } from '../../../../src/people/agenda.js';
import { NEXT_MEETING_DUE } from '../../../../src/people/cadence.js';
import { LEADER_SCORE } from '../../../../src/people/ranking.js';
import { evaluate, momentOf, type Formula } from '../../../../src/people/rules.js';
import { dueBySql, formulaSql, momentSql } from '../../../../src/store/sqlite/rules.js';

const db = new Database(':memory:');
/** Each fact as a bound parameter, so SQLite computes what plain code computes from the same values. */
const params = <F extends string>(names: readonly F[]) => Object.fromEntries(names.map((name) => [name, `@${name}`])) as Record<F, string>;

describe('a rule of the method, compiled to SQLite', () => {
  const facts = ['potential', 'rungLevel', 'asksYes', 'asksKept', 'asksBroken', 'referrals', 'meetings', 'daysSinceMet'] as const;
  const people = [
    { potential: 5, rungLevel: 6, asksYes: 9, asksKept: 9, asksBroken: 0, referrals: 9, meetings: 9, daysSinceMet: 200 },
    { potential: null, rungLevel: 1, asksYes: 0, asksKept: 0, asksBroken: 7, referrals: 0, meetings: 0, daysSinceMet: null },
    { potential: 3, rungLevel: 0, asksYes: 2, asksKept: 1, asksBroken: 1, referrals: 2, meetings: 3, daysSinceMet: 7 },
    { potential: 1, rungLevel: 3, asksYes: 1, asksKept: 0, asksBroken: 0, referrals: 1, meetings: 1, daysSinceMet: 1 },
  ];

  // By hand: 50+15+25+15+5+20; 0+0-10+0+0+4; 30+0+3+6+3+1.4; 10+6+1+3+1+0.07.
  it('the leader score gives what plain code gives, to the tenth', () => {
    const score = db.prepare(`SELECT ${formulaSql(LEADER_SCORE, params(facts))} AS score`);
    for (const person of people) expect((score.get(person) as { score: number }).score).toBe(evaluate(LEADER_SCORE, person));
    expect(people.map((person) => evaluate(LEADER_SCORE, person))).toEqual([130, -6, 43.4, 21.1]);
  });

  it('every kind of term means the same in both', () => {
    const formula: Formula<'a' | 'b'> = { sum: [{ product: [2, { fact: 'a' }] }, { least: [{ fact: 'b', unset: 9 }, 4] }, { greatest: [-1, { ratio: [{ fact: 'a' }, 3] }] }, { rounded: { ratio: [1, 3] }, decimals: 2 }] };
    const sql = db.prepare(`SELECT ${formulaSql(formula, params(['a', 'b'] as const))} AS value`);
    for (const values of [{ a: 7, b: null }, { a: -6, b: 2 }, { a: 0, b: 10 }]) {
      expect((sql.get(values) as { value: number }).value).toBeCloseTo(evaluate(formula, values), 12);
    }
    expect(evaluate(formula, { a: 7, b: null })).toBeCloseTo(14 + 4 + 7 / 3 + 0.33, 12);
  });

  it('the check-in moment: a snoozed check-in, else the due date, else a week after it was asked', () => {
    const columns = params(['checkinAt', 'dueAt', 'askedAt'] as const);
    const moment = db.prepare(`SELECT ${momentSql(CHECK_IN_DUE, columns)} AS at`);
    const asks = [
      { checkinAt: '2026-12-05T09:00:00.000Z', dueAt: '2026-12-01T18:00:00.000Z', askedAt: '2026-11-20T18:30:00.000Z' },
      { checkinAt: null, dueAt: '2026-12-01T18:00:00.000Z', askedAt: '2026-11-20T18:30:00.000Z' },
      { checkinAt: null, dueAt: null, askedAt: '2026-11-20T18:30:00.123Z' },
    ];
    const expected = ['2026-12-05T09:00:00.000Z', '2026-12-01T18:00:00.000Z', '2026-11-27T18:30:00.123Z'];
    expect(asks.map((ask) => momentOf(CHECK_IN_DUE, ask).toISOString())).toEqual(expected);
    expect(asks.map((ask) => (moment.get(ask) as { at: string }).at)).toEqual(expected);
  });

  it('the next meeting: the rung\'s days from the last contact (or 1:1) or from being added, never before a snooze', () => {
    const columns = params(['lastContact', 'createdAt', 'cadenceDays', 'cadenceUntil'] as const);
    const moment = db.prepare(`SELECT ${momentSql(NEXT_MEETING_DUE, columns)} AS at`);
    const dueBy = db.prepare(`SELECT ${dueBySql(NEXT_MEETING_DUE, columns, '@until', '@latestStart')} AS due`);
    const people = [
      { lastContact: '2026-11-01T10:00:00.000Z', createdAt: '2026-01-01T10:00:00.000Z', cadenceDays: 14, cadenceUntil: null },
      { lastContact: null, createdAt: '2026-11-20T10:00:00.000Z', cadenceDays: 60, cadenceUntil: null },
      { lastContact: '2026-11-01T10:00:00.000Z', createdAt: '2026-01-01T10:00:00.000Z', cadenceDays: 14, cadenceUntil: '2026-12-24T00:00:00.000Z' },
    ];
    const expected = ['2026-11-15T10:00:00.000Z', '2027-01-19T10:00:00.000Z', '2026-12-24T00:00:00.000Z'];
    expect(people.map((person) => momentOf(NEXT_MEETING_DUE, person).toISOString())).toEqual(expected);
    expect(people.map((person) => (moment.get(person) as { at: string }).at)).toEqual(expected);
    for (const until of ['2026-11-15T10:00:00.000Z', '2026-12-20T00:00:00.000Z', '2027-02-01T00:00:00.000Z']) {
      for (const person of people) {
        const latestStart = new Date(new Date(until).getTime() - person.cadenceDays * 86_400_000).toISOString();
        const due = (dueBy.get({ ...person, until, latestStart }) as { due: number }).due === 1;
        expect(due, `${JSON.stringify(person)} by ${until}`).toBe(momentOf(NEXT_MEETING_DUE, person).toISOString() <= until);
      }
    }
  });
});
