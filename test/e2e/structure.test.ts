/**
 * The structure test on the built binary and either engine, against figures worked out by hand for a generated
 * campaign: three units (a building of 60 with 40 known, a shift of 100 with 50, a congregation of unknown size with
 * 30), 120 people with their assessments and rungs, leaders and whom they lead, and one-on-ones old and recent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, succeeded, type Sandbox } from './helpers.js';

const DAY = 86_400_000;
const name = (unit: string, i: number) => `Tenant ${unit}${String(i).padStart(2, '0')}`;

/** Each unit's people as [assessment, rung] by position; the rest not assessed, contacts. */
interface Planned {
  unit: string;
  code: string;
  count: number;
  assessment: (i: number) => number;
  rung: (i: number) => string;
}

const UNITS: Planned[] = [
  // 12 at 1, 10 at 2, 5 at 3, 3 at 4, 2 at 5, 8 not assessed; A01 and A02 leaders by rung.
  {
    unit: 'Building 12', code: 'A', count: 40,
    assessment: (i) => (i <= 12 ? 1 : i <= 22 ? 2 : i <= 27 ? 3 : i <= 30 ? 4 : i <= 32 ? 5 : 0),
    rung: (i) => (i <= 2 ? 'leader' : i === 3 ? 'volunteer' : 'contact'),
  },
  // 20 at 1, 10 at 2, 20 not assessed; no leaders.
  { unit: 'Night shift', code: 'B', count: 50, assessment: (i) => (i <= 20 ? 1 : i <= 30 ? 2 : 0), rung: () => 'contact' },
  // 16 at 1, 14 at 3; C01 an organizer who leads nobody.
  { unit: 'St. Brigid', code: 'C', count: 30, assessment: (i) => (i <= 16 ? 1 : 3), rung: (i) => (i === 1 ? 'organizer' : 'contact') },
];

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  const file = (sheet: string, text: string) => {
    const path = join(box.dir, `${sheet}.csv`);
    writeFileSync(path, text);
    return path;
  };
  succeeded(box, ['import', file('units', 'name,kind,size\nBuilding 12,building,60\nNight shift,shift,100\nSt. Brigid,congregation,\n')]);
  const people = UNITS.flatMap((u) => Array.from({ length: u.count }, (_, k) => {
    const i = k + 1;
    const level = u.assessment(i);
    return `${name(u.code, i)},${u.rung(i)},${level === 0 ? '' : level},${u.unit}`;
  }));
  succeeded(box, ['import', file('people', ['name,rung,assessment,units', ...people, 'Outside Person,contact,,'].join('\n'))]);
  // A01 leads five of the building and someone of no unit, A02 three, A03 (a volunteer) two: ten led, none twice.
  const leads = [
    ...[11, 12, 13, 14, 15].map((i) => [name('A', 1), name('A', i)]), [name('A', 1), 'Outside Person'],
    ...[16, 17, 18].map((i) => [name('A', 2), name('A', i)]),
    ...[19, 20].map((i) => [name('A', 3), name('A', i)]),
  ];
  succeeded(box, ['import', file('relationships', ['person,kind,other', ...leads.map(([a, b]) => `${a},leads,${b}`)].join('\n'))]);
  // Three 1:1s in the building within 30 days, one older; one in the shift 40 days ago.
  const day = (ago: number) => new Date(Date.now() - ago * DAY).toISOString().slice(0, 16).replace('T', ' ');
  for (const [who, ago] of [[name('A', 5), 2], [name('A', 6), 10], [name('A', 5), 29], [name('A', 7), 45], [name('B', 1), 40]] as const) {
    succeeded(box, ['log', who, '--date', day(ago), '--note', 'met']);
  }
}, 120_000);
afterAll(() => box.cleanup());

const CSV_HEAD = 'unit,kind,size,known,assessed,assessed_share,supporters,supporters_share,majority,still_needed,leaders,leaders_needed,not_led,one_on_ones_30_days';

