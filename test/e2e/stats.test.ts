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

describe('stats: the scorecard habits, on a generated history of 50 logged meetings', () => {
  let box: Sandbox;
  interface Logged {
    did: string[];
    referralNamed: boolean;
    interest: boolean;
    value: boolean;
    story: boolean;
    agitation: boolean;
    asks: { due: boolean; barriers: boolean; no: boolean }[];
    followUp: boolean;
  }
  /** Meeting i (0 oldest, 49 newest), each habit on its own rhythm so the rates differ. */
  const history = Array.from({ length: 50 }, (_, i): Logged => ({
    did: [
      ...(i % 2 === 0 ? ['purpose'] : []),
      ...(i % 5 !== 0 ? ['their-story'] : []),
      ...(i % 8 === 4 || i % 8 === 6 ? ['barriers'] : []), // i % 8 === 4 has no ask: ticked, but it does not apply
      ...(i % 10 === 1 ? ['referral'] : []),
    ],
    referralNamed: i % 10 === 6,
    interest: i % 3 !== 0,
    value: i % 4 !== 3,
    story: i % 7 === 0,
    agitation: i % 2 === 1,
    asks: i % 4 === 0 ? [] : [
      { due: i % 2 === 1, barriers: i % 3 === 0, no: i % 4 === 3 },
      ...(i % 8 === 7 ? [{ due: false, barriers: false, no: false }] : []), // the smaller ask after the no
    ],
    followUp: i % 5 < 3,
  }));

  function logArgs(meeting: Logged, i: number): string[] {
    return [
      ...(meeting.did.length > 0 ? ['--did', meeting.did.join(',')] : []),
      ...(meeting.referralNamed ? ['--referral', ['Kim Lowe', 'Lu Mora', 'Mo Nash', 'Ned Oakes', 'Ora Pike'][Math.floor(i / 10)]!] : []),
      ...(meeting.interest ? ['--interest', 'repairs in the building'] : []),
      ...(meeting.value ? ['--value', 'family first'] : []),
      ...(meeting.story ? ['--story', 'how I started organizing'] : []),
      ...(meeting.agitation ? ['--agitation', 'why has nothing changed?'] : []),
      ...meeting.asks.flatMap((ask, n) => [
        '--ask', n === 0 ? 'come to the tenants meeting' : 'read the flyer',
        ...(ask.due ? ['--ask-due', 'thursday 7pm'] : []),
        ...(ask.barriers ? ['--barriers', 'no childcare'] : []),
        '--outcome', ask.no ? 'no' : 'yes',
      ]),
      ...(meeting.followUp ? ['--followup', 'in 3 days'] : []),
    ];
  }

  /** The guides' order, written out here so the test does not take it from the code it checks. */
  const ORDER = ['purpose', 'interest', 'value', 'their-story', 'your-story', 'agitation', 'specific-ask', 'barriers', 'pivot', 'referral', 'follow-up', 'talk-share', 'monologue'];

  /** What applied to a logged meeting and whether it was met, by the rules of the issue (no talk items: nothing was timed). */
  function byHand(m: Logged): Map<string, boolean> {
    const scored = new Map<string, boolean>([
      ['purpose', m.did.includes('purpose')],
      ['interest', m.interest],
      ['value', m.value],
      ['their-story', m.did.includes('their-story')],
      ['your-story', m.story],
      ['agitation', m.agitation],
      ['specific-ask', m.asks.some((ask) => ask.due)],
    ]);
    if (m.asks.length > 0) scored.set('barriers', m.did.includes('barriers') || m.asks.some((ask) => ask.barriers));
    const no = m.asks.findIndex((ask) => ask.no);
    if (no >= 0) scored.set('pivot', m.asks.length > no + 1);
    scored.set('referral', m.did.includes('referral') || m.referralNamed);
    scored.set('follow-up', m.followUp);
    return scored;
  }

  function expected(last: number) {
    const cards = history.slice(-last).map(byHand);
    const items = ORDER.map((item) => {
      const lines = cards.filter((card) => card.has(item));
      return { item, applied: lines.length, met: lines.filter((card) => card.get(item)).length };
    });
    const mostSkipped = items
      .filter((item) => item.applied > 0 && item.met < item.applied)
      .sort((a, b) => a.met / a.applied - b.met / b.applied || ORDER.indexOf(a.item) - ORDER.indexOf(b.item))
      .slice(0, 3);
    return { items, mostSkipped };
  }

  interface Habits {
    meetings: number;
    from: string | null;
    to: string | null;
    items: { item: string; applied: number; met: number; rate: number | null }[];
    mostSkipped: { item: string; met: number; applied: number }[];
  }

  function habits(args: string[]): Habits {
    const result = box.run(['stats', '--json', ...args], { env: UTC });
    expect(result.code, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { scorecardHabits: Habits }).scorecardHabits;
  }

  const start = Date.UTC(2025, 0, 6, 18);
  const heldAt = (i: number) => new Date(start + i * 86_400_000).toISOString();

  beforeAll(() => {
    box = sandbox();
    const people = ['Ana Ruiz', 'Bo Chen', 'Cy Diaz', 'Dee Evans', 'Eli Fox', 'Fay Gold', 'Gus Hale', 'Hana Ito', 'Ivo Jung', 'Jo Kerr'];
    for (const [i, meeting] of history.entries()) {
      const when = heldAt(i).slice(0, 16).replace('T', ' ');
      const result = box.run(['log', people[i % 10]!, '--date', when, ...logArgs(meeting, i)], { env: UTC });
      expect(result.code, result.stderr).toBe(0);
    }
  }, 180_000);
  afterAll(() => box.cleanup());

  it('the hand count itself, checked against figures worked out on paper', () => {
    const last10 = new Map(expected(10).items.map((item) => [item.item, `${item.met}/${item.applied}`]));
    expect(Object.fromEntries(last10)).toEqual({
      purpose: '5/10', interest: '7/10', value: '8/10', 'their-story': '8/10', 'your-story': '2/10', agitation: '5/10',
      'specific-ask': '5/10', barriers: '3/7', pivot: '1/2', referral: '2/10', 'follow-up': '6/10', 'talk-share': '0/0', monologue: '0/0',
    });
    const all = new Map(expected(50).items.map((item) => [item.item, `${item.met}/${item.applied}`]));
    expect([all.get('referral'), all.get('barriers'), all.get('pivot'), all.get('your-story'), all.get('follow-up')]).toEqual(['10/50', '16/37', '6/12', '8/50', '30/50']);
  });

  it('--json: by default the last 10 meetings, each item\'s rate where it applied, and the three most skipped', () => {
    const figures = habits([]);
    const { items, mostSkipped } = expected(10);
    expect(figures.meetings).toBe(10);
    expect([figures.from, figures.to]).toEqual([heldAt(40), heldAt(49)]);
    expect(figures.items.map(({ item, applied, met }) => ({ item, applied, met }))).toEqual(items);
    for (const [at, item] of items.entries()) {
      if (item.applied === 0) expect(figures.items[at]!.rate).toBeNull();
      else expect(figures.items[at]!.rate).toBeCloseTo(item.met / item.applied, 4);
    }
    expect(figures.mostSkipped).toEqual(mostSkipped);
    expect(figures.mostSkipped.map((item) => item.item)).toEqual(['your-story', 'referral', 'barriers']); // 2/10 ties 2/10: the guides' order
  });

  it('--habits N reads the last N, whatever --since says; more than there are reads them all', () => {
    const all = habits(['--habits', '50', '--since', '2026-01-01']);
    expect(all.meetings).toBe(50);
    expect(all.items.map(({ item, applied, met }) => ({ item, applied, met }))).toEqual(expected(50).items);
    expect(all.mostSkipped).toEqual(expected(50).mostSkipped);
    const four = habits(['--habits', '4']);
    expect(four.items.map(({ item, applied, met }) => ({ item, applied, met }))).toEqual(expected(4).items);
    expect(four.mostSkipped).toEqual(expected(4).mostSkipped);
    expect(habits(['--habits', '1000']).meetings).toBe(50);
  });

  it('draws a bar per habit that applied and names the three most skipped in words, without colour in a pipe', () => {
    const result = box.run(['stats'], { env: UTC });
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain('\nYour habits over your last 10 meetings with a scorecard\n');
    const labels: Record<string, string> = {
      purpose: 'stated your purpose', interest: 'heard a self-interest', value: 'heard a value', 'their-story': 'heard their story',
      'your-story': 'shared your story', agitation: 'agitated', 'specific-ask': 'ask with a day and time', barriers: 'asked about barriers',
      pivot: 'smaller ask after a no', referral: 'asked who else', 'follow-up': 'set a follow-up',
    };
    for (const { item, applied, met } of expected(10).items.filter((item) => item.applied > 0)) {
      const drawn = met === 0 ? '·' : `█{${Math.round((met / applied) * 40)}}`;
      expect(text).toMatch(new RegExp(`\\n  ${labels[item]} +${Math.round((met / applied) * 100)}% ${drawn} +${met} of ${applied}\\n`));
    }
    expect(text).toContain('Did not arise in these meetings, so not scored: talk within limits, short stretches of talk.');
    expect(text).toContain([
      '  Most often skipped:',
      '    You shared your story in 2 of the 10 meetings where it applied.',
      '    You asked who else you should talk to in 2 of the 10 meetings where it applied.',
      '    You asked what might stand in the way in 3 of the 7 meetings where it applied.',
    ].join('\n'));
    const all = box.run(['stats', '--habits', '50', '--no-color'], { env: UTC }).stdout;
    expect(all).toContain('\nYour habits over your last 50 meetings with a scorecard\n');
    expect(all).toMatch(/\n {2}asked who else +20% █{8} +10 of 50\n/);
    expect(all).toContain('    You asked what might stand in the way in 16 of the 37 meetings where it applied.');
  });

  it('says in one line how to get a scorecard when no meeting has one; refuses --habits out of range', () => {
    const none = sandbox();
    try {
      const text = none.run(['stats']).stdout;
      expect(text).toContain('Your habits, from the scorecards\n  No meeting has a scorecard yet: run your next one-on-one with oneonone start, or record one with oneonone log');
      expect(JSON.parse(none.run(['stats', '--json']).stdout).scorecardHabits).toMatchObject({ meetings: 0, from: null, to: null, mostSkipped: [] });
    } finally {
      none.cleanup();
    }
    for (const bad of ['0', '1001', 'ten']) {
      const result = box.run(['stats', '--habits', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^oneonone: .*--habits/);
    }
  });
});
