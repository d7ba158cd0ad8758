import ICAL from 'ical.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayFromMidnight, dayAt, dayStart, isoAt } from './relative-dates.js';
import { sandbox, type RunResult, type Sandbox } from './helpers.js';

interface Item {
  id: string;
  kind: 'followup' | 'ask' | 'cadence';
  person: string;
  personId: number;
  due: string;
  allDay: boolean;
  text: string;
  overdue: boolean;
  late: string | null;
}

const UTC = { TZ: 'UTC' };

function run(box: Sandbox, args: string[]): RunResult {
  return box.run(args, { env: UTC });
}

function ok(box: Sandbox, args: string[]): RunResult {
  const result = run(box, args);
  expect(result.code, `oneonone ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function list(box: Sandbox, ...args: string[]): Item[] {
  return JSON.parse(ok(box, ['followups', '--json', ...args]).stdout) as Item[];
}

const ids = (items: Item[]) => items.map((item) => item.id);

/**
 * Five people, recorded through `log` as an organizer would, in the past:
 *   #1 Ana   leader, met 40 days ago; said yes to an ask due 3 days ago         -> C1 26 days late, A1 3 days late
 *   #2 Ben   volunteer, met 2 days ago; maybe to an ask in 3 days; follow-up in 2 -> A2, F1 (C2 in 28 days)
 *   #3 Carla contact, met yesterday; no to one ask, yes to one in 10 days; follow-up in 12 -> A4, F2 (A3 never)
 *   #4 Dev   contact, met 20 days ago; a follow-up made overdue by 5 days        -> F3
 *   #5 Eve   volunteer, met 30 days ago at 00:30                                -> C5 due today, not late
 */
function fill(box: Sandbox): void {
  ok(box, ['log', 'Ana Ruiz', '--date', dayAt(-40, '10:00'), '--rung', 'leader', '--potential', '5',
    '--ask', 'come to the tenant meeting', '--ask-due', dayAt(-3, '19:00'), '--outcome', 'yes']);
  ok(box, ['log', 'Ben Okafor', '--date', dayAt(-2, '10:00'), '--rung', 'volunteer',
    '--ask', 'bring two neighbors to the vigil', '--ask-due', dayAt(3, '18:00'), '--outcome', 'maybe',
    '--followup', dayAt(2, '09:00'), '--followup-note', 'call to remind him']);
  ok(box, ['log', 'Carla Diaz', '--date', dayAt(-1, '10:00'),
    '--ask', 'sign the petition', '--outcome', 'no',
    '--ask', 'host a house meeting', '--ask-due', dayAt(10, '19:00'), '--outcome', 'yes',
    '--followup', dayAt(12, '10:00')]);
  ok(box, ['log', 'Dev Patel', '--date', dayAt(-20, '10:00'), '--followup', dayAt(1, '10:00'), '--followup-note', 'send the meeting notes']);
  ok(box, ['log', 'Eve Stone', '--date', dayAt(-30, '00:30'), '--rung', 'volunteer']);
  // `log` refuses a follow-up date in the past, so this one is made late directly.
  box.sql(`UPDATE followups SET due_at = ? WHERE id = 3`, [isoAt(-5, '09:00')]);
}

beforeAll(() => awayFromMidnight(), 200_000);

describe('followups lists', () => {
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    fill(box);
  });

  afterAll(() => box.cleanup());

  it('late items first, then what is due today and in the next 7 days, across all three kinds', () => {
    const items = list(box);
    expect(ids(items)).toEqual(['C1', 'F3', 'A1', 'C5', 'F1', 'A2']);
    expect(items.map((item) => item.overdue)).toEqual([true, true, true, false, false, false]);
    expect(items.map((item) => item.late)).toEqual(['26 days late', '5 days late', '3 days late', null, null, null]);
    expect(items.map((item) => item.kind)).toEqual(['cadence', 'followup', 'ask', 'cadence', 'followup', 'ask']);
  });

  it('gives each item its person, its due moment in ISO and words an organizer would use', () => {
    const byId = Object.fromEntries(list(box).map((item) => [item.id, item]));
    expect(byId.A1).toMatchObject({ person: 'Ana Ruiz', personId: 1, due: isoAt(-3, '19:00'), allDay: false, text: 'Did Ana come to the tenant meeting?' });
    expect(byId.A2).toMatchObject({ person: 'Ben Okafor', due: isoAt(3, '18:00'), text: 'Did Ben bring two neighbors to the vigil? (said maybe)' });
    expect(byId.F1).toMatchObject({ person: 'Ben Okafor', personId: 2, due: isoAt(2, '09:00'), text: 'call to remind him' });
    expect(byId.C1).toMatchObject({ person: 'Ana Ruiz', allDay: true, due: dayStart(-26) });
    expect(byId.C1!.text).toContain('leader, every 14 days; last met 40 days ago');
    expect(byId.C5).toMatchObject({ person: 'Eve Stone', personId: 5, allDay: true, due: dayStart(0), overdue: false });
  });

  it('never lists an ask the person said no to', () => {
    expect(ids(list(box, '--all'))).not.toContain('A3');
  });

  it('--days 14 reaches further, --overdue keeps only what is late, --all adds everyone a cadence will bring due', () => {
    expect(ids(list(box, '--days', '14'))).toEqual(['C1', 'F3', 'A1', 'C5', 'F1', 'A2', 'A4', 'F2']);
    expect(ids(list(box, '--days', '0'))).toEqual(['C1', 'F3', 'A1', 'C5']);
    expect(ids(list(box, '--overdue'))).toEqual(['C1', 'F3', 'A1']);
    expect(ids(list(box, '--all'))).toEqual(['C1', 'F3', 'A1', 'C5', 'F1', 'A2', 'A4', 'F2', 'C2', 'C4', 'C3']);
  });

  it('--person alone shows everything open with that person, however far ahead', () => {
    expect(ids(list(box, '--person', 'carla diaz'))).toEqual(['A4', 'F2', 'C3']);
    expect(ids(list(box, '--person', 'Carla Diaz', '--days', '7'))).toEqual([]);
  });

  it('marks late rows with words in the table, not only colour', () => {
    const { stdout, stderr } = ok(box, ['followups']);
    const line = (id: string) => stdout.split('\n').find((row) => row.includes(` ${id} `)) ?? '';
    expect(line('C1')).toContain('LATE 26 days');
    expect(line('A1')).toContain('LATE 3 days');
    expect(line('A1')).toContain('Did Ana come to the tenant meeting?');
    expect(line('C5')).toMatch(/│ today\s/);
    expect(line('F1')).not.toContain('LATE');
    expect(stderr).toContain('3 late, 1 today, 2 coming up');
  });

  it('refuses windows that contradict each other', () => {
    const result = run(box, ['followups', '--all', '--overdue']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--all and --overdue pick different windows');
  });

  it('writes the listed items to a private iCalendar file that parses back', () => {
    const file = join(box.dir, 'week.ics');
    const result = ok(box, ['followups', '--days', '14', '--ics', file]);
    expect(result.stderr).toContain(`Wrote 8 items to ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary.split(' ')[0])).toEqual(['C1', 'F3', 'A1', 'C5', 'F1', 'A2', 'A4', 'F2']);
    const ask = events.find((event) => event.summary.startsWith('A1 '))!;
    expect(ask.summary).toBe('A1 Ana Ruiz: Did Ana come to the tenant meeting?');
    expect(ask.startDate.isDate).toBe(false);
    expect(ask.startDate.toJSDate().toISOString()).toBe(isoAt(-3, '19:00'));
    expect(ask.description).toContain('oneonone done A1');
    const cadence = events.find((event) => event.summary.startsWith('C5 '))!;
    expect(cadence.startDate.isDate).toBe(true);
    expect(cadence.startDate.toString()).toBe(dayAt(0).slice(0, 10));
    expect(new Set(events.map((event) => event.uid)).size).toBe(8);
  });
});