describe('structure', () => {
  it('as CSV: every unit\'s figures as worked out by hand', () => {
    const result = succeeded(box, ['structure', '--csv']);
    expect(result.stdout).toBe([
      CSV_HEAD,
      // 40 of 60 known; 32 assessed (0.8); 22 supporters of 60 (0.367); a majority of 60 is 31: 9 more; 3 leaders of
      // the 6 it needs; 40 − 3 leaders − 10 led = 27 not led; 3 one-on-ones in 30 days.
      'Building 12,building,60,40,32,0.8,22,0.367,31,9,3,6,27,3',
      // 50 of 100; 30 assessed, all supporters; a majority of 100 is 51: 21 more; no leaders of 10; nobody led.
      'Night shift,shift,100,50,30,0.6,30,0.3,51,21,0,10,50,0',
      // No size: counted against the 30 known; 16 supporters are a majority (16); 1 leader of 3; 29 not led.
      'St. Brigid,congregation,,30,30,1,16,0.533,16,0,1,3,29,0',
      '',
    ].join('\r\n'));
  });

  it('as a table, with how it is counted on stderr', () => {
    const result = succeeded(box, ['structure']);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('│'));
    expect(rows.map((line) => line.split('│').slice(1, -1).map((cell) => cell.trim()))).toEqual([
      ['Unit', 'Known', 'Assessed', 'Supporters (1–2)', 'Majority', 'Still needed', 'Leaders', 'Not led', '1:1s, 30 days'],
      ['Building 12', '40 of 60', '32 (80%)', '22 (37%)', '31', '9', '3 of 6', '27', '3'],
      ['Night shift', '50 of 100', '30 (60%)', '30 (30%)', '51', '21', '0 of 10', '50', '0'],
      ['St. Brigid', '30 (size unknown)', '30 (100%)', '16 (53%)', '16', 'none: a majority', '1 of 3', '29', '0'],
    ]);
    expect(result.stderr).toMatch(/^A majority is more than half of the unit's size/);
    expect(result.stderr).toMatch(/\nEach unit's leaders and whom they lead: oneonone structure --unit NAME\n$/);
  });

  it('one unit: its leaders and the members each leads, and what is missing', () => {
    const lines = succeeded(box, ['structure', '--unit', 'building 12']).stdout.split('\n');
    expect(lines[0]).toBe('Building 12 (building, size 60)');
    const from = lines.indexOf('22 supporters of 60: 9 more for a majority (31).');
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from + 1)).toEqual([
      '',
      'Leaders and whom they lead',
      `  ${name('A', 1)} leads 5: ${[11, 12, 13, 14, 15].map((i) => name('A', i)).join(', ')}`,
      `  ${name('A', 2)} leads 3: ${[16, 17, 18].map((i) => name('A', i)).join(', ')}`,
      `  ${name('A', 3)} leads 2: ${name('A', 19)}, ${name('A', 20)}`,
      '27 members no leader leads. At one leader for about 10 people the unit needs 6: 3 more.',
      '',
    ]);
    const brigid = succeeded(box, ['structure', '--unit', 'St. Brigid']).stdout;
    expect(brigid).toContain(`\n  ${name('C', 1)}: leads nobody here yet\n`);
    expect(brigid).toContain('\n16 supporters of 30: a majority (16 needed).\n');
  });

  it('as JSON: the counts, the leaders with whom they lead, and the figures', () => {
    const units = box.json<Record<string, unknown>[]>(['structure', '--json']);
    expect(units.map((u) => (u.unit as { name: string }).name)).toEqual(['Building 12', 'Night shift', 'St. Brigid']);
    expect(units[0]).toMatchObject({
      unit: { name: 'Building 12', kind: 'building', size: 60 }, known: 40, assessed: 32, supporters: 22, recentOneOnOnes: 3,
      base: 60, majority: 31, stillNeeded: 9, assessedShare: 0.8, unled: 27, leadersNeeded: 6, leadersMissing: 3, recentDays: 30,
    });
    const leaders = units[0]!.leaders as { name: string; leads: { name: string }[] }[];
    expect(leaders.map((l) => [l.name, l.leads.length])).toEqual([[name('A', 1), 5], [name('A', 2), 3], [name('A', 3), 2]]);
    expect(units[2]).toMatchObject({ unit: { size: null }, base: 30, majority: 16, stillNeeded: 0, leadersMissing: 2 });
  });

  it('refuses an unknown unit with a suggestion, and --csv with --json', () => {
    const unknown = box.run(['structure', '--unit', 'Building 21']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('oneonone: there is no unit called "Building 21"\nhint: did you mean "Building 12"?\n');
    const both = box.run(['structure', '--csv', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^oneonone: --csv and --json are two ways to print it: choose one\n/);
  });
});
