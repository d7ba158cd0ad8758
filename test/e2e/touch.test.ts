/**
 * Contacts that are not one-on-ones, through the built binary on either engine: touch records them apart from
 * meetings, show lists the latest, undo takes one back, merge carries them, forget erases them, and the refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const name of ['Ana Ruiz', 'Bo Chen']) expect(box.run(['log', name, '--note', 'met', '--date', '2026-01-05 18:00']).code).toBe(0);
});
afterEach(() => box.cleanup());

function ok(args: string[]): { stdout: string; stderr: string } {
  const result = box.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

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
    expect(ok(['show', 'bo']).stdout).not.toMatch(/Other contacts/);
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