describe('followups on a quiet day', () => {
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    ok(box, ['log', 'Ana Ruiz']);
  });

  afterAll(() => box.cleanup());

  it('says so in one friendly line and exits 0', () => {
    const result = ok(box, ['followups']);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['Nothing due in the next 7 days and nothing late. A good day to set up a 1:1.']);
    expect(list(box)).toEqual([]);
    expect(ok(box, ['followups', '--overdue']).stderr).toContain('Nothing is late');
  });

  it('still lists the 1:1 a cadence will bring, with --all', () => {
    expect(list(box, '--all')).toEqual([expect.objectContaining({ id: 'C1', kind: 'cadence', due: dayStart(60) })]);
  });
});

describe('done', () => {
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    fill(box);
  });

  afterAll(() => box.cleanup());

  it('closes a follow-up once; closing it again is refused with a clear line', () => {
    expect(ok(box, ['done', 'F1']).stderr).toContain('Closed F1: Ben Okafor: call to remind him.');
    expect(ids(list(box, '--all'))).not.toContain('F1');
    const again = run(box, ['done', 'f1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^oneonone: F1 \(Ben Okafor: call to remind him\) was already closed on /);
  });

  it('records a kept commitment, which the leaders list counts', () => {
    ok(box, ['done', 'A1', '--kept']);
    expect(ids(list(box, '--all'))).not.toContain('A1');
    const ana = JSON.parse(ok(box, ['leaders', '--json']).stdout).find((leader: { name: string }) => leader.name === 'Ana Ruiz');
    expect(ana).toMatchObject({ asksMade: 1, asksYes: 1, asksKept: 1, asksBroken: 0 });
    const again = run(box, ['done', 'A1', '--broken']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A1 was already recorded as kept');
  });

  it('checks an ask without a result, and still takes the result later', () => {
    expect(ok(box, ['done', 'A2']).stderr).toContain('Record whether it was kept with: oneonone done A2 --kept');
    expect(ids(list(box, '--all'))).not.toContain('A2');
    expect(run(box, ['done', 'A2']).code).toBe(1);
    ok(box, ['done', 'A2', '--broken']);
    const ben = JSON.parse(ok(box, ['leaders', '--json']).stdout).find((leader: { name: string }) => leader.name === 'Ben Okafor');
    expect(ben).toMatchObject({ asksMade: 1, asksYes: 0, asksKept: 0, asksBroken: 1 });
  });

  it('dismisses a cadence reminder until a full cadence from now', () => {
    ok(box, ['done', 'C1']);
    expect(ids(list(box))).not.toContain('C1');
    expect(list(box, '--all').find((item) => item.id === 'C1')).toMatchObject({ due: dayStart(14), overdue: false });
    const again = run(box, ['done', 'C1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nothing to close');
  });

  it('refuses unknown ids, ids of no kind, and --kept or --broken where they do not belong', () => {
    const cases: [string[], number, string][] = [
      [['done', 'F99'], 1, 'there is no follow-up F99'],
      [['done', 'A99'], 1, 'there is no ask A99'],
      [['done', 'C99'], 1, 'nobody has the id #99, so there is no C99'],
      [['done', 'A3'], 1, 'A3 has no check-in: Carla Diaz said no to "sign the petition"'],
      [['done', 'Z1'], 2, '"Z1" is not an id from the follow-up list'],
      [['done', '12'], 2, 'add the kind in front: F12'],
      [['done', 'F3', '--kept'], 2, '--kept is for ask check-ins'],
      [['done', 'A4', '--kept', '--broken'], 2, '--kept and --broken contradict each other'],
    ];
    for (const [args, code, message] of cases) {
      const result = run(box, args);
      expect([args.join(' '), result.code]).toEqual([args.join(' '), code]);
      expect(result.stderr).toContain(message);
    }
    expect(ids(list(box, '--all'))).toEqual(expect.arrayContaining(['F3', 'A4']));
  });
});

describe('snooze', () => {
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    fill(box);
  });

  afterAll(() => box.cleanup());

  it('moves a late follow-up to a later date, so it is no longer late', () => {
    ok(box, ['snooze', 'F3', dayAt(5, '09:00')]);
    expect(list(box).find((item) => item.id === 'F3')).toMatchObject({ due: isoAt(5, '09:00'), overdue: false, late: null });
  });

  it('moves an ask check-in with natural language', () => {
    ok(box, ['snooze', 'A1', 'in 3 days']);
    const a1 = list(box).find((item) => item.id === 'A1')!;
    expect(a1.overdue).toBe(false);
    expect(a1.due.slice(0, 10)).toBe(dayAt(3).slice(0, 10));
  });

  it('moves a cadence reminder out of the week', () => {
    ok(box, ['snooze', 'C1', dayAt(20, '09:00')]);
    expect(ids(list(box))).not.toContain('C1');
    expect(list(box, '--all').find((item) => item.id === 'C1')).toMatchObject({ due: dayStart(20) });
  });

  it('refuses a date in the past, an unreadable date, and a closed item', () => {
    expect(run(box, ['snooze', 'F1', dayAt(-1)]).stderr).toContain('is in the past');
    expect(run(box, ['snooze', 'F1', 'someday soon']).code).toBe(1);
    ok(box, ['done', 'F1']);
    const closed = run(box, ['snooze', 'F1', 'tomorrow']);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain('F1 was already closed');
  });
});

