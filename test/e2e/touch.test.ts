/**
 * Contacts that are not one-on-ones, through the built binary on either engine: touch records them apart from
 * meetings, show lists the latest, undo takes one back, merge carries them, forget erases them, and the refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, succeeded, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const name of ['Ana Ruiz', 'Bo Chen']) expect(box.run(['log', name, '--note', 'met', '--date', '2026-01-05 18:00']).code).toBe(0);
});
afterEach(() => box.cleanup());

const ok = (args: string[]) => succeeded(box, args);

function refused(args: string[], code: number, message: RegExp): void {
  const result = box.run(args);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^(oneonone|error): .*\n/);
  expect(result.stderr).toMatch(message);
}

interface Shown { touches: { by: string; note: string | null; touchedAt: string }[]; meetings: unknown[] }
const shown = (who: string) => box.json<Shown>(['show', who, '--json']);
const touches = (who: string) => shown(who).touches.map((t) => [t.by, t.note, t.touchedAt]);

describe('touch', () => {
  it('records a call, found by any part of the name, apart from the meetings, and show lists it latest first', () => {
    const call = ok(['touch', 'ruiz', '--by', 'call', '--note', 'confirmed Thursday', '--date', '2026-01-07 19:30']);
    expect(call.stdout).toBe('');
    expect(call.stderr).toMatch(/^Recorded a call with Ana Ruiz, Wed 7 Jan 2026, 19:30 \(confirmed Thursday\)\. It is not a one-on-one: their meetings stay as they were\.\nUndo with: oneonone undo\n$/);
    const door = JSON.parse(ok(['touch', 'ana', '--by', 'door', '--date', '2026-01-09 10:00', '--json']).stdout);
    expect(door).toMatchObject({ person: { id: 1, name: 'Ana Ruiz' }, by: 'door', note: null });
    expect(new Date(door.touchedAt).getTime()).toBe(new Date('2026-01-09T10:00').getTime());

    expect(touches('Ana Ruiz').map(([by, note]) => [by, note])).toEqual([['door', null], ['call', 'confirmed Thursday']]);
    expect(touches('Bo Chen')).toEqual([]);
    expect(shown('Ana Ruiz').meetings).toHaveLength(1);
    const people = box.json<{ name: string; meetings: number }[]>(['people', '--json']);
    expect(people.find((p) => p.name === 'Ana Ruiz')).toMatchObject({ meetings: 1 });
    expect(ok(['show', 'ana']).stdout).toMatch(/\nOther contacts, latest first\n {2}door: Fri 9 Jan 2026, 10:00\n {2}call: Wed 7 Jan 2026, 19:30 — confirmed Thursday\n/);
    expect(ok(['show', 'bo']).stdout).not.toMatch(/Other contacts|last contact/);
    expect(ok(['show', 'ana']).stdout.split('\n')[1]).toMatch(/^last met: \d+ days ago · last contact: \d+ days ago \(door\) · meetings: 1$/);
    // A contact before the last one-on-one is not news.
    ok(['touch', 'bo', '--by', 'text', '--date', '2026-01-01 09:00']);
    expect(ok(['show', 'bo']).stdout.split('\n')[1]).toMatch(/^last met: \d+ days ago · meetings: 1$/);
  });

  it('without --date it is now; undo takes it back', () => {
    const before = Date.now();
    const { touchedAt } = JSON.parse(ok(['touch', 'bo', '--by', 'text', '--json']).stdout) as { touchedAt: string };
    expect(new Date(touchedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(touchedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(ok(['undo']).stderr).toMatch(/^Undid the correction of a text with Bo Chen \(Bo Chen\)/);
    expect(touches('bo')).toEqual([]);
  });

  it('a merge carries the duplicate\'s contacts; forget erases them', () => {
    ok(['log', 'Ana R.', '--note', 'the same Ana']);
    ok(['touch', 'Ana R.', '--by', 'event', '--note', 'at the rally', '--date', '2026-01-06 12:00']);
    ok(['touch', 'Ana Ruiz', '--by', 'call', '--date', '2026-01-08 12:00']);
    ok(['merge', 'Ana R.', 'Ana Ruiz']);
    expect(touches('Ana Ruiz').map(([by, note]) => [by, note])).toEqual([['call', null], ['event', 'at the rally']]);
    ok(['forget', 'Ana Ruiz', '--yes']);
    expect(box.sql(`SELECT count(*) AS n FROM touches`)).toEqual([{ n: 0 }]);
  });

  it('refuses a way it does not know, a date to come, a person nobody is, and no --by, writing nothing', () => {
    refused(['touch', 'ana', '--by', 'email'], 1, /"email" is not a way of contact\nhint: --by takes one of: call, text, door, event, other\n$/);
    refused(['touch', 'ana', '--by', 'call', '--date', 'next friday 6pm'], 1, /the contact date "next friday 6pm" is in the future\nhint: /);
    refused(['touch', 'Zed Nobody', '--by', 'call'], 1, /nobody called "Zed Nobody"/);
    refused(['touch', 'ana'], 2, /--by <way>/);
    expect(box.sql(`SELECT count(*) AS n FROM touches`)).toEqual([{ n: 0 }]);
  });
});

describe('how and where a meeting was held', () => {
  const meetings = (who: string) => box.json<{ meetings: { id: number; mode: string | null; place: string | null }[] }>(['show', who, '--json']).meetings
    .map((m) => [m.id, m.mode, m.place]);

  it('log keeps it, show and the saved meeting say it, edit corrects or clears it, undo takes the correction back', () => {
    const saved = box.run(['log', 'Carla Díaz', '--mode', 'house-visit', '--place', 'her kitchen, Building 12', '--note', 'met', '--date', '2026-01-06 18:00']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/^ {2}Tue 6 Jan 2026, 18:00 · house-visit · her kitchen, Building 12 · recruitment · agenda, 60 min$/m);
    expect(meetings('carla')).toEqual([[3, 'house-visit', 'her kitchen, Building 12']]);
    expect(meetings('ana')).toEqual([[1, null, null]]);
    expect(ok(['show', 'carla']).stdout).toMatch(/\n {2}M3 Tue 6 Jan 2026, 18:00 · house-visit · her kitchen, Building 12 · recruitment · /);
    expect(ok(['edit', 'M3', '--mode', 'phone', '--place', '']).stderr).toBe('Corrected M3 (Carla Díaz):\n  how: house-visit → phone\n  where: her kitchen, Building 12 → (none)\nUndo with: oneonone undo\n');
    expect(meetings('carla')).toEqual([[3, 'phone', null]]);
    ok(['undo']);
    expect(meetings('carla')).toEqual([[3, 'house-visit', 'her kitchen, Building 12']]);
  });

  it('refuses a way it does not know, in log and in edit, writing nothing', () => {
    const logged = box.run(['log', 'Dan Ek', '--mode', 'fax']);
    expect([logged.code, logged.stdout]).toEqual([2, '']);
    expect(logged.stderr).toMatch(/^oneonone: option '--mode <how>' argument 'fax' is invalid\. Allowed choices are in-person, house-visit, phone, video\.\n/);
    const edited = box.run(['edit', 'M1', '--mode', 'fax']);
    expect([edited.code, edited.stderr]).toEqual([2, 'oneonone: "fax" is not a way a meeting is held\nhint: --mode takes one of: in-person, house-visit, phone, video ("" clears it)\n']);
    expect(box.run(['edit', 'ana', '--place', 'x']).code).toBe(2);
    expect(meetings('ana')).toEqual([[1, null, null]]);
    expect(box.sql(`SELECT count(*) AS n FROM people WHERE name = 'Dan Ek'`)).toEqual([{ n: 0 }]);
  });
});

describe('a contact restarts the cadence', () => {
  type Item = { id: string; person: string; kind: string; text: string; overdue: boolean };
  const cadence = (args: string[] = []) => box.json<Item[]>(['followups', '--json', ...args]).filter((item) => item.kind === 'cadence' && item.person === 'Lee Der');

  it('a call moves the reminder 14 days on and the list says both; counts=one-on-ones puts it back', () => {
    ok(['log', 'Lee Der', '--rung', 'leader', '--note', 'met', '--date', '20 days ago']);
    expect(cadence()).toMatchObject([{ overdue: true, text: 'Time for a 1:1 with Lee (leader, every 14 days; last met 20 days ago)' }]);
    ok(['touch', 'lee', '--by', 'call', '--date', '2 days ago']);
    expect(cadence()).toEqual([]);
    expect(cadence(['--days', '14'])).toMatchObject([{ overdue: false, text: 'Time for a 1:1 with Lee (leader, every 14 days; last contact 2 days ago, last 1:1 20 days ago)' }]);
    expect(ok(['followups', '--cadence']).stdout).toMatch(/\nThe clock restarts at a 1:1 or any other contact \(oneonone touch\);/);

    expect(ok(['followups', '--cadence', 'counts=one-on-ones']).stderr).toMatch(/^Saved the cadence: organizer=14,leader=14,volunteer=30,other=60,counts=one-on-ones\.\n/);
    expect(cadence()).toMatchObject([{ overdue: true, text: 'Time for a 1:1 with Lee (leader, every 14 days; last met 20 days ago)' }]);
    expect(box.json<{ counts: string }>(['followups', '--cadence', '--json']).counts).toBe('one-on-ones');
    // Setting a rung's days keeps what the cadence counts.
    ok(['followups', '--cadence', 'leader=10']);
    expect(box.json<{ counts: string; rungs: { leader: number } }>(['followups', '--cadence', '--json'])).toMatchObject({ counts: 'one-on-ones', rungs: { leader: 10 } });
    ok(['followups', '--cadence', 'counts=contacts']);
    expect(cadence()).toEqual([]);
  });

  it('a contact before the last one-on-one changes nothing; a bad counts is refused', () => {
    ok(['log', 'Lee Der', '--rung', 'leader', '--note', 'met', '--date', '20 days ago']);
    ok(['touch', 'lee', '--by', 'door', '--date', '25 days ago']);
    expect(cadence()).toMatchObject([{ overdue: true, text: 'Time for a 1:1 with Lee (leader, every 14 days; last met 20 days ago)' }]);
    const bad = box.run(['followups', '--cadence', 'counts=calls']);
    expect([bad.code, bad.stderr]).toEqual([1, 'oneonone: counts=calls is not what a cadence counts\nhint: counts=contacts (a call or a door knock restarts the clock, as a 1:1 does) or counts=one-on-ones\n']);
  });
});
