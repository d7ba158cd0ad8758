/**
 * Where someone stands on the campaign, through the built binary on either engine: log --assess and edit --assess
 * with their history (when, why, which meeting), show and show --json, undo, and the refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, succeeded, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const ok = (args: string[]) => succeeded(box, args);

interface Shown {
  person: { assessment: number; rung: string };
  assessmentHistory: { fromLevel: number; toLevel: number; cause: string; reason: string | null; meetingId: number | null; changedAt: string }[];
}
const shown = (who: string) => box.json<Shown>(['show', who, '--json']);
const history = (who: string) => shown(who).assessmentHistory.map((c) => [c.fromLevel, c.toLevel, c.cause, c.reason, c.meetingId]);

describe('assessments', () => {
  it('a meeting sets one, edit corrects it with a reason, and each change is kept apart from the ladder', () => {
    const logged = JSON.parse(ok(['log', 'Ana Ruiz', '--note', 'worried about rent', '--assess', '3', '--date', '2026-11-30 18:00', '--json']).stdout);
    expect(logged).toMatchObject({ id: 1, assessment: 3, rung: 'contact' });
    const edited = ok(['edit', 'ruiz', '--assess', '2', '--reason', 'signed the repairs petition']);
    expect(edited.stderr).toBe('Corrected Ana Ruiz (#1):\n  assessment: 3 (undecided) → 2 (leaning supporter)\nUndo with: oneonone undo\n');
    expect(ok(['edit', 'ana', '--assess', '2']).stderr).toBe('Ana Ruiz (#1) already reads that way; nothing changed.\n');

    expect(shown('ana').person).toMatchObject({ assessment: 2, rung: 'contact' });
    expect(history('ana')).toEqual([[0, 3, 'meeting', null, 1], [3, 2, 'manual', 'signed the repairs petition', null]]);
    expect(shown('ana').assessmentHistory[0]!.changedAt).toBe(new Date('2026-11-30T18:00').toISOString());
    const text = ok(['show', 'ana']).stdout;
    expect(text).toMatch(/^Ana Ruiz \(#1\) — contact, assessed 2 \(leaning supporter\)\n/);
    expect(text).toMatch(/\nAssessment\n {2}Mon 30 Nov 2026: 0 \(not assessed\) → 3 \(undecided\) \(meeting M1\)\n {2}[^\n]+: 3 \(undecided\) → 2 \(leaning supporter\) \(signed the repairs petition\)\n/);
  });

  it('undo takes back an edit of the assessment, its history line with it', () => {
    ok(['log', 'Bo Chen', '--note', 'met']);
    ok(['edit', 'bo', '--assess', '4']);
    ok(['edit', 'bo', '--assess', '1', '--rung', 'participant', '--reason', 'came to the action']);
    expect(history('bo')).toEqual([[0, 4, 'manual', null, null], [4, 1, 'manual', 'came to the action', null]]);
    ok(['undo']);
    expect(shown('bo').person).toMatchObject({ assessment: 4, rung: 'contact' });
    expect(history('bo')).toEqual([[0, 4, 'manual', null, null]]);
    expect(ok(['show', 'bo']).stdout).toMatch(/^Bo Chen \(#1\) — contact, assessed 4 \(leaning against\)\n/);
  });

  it('not assessed says nothing in the header; the refusals write nothing', () => {
    ok(['log', 'Carla Díaz', '--note', 'met']);
    expect(ok(['show', 'carla']).stdout).toMatch(/^Carla Díaz \(#1\) — contact\n/);
    for (const given of ['7', '-1', '2.5', 'high']) {
      const result = box.run(['edit', 'carla', '--assess', given]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`oneonone: an assessment is a whole number from 0 to 5 (got ${given})\nhint: 0 not assessed, 1 strong supporter, 2 leaning supporter, 3 undecided, 4 leaning against, 5 opposed\n`);
    }
    expect(box.run(['log', 'Dan Ek', '--assess', '9']).code).toBe(1);
    const alone = box.run(['edit', 'carla', '--reason', 'why']);
    expect([alone.code, alone.stderr]).toEqual([2, 'oneonone: --reason goes with --rung or --assess\nhint: e.g. --rung volunteer --reason "ran the phone bank", or --assess 2 --reason "signed the petition"\n']);
    expect(box.sql(`SELECT count(*) AS n FROM assessment_changes`)).toEqual([{ n: 0 }]);
    expect(box.sql(`SELECT count(*) AS n FROM people WHERE name = 'Dan Ek'`)).toEqual([{ n: 0 }]);
  });

  it('people shows the column once someone is assessed, and --assess keeps the levels asked for', () => {
    for (const name of ['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dan Ek']) ok(['log', name, '--note', 'met']);
    const plain = ok(['people']).stdout;
    expect(plain).toMatch(/potential\s*│\s*last met/);
    expect(plain).not.toMatch(/assessment/);
    ok(['edit', 'ana', '--assess', '1']);
    ok(['edit', 'bo', '--assess', '2']);
    ok(['edit', 'carla', '--assess', '5']);
    const table = ok(['people']).stdout.split('\n');
    expect(table.find((line) => line.includes('potential'))).toMatch(/potential\s*│\s*assessment\s*│\s*last met/);
    expect(table.find((line) => line.includes('Ana Ruiz'))).toMatch(/1 \(strong supporter\)/);
    expect(table.find((line) => line.includes('Dan Ek'))).not.toMatch(/\(/);
    const levels = (filter: string) => box.json<{ name: string; assessment: number }[]>(['people', '--assess', filter, '--json']).map((p) => [p.name, p.assessment]);
    expect(levels('1-2')).toEqual([['Ana Ruiz', 1], ['Bo Chen', 2]]);
    expect(levels('5,0')).toEqual([['Carla Díaz', 5], ['Dan Ek', 0]]);
    expect(levels('3')).toEqual([]);
    const bad = box.run(['people', '--assess', '1-9']);
    expect([bad.code, bad.stdout, bad.stderr.split('\n')[0]]).toEqual([1, '', 'oneonone: an assessment is a whole number from 0 to 5 (got 9)']);
  });

  it('stats counts people per level and the moves of the period, and contacts apart from one-on-ones', () => {
    for (const name of ['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dan Ek', 'Eva Fox']) ok(['log', name, '--note', 'met']);
    const before = box.json<{ assessments: { notAssessed: number }; otherContacts: { total: number } }>(['stats', '--json']);
    expect(before).toMatchObject({ assessments: { notAssessed: 5 }, otherContacts: { total: 0 } });
    expect(ok(['stats']).stdout).toMatch(/\nWhere people stand on the campaign\n {2}Nobody assessed yet \(5 people\)\./);
    expect(ok(['stats']).stdout).not.toMatch(/Besides/);
    ok(['edit', 'ana', '--assess', '1']);
    ok(['edit', 'bo', '--assess', '3']);
    ok(['edit', 'bo', '--assess', '2']);
    ok(['edit', 'carla', '--assess', '2']);
    ok(['edit', 'carla', '--assess', '4']);
    ok(['edit', 'dan', '--assess', '5']);
    ok(['edit', 'dan', '--assess', '0']);
    ok(['touch', 'ana', '--by', 'call']);
    ok(['touch', 'bo', '--by', 'call']);
    ok(['touch', 'bo', '--by', 'door']);
    // An older change and contact, before the period, count in the levels but not in the period's moves.
    box.sql(`INSERT INTO assessment_changes (person_id, from_level, to_level, cause, changed_at) VALUES (5, 0, 3, 'manual', '2020-01-01')`);
    box.sql(`INSERT INTO touches (person_id, by, touched_at, created_at) VALUES (5, 'text', '2020-01-01', '2020-01-01')`);
    const stats = box.json<{ assessments: unknown; otherContacts: unknown; meetingsPerWeek: { meetings: number }[] }>(['stats', '--json']);
    expect(stats.assessments).toEqual({
      perLevel: [{ level: 1, people: 1 }, { level: 2, people: 1 }, { level: 3, people: 0 }, { level: 4, people: 1 }, { level: 5, people: 0 }],
      notAssessed: 2,
      moves: { firstAssessed: 4, towardSupport: 1, awayFromSupport: 1, unassessed: 1 },
    });
    expect(stats.otherContacts).toEqual({ total: 3, by: [{ by: 'call', touches: 2 }, { by: 'door', touches: 1 }] });
    expect(stats.meetingsPerWeek.reduce((sum, week) => sum + week.meetings, 0)).toBe(5);
    const text = ok(['stats']).stdout;
    expect(text).toMatch(/\n {2}Besides: 3 other contacts \(2 calls, 1 door knock\), not counted as one-on-ones\.\n/);
    expect(text).toMatch(/\nWhere people stand on the campaign\n {2}1 strong supporter {2}1 █+\n {2}2 leaning supporter 1 █+\n {2}3 undecided {9}0 ·\n {2}4 leaning against {3}1 █+\n {2}5 opposed {11}0 ·\n {2}2 of 5 people not assessed\.\n {2}Since [^:]+: 4 assessed for the first time, 1 moved toward support, 1 away from it, 1 back to not assessed\.\n/);
  });

  it('leaders --assess ranks only the people at those levels', () => {
    ok(['log', 'Ana Ruiz', '--note', 'met', '--potential', '5', '--assess', '1']);
    ok(['log', 'Bo Chen', '--note', 'met', '--potential', '4', '--assess', '4']);
    ok(['log', 'Carla Díaz', '--note', 'met', '--potential', '3', '--assess', '2']);
    const ranked = (filter: string) => box.json<{ name: string }[]>(['leaders', '--assess', filter, '--json']).map((p) => p.name);
    expect(ranked('1-2')).toEqual(['Ana Ruiz', 'Carla Díaz']);
    expect(ranked('4')).toEqual(['Bo Chen']);
    const none = box.run(['leaders', '--assess', '5']);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', 'Nobody matches (assessed 5).\n']);
  });
});
