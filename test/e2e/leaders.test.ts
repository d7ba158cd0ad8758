import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayFromMidnight, dayAt, isoAt } from './relative-dates.js';
import { sandbox, type RunResult, type Sandbox } from './helpers.js';

interface Leader {
  rank: number;
  id: number;
  name: string;
  rung: string;
  potential: number | null;
  meetings: number;
  lastMet: string | null;
  daysSinceMet: number | null;
  asksMade: number;
  asksYes: number;
  asksKept: number;
  asksBroken: number;
  referrals: number;
  score: number;
}

interface Ladder {
  days: number;
  rungs: { rung: string; level: number; people: number }[];
  moves: { personId: number; name: string; fromRung: string; toRung: string; direction: 'up' | 'down'; changedAt: string }[];
}

const UTC = { TZ: 'UTC' };

function ok(box: Sandbox, args: string[]): RunResult {
  const result = box.run(args, { env: UTC });
  expect(result.code, `oneonone ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function leaders(box: Sandbox, ...args: string[]): Leader[] {
  return JSON.parse(ok(box, ['leaders', '--json', ...args]).stdout) as Leader[];
}

const names = (list: { name: string }[]) => list.map((leader) => leader.name);

beforeAll(() => awayFromMidnight(), 200_000);

describe('leaders and ladder', () => {
  let box: Sandbox;

  /**
   * Ana and Ben: leaders with potential 5, Ana last met 40 days ago, Ben 3 days ago.
   * Carla: a volunteer (potential 3) who said yes twice, kept one and broke one, and brought in Dev and Eve.
   * Fay: a participant (potential 2) met twice, 60 and 50 days ago. Dev and Eve: never met.
   */
  beforeAll(() => {
    box = sandbox();
    ok(box, ['log', 'Ana Ruiz', '--date', dayAt(-40, '10:00'), '--rung', 'leader', '--potential', '5']);
    ok(box, ['log', 'Ben Okafor', '--date', dayAt(-3, '10:00'), '--rung', 'leader', '--potential', '5']);
    ok(box, ['log', 'Carla Diaz', '--date', dayAt(-5, '10:00'), '--rung', 'volunteer', '--potential', '3',
      '--ask', 'call five neighbors', '--ask-due', dayAt(2, '18:00'), '--outcome', 'yes',
      '--ask', 'host a house meeting', '--outcome', 'yes',
      '--ask', 'speak at the council', '--outcome', 'no',
      '--referral', 'Dev Patel', '--referral', 'Eve Stone']);
    ok(box, ['done', 'A1', '--kept']);
    ok(box, ['done', 'A2', '--broken']);
    ok(box, ['log', 'Fay Lee', '--date', dayAt(-60, '10:00'), '--rung', 'participant', '--potential', '2']);
    ok(box, ['log', 'Fay Lee', '--date', dayAt(-50, '10:00')]);
    // `log` records a rung change when it is typed; Fay's move is set 40 days back to fall outside the ladder's 30.
    box.sql(`UPDATE rung_changes SET changed_at = ? WHERE person_id = 6 AND from_rung IS NOT NULL`, [isoAt(-40)]);
  });

  afterAll(() => box.cleanup());

  it('ranks high potential not met in 40 days above the same potential met this week, with the counts behind it', () => {
    const list = leaders(box);
    expect(names(list)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Carla Diaz', 'Fay Lee', 'Dev Patel', 'Eve Stone']);
    expect(list.map((leader) => leader.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(list[0]).toMatchObject({ id: 1, rung: 'leader', potential: 5, meetings: 1, lastMet: isoAt(-40, '10:00'), daysSinceMet: 40, asksMade: 0, referrals: 0 });
    expect(list[0]!.score).toBeGreaterThan(list[1]!.score);
    expect(list[2]).toMatchObject({ name: 'Carla Diaz', asksMade: 3, asksYes: 2, asksKept: 1, asksBroken: 1, referrals: 2 });
    expect(list[3]).toMatchObject({ name: 'Fay Lee', meetings: 2, lastMet: isoAt(-50, '10:00') });
    expect(list[4]).toMatchObject({ name: 'Dev Patel', meetings: 0, lastMet: null, potential: null });
  });

  it('scores by the documented formula', () => {
    const carla = leaders(box).find((leader) => leader.name === 'Carla Diaz')!;
    // 10×3 potential + 3×(4−1) rung + (2 yes + 4×1 kept − 3×1 broken) + 3×2 referrals + 1 meeting + 4×3×5/60 not met
    expect(carla.score).toBe(30 + 9 + 3 + 6 + 1 + 1);
  });

  it('filters by rung at or above, by potential, by days since met, and limits', () => {
    expect(names(leaders(box, '--rung', 'leader'))).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(names(leaders(box, '--rung', 'volunteer'))).toEqual(['Ana Ruiz', 'Ben Okafor', 'Carla Diaz']);
    expect(names(leaders(box, '--min-potential', '3'))).toEqual(['Ana Ruiz', 'Ben Okafor', 'Carla Diaz']);
    expect(names(leaders(box, '--stale', '30'))).toEqual(['Ana Ruiz', 'Fay Lee', 'Dev Patel', 'Eve Stone']);
    expect(names(leaders(box, '--stale', '30', '--min-potential', '4'))).toEqual(['Ana Ruiz']);
    expect(names(leaders(box, '--limit', '2'))).toEqual(['Ana Ruiz', 'Ben Okafor']);
  });

  it('shows a table in rank order, and one friendly line when nobody matches', () => {
    const { stdout } = ok(box, ['leaders', '--limit', '3']);
    expect(stdout.indexOf('Ana Ruiz')).toBeLessThan(stdout.indexOf('Ben Okafor'));
    expect(stdout).toMatch(/Carla Diaz.*volunteer.*│ 3 \/ 2 \/ 1 \(1 broken\)/);
    expect(stdout).not.toContain('Fay Lee');
    const none = ok(box, ['leaders', '--rung', 'organizer']);
    expect(none.stdout).toBe('');
    expect(none.stderr.trim()).toBe('Nobody matches (at or above organizer).');
  });

  it('refuses a potential outside 1-5 and a limit of 0', () => {
    expect(box.run(['leaders', '--min-potential', '9']).code).toBe(1);
    expect(box.run(['leaders', '--limit', '0']).code).toBe(2);
  });

  it('ladder counts every rung, zeros included, and lists who moved up or down recently', () => {
    ok(box, ['log', 'Ben Okafor', '--rung', 'volunteer', '--rung-reason', 'stepped back for a new job']);
    const ladder = JSON.parse(ok(box, ['ladder', '--json']).stdout) as Ladder;
    expect(ladder.days).toBe(30);
    expect(ladder.rungs.map(({ rung, people }) => [rung, people])).toEqual([
      ['contact', 2], ['supporter', 0], ['participant', 1], ['volunteer', 2], ['leader', 1], ['organizer', 0],
    ]);
    expect(ladder.moves.map((move) => [move.name, move.fromRung, move.toRung, move.direction])).toEqual([
      ['Ben Okafor', 'leader', 'volunteer', 'down'],
      ['Ben Okafor', 'contact', 'leader', 'up'],
      ['Carla Diaz', 'contact', 'volunteer', 'up'],
    ]);
    // Ana's move came out of a meeting 40 days ago, so it is dated then, not when it was written up.
    const wider = JSON.parse(ok(box, ['ladder', '--json', '--days', '60']).stdout) as Ladder;
    expect(wider.moves.map((move) => move.name)).toEqual(expect.arrayContaining(['Fay Lee', 'Ana Ruiz']));
    const table = ok(box, ['ladder']).stdout;
    expect(table).toMatch(/6 organizer\s+│ 0/);
    expect(table).toMatch(/Ben Okafor\s+│ down\s+│ leader → volunteer\s+│ stepped back for a new job/);
  });
});
