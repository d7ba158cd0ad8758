import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsFigures } from '../../src/meeting/stats.js';
import { hasDatabase } from './figures.js';
import { sandbox, type Sandbox } from './helpers.js';

const UTC = { TZ: 'UTC' };
const pad = (n: number): string => String(n).padStart(2, '0');
const stamp = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

describe('stats', () => {
  let box: Sandbox;
  const now = new Date();
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));

  /** Logs a meeting and, when given, the talk clock's seconds on each of its phases; returns its id. */
  function meet(person: string, when: string, talk?: [number, number], extra: string[] = []): number {
    const result = box.run(['log', person, '--date', when, '--json', ...extra], { env: UTC });
    expect(result.code, result.stderr).toBe(0);
    const id = (JSON.parse(result.stdout) as { id: number }).id;
    if (talk) {
      box.sql(`UPDATE meeting_phases SET organizer_talk_seconds = ?, other_talk_seconds = ? WHERE meeting_id = ?`, [talk[0], talk[1], id]);
    }
    return id;
  }

  beforeAll(() => {
    box = sandbox();
    meet('Zed Early', '2025-02-03 18:00', [300, 0], ['--ask', 'before the window', '--outcome', 'yes']); // before --since: counts nowhere but the ladder
    meet('Ana Ruiz', '2025-03-04 18:00', [60, 240], ['--ask', 'come to the meeting', '--outcome', 'yes', '--ask', 'chair it', '--outcome', 'no', '--rung', 'leader']); // 20%
    meet('Bo Chen', '2025-03-04 19:00', undefined, ['--rung', 'volunteer']); // no talk recorded
    const kept = meet('Cy Diaz', '2025-03-12 18:00', [90, 210], ['--ask', 'bring a neighbour', '--outcome', 'yes']); // 30%
    meet('Dee Evans', '2025-03-26 18:00', [100, 300], ['--ask', 'host a house meeting', '--outcome', 'maybe']); // 25%
    meet('Ana Ruiz', stamp(new Date(lastMonth.getTime() + 2 * 86_400_000)), [120, 180]); // last month: 40%
    meet('Bo Chen', stamp(new Date(thisMonth.getTime() + 60_000)), [30, 270]); // this month: 10%
    meet('Cy Diaz', stamp(new Date(thisMonth.getTime() + 120_000)), [90, 210]); // this month: 30%
    box.sql(`UPDATE asks SET result = 'kept' WHERE meeting_id = ?`, [kept]);
  });

  afterAll(() => box.cleanup());

  function stats(args: string[] = []): StatsFigures {
    const result = box.run(['stats', '--json', ...args], { env: UTC });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as StatsFigures;
  }

  it('--since counts meetings per ISO week from the week it falls in', () => {
    const figures = stats(['--since', '2025-03-03']);
    expect(figures.meetingsPerWeek.slice(0, 4)).toEqual([
      { week: '2025-W10', start: '2025-03-03', meetings: 2 },
      { week: '2025-W11', start: '2025-03-10', meetings: 1 },
      { week: '2025-W12', start: '2025-03-17', meetings: 0 },
      { week: '2025-W13', start: '2025-03-24', meetings: 1 },
    ]);
    expect(figures.meetingsPerWeek.reduce((sum, week) => sum + week.meetings, 0)).toBe(7);
  });

  it('talk share per meeting covers only meetings with talk recorded, against the 20% line', () => {
    const talk = stats(['--since', '2025-03-03']).talkShare;
    expect(talk.line).toBe(0.2);
    expect(talk.meetings.map((meeting) => meeting.share)).toEqual([0.2, 0.3, 0.25, 0.4, 0.1, 0.3]);
    expect(talk.average).toBeCloseTo((0.2 + 0.3 + 0.25 + 0.4 + 0.1 + 0.3) / 6, 4);
    expect(talk.overLine).toBe(4); // exactly 20% is on the line, not over it
  });

  it('this month against last month: the average of each meeting\'s share', () => {
    const talk = stats().talkShare;
    expect(talk.thisMonth).toEqual({ month: thisMonth.toISOString().slice(0, 7), average: 0.2, meetings: 2 });
    expect(talk.lastMonth).toEqual({ month: lastMonth.toISOString().slice(0, 7), average: 0.4, meetings: 1 });
    expect(talk.change).toBe('down');
  });

  it('the ask funnel counts asks made, said yes and kept in the period', () => {
    expect(stats(['--since', '2025-03-03']).asks).toEqual({ made: 4, yes: 2, maybe: 1, no: 1, noAnswer: 0, kept: 1, broken: 0 });
  });

  it('people per rung lists every rung, zeros included', () => {
    expect(stats().peoplePerRung).toEqual([
      { rung: 'contact', people: 3 }, { rung: 'supporter', people: 0 }, { rung: 'participant', people: 0 },
      { rung: 'volunteer', people: 1 }, { rung: 'leader', people: 1 }, { rung: 'organizer', people: 0 },
    ]);
  });

  it('without --since it shows the last twelve weeks, the current one last', () => {
    const weeks = stats().meetingsPerWeek;
    expect(weeks).toHaveLength(12);
    const lastStart = new Date(`${weeks.at(-1)!.start}T00:00:00Z`).getTime();
    expect(lastStart).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - lastStart).toBeLessThan(7 * 86_400_000);
  });

  it('draws the pictures in characters with the verdict in words, readable without colour', () => {
    const result = box.run(['stats', '--since', '2025-03-03'], { env: UTC });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stdout).toContain('This month you talked 20% on average, down from 40% last month: you are listening more.');
    expect(result.stdout).toMatch(/Tue 4 Mar 2025 +█{8}│ +20%\n/);
    expect(result.stdout).toMatch(/Wed 12 Mar 2025 +█{8}│█{4} +30%  over the line\n/);
    expect(result.stdout).toMatch(/W10 +Mon 3 Mar 2025 +2 █{40}\n/);
    expect(result.stdout).toMatch(/made +█{40} 4\n/);
    expect(result.stdout).toContain('50% of asks made');
  });

  it('refuses a start date in the future, and reads a database that does not exist yet as an empty one', () => {
    const future = box.run(['stats', '--since', '2999-01-01']);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('is in the future');
    const none = sandbox();
    try {
      const result = none.run(['stats', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).asks.made).toBe(0);
      expect(hasDatabase(none)).toBe(false);
    } finally {
      none.cleanup();
    }
  });

  it('labels each week by its own Monday west of UTC too (the week start is a local day, not UTC midnight)', () => {
    const west = sandbox();
    try {
      const env = { TZ: 'America/Los_Angeles' };
      expect(west.run(['log', 'Ana Ruiz', '--date', '2026-11-23 18:00'], { env }).code).toBe(0);
      const result = west.run(['stats', '--since', '2026-11-16'], { env });
      expect(result.stdout).toMatch(/W48 +Mon 23 Nov 2026 +1 /);
      expect(result.stdout).not.toMatch(/Sun 22 Nov 2026/);
    } finally {
      west.cleanup();
    }
  });
});