describe('followups --cadence', () => {
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    fill(box);
  });

  afterAll(() => box.cleanup());

  it('shows the days per rung, stores a change, and the list follows it', () => {
    expect(JSON.parse(ok(box, ['followups', '--cadence', '--json']).stdout)).toEqual({
      rungs: { contact: 60, supporter: 60, participant: 60, volunteer: 30, leader: 14, organizer: 14 }, other: 60, counts: 'contacts',
    });
    expect(ok(box, ['followups', '--cadence', 'leader=10']).stderr).toContain('Saved the cadence: organizer=14,leader=10,volunteer=30,other=60.');
    expect(JSON.parse(ok(box, ['followups', '--cadence', '--json']).stdout).rungs.leader).toBe(10);
    expect(list(box).find((item) => item.id === 'C1')).toMatchObject({ late: '30 days late' });
    const table = ok(box, ['followups', '--cadence']).stdout;
    expect(table).toMatch(/leader\s+│ every 10 days/);
    expect(table).toMatch(/contact\s+│ every 60 days │ other/);
  });

  it('refuses days out of range and names that are not rungs, and keeps what was stored', () => {
    for (const bad of ['leader=0', 'leader=400', 'boss=14', 'leader=ten']) {
      const result = run(box, ['followups', '--cadence', bad]);
      expect(result.code, bad).toBe(1);
    }
    expect(JSON.parse(ok(box, ['followups', '--cadence', '--json']).stdout).rungs.leader).toBe(10);
  });
});

/**
 * More people due a 1:1 than the list shows, made straight in the database after one `log` created it:
 *   #1      Ana Ruiz, met today (not due), with 30 open follow-ups a day late (more than the cap: all listed)
 *   #2-#41  contacts added 100 to 139 days ago: due 40 to 79 days ago, #41 the most overdue
 *   #42     a leader added 93 days ago and #43 a volunteer added 109 days ago: due 79 days ago, the same day as #41
 */
describe('followups with a cadence backlog larger than the list', () => {
  const CAP = 25;
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    ok(box, ['log', 'Ana Ruiz']);
    const people: unknown[][] = Array.from({ length: 40 }, (_, i) => {
      const name = `Contact ${String(i).padStart(2, '0')}`;
      return [name, name.toLowerCase(), 'contact', isoAt(-100 - i), isoAt(-100 - i)];
    });
    people.push(['Lea Leader', 'lea leader', 'leader', isoAt(-93), isoAt(-93)], ['Val Volunteer', 'val volunteer', 'volunteer', isoAt(-109), isoAt(-109)]);
    // One statement a table: on the server each statement is a run of psql.
    box.sql(`INSERT INTO people (name, name_key, rung, created_at, updated_at) VALUES ${people.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, people.flat());
    const followUps = Array.from({ length: 30 }, (_, i) => [`call back ${i + 1}`, isoAt(-1, '09:00'), isoAt(-3)]);
    box.sql(`INSERT INTO followups (person_id, text, due_at, created_at) VALUES ${followUps.map(() => '(1, ?, ?, ?)').join(', ')}`, followUps.flat());
  });

  afterAll(() => box.cleanup());

  const cadenceIds = (items: Item[]) => ids(items.filter((item) => item.kind === 'cadence'));
  /** The cap's worth, most overdue first: on the same day the leader, then the volunteer, then the contact. */
  const mostOverdue = ['C42', 'C43', ...Array.from({ length: CAP - 2 }, (_, i) => `C${41 - i}`)];

  it('lists only the most overdue cadence reminders, leaders first on the same day, and every follow-up', () => {
    const items = list(box);
    expect(cadenceIds(items)).toEqual(mostOverdue);
    expect(items.filter((item) => item.kind === 'followup')).toHaveLength(30);
    expect(items.slice(0, 3).map((item) => [item.id, item.late])).toEqual([['C42', '79 days late'], ['C43', '79 days late'], ['C41', '79 days late']]);
  });

  it('says in words how many more people are due, under the table and on stderr with --json', () => {
    const table = ok(box, ['followups']);
    expect(table.stderr).toContain('and 17 more people are due a 1:1 — see them all with --all');
    expect(table.stdout).toContain(' C42 ');
    expect(table.stdout).not.toContain(' C18 ');
    expect(table.stderr).toContain('55 late');
    const json = ok(box, ['followups', '--json']);
    expect(JSON.parse(json.stdout)).toHaveLength(30 + CAP);
    expect(json.stderr.trim()).toBe('and 17 more people are due a 1:1 — see them all with --all');
  });

  it('--all lifts the cap and lists everyone due, with no count line', () => {
    const all = ok(box, ['followups', '--all', '--json']);
    const items = JSON.parse(all.stdout) as Item[];
    expect(cadenceIds(items)).toEqual([...mostOverdue, ...Array.from({ length: 17 }, (_, i) => `C${41 - CAP + 2 - i}`), 'C1']);
    expect(all.stderr).not.toContain('more people are due');
  });

  it('--overdue and --days keep the cap; --person shows that one person', () => {
    const overdue = ok(box, ['followups', '--overdue', '--json']);
    expect(cadenceIds(JSON.parse(overdue.stdout) as Item[])).toEqual(mostOverdue);
    expect(overdue.stderr).toContain('and 17 more people are due a 1:1');
    const ahead = ok(box, ['followups', '--days', '30', '--json']);
    expect(cadenceIds(JSON.parse(ahead.stdout) as Item[])).toEqual(mostOverdue);
    expect(ahead.stderr).toContain('and 17 more people are due a 1:1');
    const one = ok(box, ['followups', '--person', 'Contact 03', '--json']);
    expect(ids(JSON.parse(one.stdout) as Item[])).toEqual(['C5']);
    expect(one.stderr).toBe('');
  });
});