describe('stats: how the organizer listens, on a generated history of 50 meetings', () => {
  let box: Sandbox;
  /** Per meeting: [longest stretch, open questions, reflections]; null where that meeting did not keep it. */
  const history = Array.from({ length: 50 }, (_, i): [number | null, number | null, number | null] => [
    i % 10 === 9 ? null : 20 + ((i * 37) % 160),
    i % 3 === 0 ? (i % 5) + 1 : null,
    i % 3 === 0 ? (i * 7) % 6 : null,
  ]);

  beforeAll(() => {
    box = sandbox();
    const start = Date.UTC(2025, 0, 6, 18);
    const people = ['Ana Ruiz', 'Bo Chen', 'Cy Diaz', 'Dee Evans', 'Eli Fox', 'Fay Gold', 'Gus Hale', 'Hana Ito', 'Ivo Jung', 'Jo Kerr'];
    // Fifty meetings, a day apart, with ten people.
    for (const [i, [longest, questions, reflections]] of history.entries()) {
      const when = new Date(start + i * 86_400_000).toISOString().slice(0, 16).replace('T', ' ');
      const result = box.run(['log', people[i % 10]!, '--date', when, '--json'], { env: { TZ: 'UTC' } });
      expect(result.code, result.stderr).toBe(0);
      const id = (JSON.parse(result.stdout) as { id: number }).id;
      box.sql(
        `UPDATE meeting_phases SET organizer_talk_seconds = 60, other_talk_seconds = 240, longest_monologue_seconds = ?, open_questions = ?, reflections = ?
         WHERE meeting_id = ? AND position = 1`,
        [longest, questions, reflections, id],
      );
    }
  }, 120_000);
  afterAll(() => box.cleanup());

  it('gives the median and the longest stretch, and reflections to questions, as counted by hand', () => {
    const result = box.run(['stats', '--since', '2025-01-01', '--json'], { env: { TZ: 'UTC' } });
    expect(result.code, result.stderr).toBe(0);
    const { habits } = JSON.parse(result.stdout) as StatsFigures;
    const stretches = history.flatMap(([longest]) => (longest === null ? [] : [longest])).sort((a, b) => a - b);
    const counted = history.filter(([, questions]) => questions !== null);
    const questions = counted.reduce((sum, [, q]) => sum + q!, 0);
    const reflections = counted.reduce((sum, [, , r]) => sum + r!, 0);
    expect(stretches).toHaveLength(45);
    expect(counted).toHaveLength(17);
    expect(habits.longestMonologue).toEqual({ meetings: 45, medianSeconds: stretches[22], mostSeconds: stretches[44] });
    expect(habits.reflecting).toEqual({ meetings: 17, questions, reflections, verdict: reflections >= 2 * questions ? 'good' : reflections >= questions ? 'fair' : 'below' });

    const drawn = box.run(['stats', '--since', '2025-01-01'], { env: { TZ: 'UTC' } }).stdout;
    expect(drawn).toContain('How you listen');
    expect(drawn).toContain(`(the median of 45 meetings), 0${Math.floor(stretches[44]! / 60)}:${String(stretches[44]! % 60).padStart(2, '0')} at most.`);
    expect(drawn).toContain(`Reflections to open questions: ${reflections} to ${questions} (${(reflections / questions).toFixed(1)} to 1) over 17 meetings`);
  });
});
