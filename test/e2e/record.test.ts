import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allRows, figures } from './figures.js';
import { ENGINE, sandbox, type Sandbox } from './helpers.js';

interface Summary { id: number; name: string; rung: string; potential: number | null; meetings: number; openAsks: number; openFollowups: number }
interface Profile {
  person: { id: number; name: string; email: string | null; phone: string | null; neighborhood: string | null; referredBy: number | null; rung: string; potential: number | null };
  formerNames: string[];
  notes: { id: number; tag: string; text: string }[];
  meetings: { id: number; heldAt: string; goal: string; plannedMinutes: number; status: string }[];
  asks: { id: number; text: string; outcome: string | null; result: string | null; dueAt: string | null }[];
  followups: { id: number; text: string; dueAt: string }[];
  rungHistory: { fromRung: string | null; toRung: string }[];
  referrals: { id: number; name: string }[];
}
interface Leader { id: number; name: string; referrals: number; meetings: number }

let box: Sandbox;
afterEach(() => box?.cleanup());

function ok(args: string[]) {
  const result = box.run(args);
  expect(result.code, `oneonone ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function refused(args: string[], code = 1) {
  const result = box.run(args);
  expect(result.code, `oneonone ${args.join(' ')} should be refused: ${result.stdout}`).toBe(code);
  expect(result.stderr).toMatch(/^oneonone: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

const people = () => box.json<Summary[]>(['people', '--json']);
const show = (who: string) => box.json<Profile>(['show', who, '--json']);
const leaders = () => box.json<Leader[]>(['leaders', '--json']);
/** The figures, without the moment they were read at. */
const stats = () => {
  const { until: _until, ...figures } = box.json<{ until: string; asks: { made: number; yes: number } }>(['stats', '--json', '--since', '2020-01-01']);
  return figures;
};

/** The whole record, as every reader sees it, and the figures equal to a recount of the rows. */
function record() {
  const kept = figures(box);
  expect(kept.kept, 'person_figures equals a recount').toEqual(kept.recounted);
  return { people: people(), leaders: leaders(), stats: stats() };
}

describe('people are kept apart and found by any part of their name', () => {
  it('finds a person by a unique word or prefix, in any case, with or without accents, in every command that takes one', () => {
    box = sandbox();
    ok(['log', "Siobhan O'Brien", '--date', '2026-11-01', '--followup', '2099-01-01']);
    ok(['log', 'José Núñez', '--date', '2026-11-02']);
    expect(show('obr').person.name).toBe("Siobhan O'Brien");
    expect(show('O’Brien').person.name).toBe("Siobhan O'Brien");
    expect(show('SIOB').person.name).toBe("Siobhan O'Brien");
    expect(show('nunez').person.name).toBe('José Núñez');
    expect(show('jose n').person.name).toBe('José Núñez');
    const agenda = box.json<{ person: string }[]>(['followups', '--all', '--person', 'obr', '--json']);
    expect(agenda.map((item) => item.person)).toContain("Siobhan O'Brien");
    ok(['log', 'obr', '--value', 'her kids']);
    ok(['log', 'O‘Brien', '--value', 'rent']);
    expect(people().map((p) => [p.name, p.meetings])).toEqual([['José Núñez', 1], ["Siobhan O'Brien", 3]]);
    ok(['forget', 'nunez', '--yes']);
    expect(people().map((p) => p.name)).toEqual(["Siobhan O'Brien"]);
  });

  it('lists an ambiguous name with ids and what tells them apart, and refuses without a terminal', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--email', 'ana@example.org', '--neighborhood', 'Eastside']);
    ok(['log', 'Ana Ortiz', '--phone', '555 0100']);
    const said = refused(['show', 'ana']);
    expect(said).toContain('"ana" could be 2 people');
    expect(said).toMatch(/#1 Ana Ruiz: ana@example\.org, Eastside/);
    expect(said).toMatch(/#2 Ana Ortiz: 555 0100/);
    expect(said).toMatch(/hint: name one by its id/);
    expect(refused(['log', 'ana', '--value', 'x'])).toMatch(/add --new to add ana as a new person/);
    expect(people().map((p) => p.meetings)).toEqual([1, 1]);
  });

  it('keeps two people with the same name apart through log, and never overwrites a detail without a flag', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--email', 'ana@example.org', '--phone', '(555) 010-2000']);
    ok(['log', 'Ana Ruiz', '--phone', '555 010 2000', '--value', 'same number, typed otherwise']);
    const said = refused(['log', 'Ana Ruiz', '--email', 'other@example.org', '--value', 'x']);
    expect(said).toContain('Ana Ruiz (#1) has email ana@example.org (you gave other@example.org)');
    expect(said).toMatch(/--update.*--new/);
    expect(show('#1').person.email).toBe('ana@example.org');
    ok(['log', 'Ana Ruiz', '--email', 'other@example.org', '--new']);
    expect(people().map((p) => [p.id, p.name, p.meetings])).toEqual([[1, 'Ana Ruiz', 2], [2, 'Ana Ruiz', 1]]);
    expect(refused(['log', 'Ana Ruiz', '--value', 'which?'])).toContain('"Ana Ruiz" could be 2 people');
    ok(['log', '#1', '--email', 'ana.ruiz@example.org', '--update']);
    expect([show('#1').person.email, show('#2').person.email]).toEqual(['ana.ruiz@example.org', 'other@example.org']);
  });

  it('does not add a person silently when the name is a typo away from someone known', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz']);
    expect(refused(['log', 'Ana Ruis'])).toContain('"Ana Ruis" is close to someone you know: #1 Ana Ruiz');
    ok(['log', 'Ana Ruis', '--new']);
    expect(people().map((p) => p.name)).toEqual(['Ana Ruis', 'Ana Ruiz']);
  });

  it('sorts people by the letters, not the code points: accents and case sort with their letter', () => {
    box = sandbox();
    for (const name of ['Zoe Park', 'émile Roy', 'Ángela Paz', 'bea Cruz']) ok(['log', name]);
    expect(people().map((p) => p.name)).toEqual(['Ángela Paz', 'bea Cruz', 'émile Roy', 'Zoe Park']);
  });

  it('refuses zero-width characters hidden in a name: they are dropped, so the name is the one typed', () => {
    box = sandbox();
    ok(['log', 'Ana\u200b Ruiz']);
    ok(['log', 'Ana Ruiz\ufeff', '--value', 'same person']);
    expect(people().map((p) => [p.name, p.meetings])).toEqual([['Ana Ruiz', 2]]);
  });
});

describe('every mistake can be corrected, and undone', () => {
  it('edit changes a person without recording a meeting, shows old → new, and keeps the old name findable', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--date', '2026-11-01', '--email', 'ana@example.org', '--ask', 'come', '--outcome', 'yes']);
    const before = record();
    const edited = ok(['edit', 'ana', '--name', 'Ana María Ruiz', '--neighborhood', 'Eastside', '--email', '', '--potential', '4', '--rung', 'volunteer', '--reason', 'ran the phone bank']);
    expect(edited.stderr).toContain('name: Ana Ruiz → Ana María Ruiz');
    expect(edited.stderr).toContain('neighborhood: (none) → Eastside');
    expect(edited.stderr).toContain('email: ana@example.org → (none)');
    expect(edited.stderr).toContain('rung: contact → volunteer');
    const after = record();
    expect(after.people).toEqual([{ ...before.people[0], name: 'Ana María Ruiz', rung: 'volunteer', potential: 4 }]);
    expect(after.stats.asks).toEqual(before.stats.asks);
    const profile = show('Ana Ruiz');
    expect(profile.person).toMatchObject({ name: 'Ana María Ruiz', email: null, neighborhood: 'Eastside', rung: 'volunteer', potential: 4 });
    expect(profile.formerNames).toEqual(['Ana Ruiz']);
    expect(profile.rungHistory.at(-1)).toMatchObject({ fromRung: 'contact', toRung: 'volunteer' });
    expect(profile.meetings).toHaveLength(1);
    ok(['undo']);
    expect(record()).toEqual(before);
    expect(show('#1').formerNames).toEqual([]);
  });

  it('edit refuses options that do not apply, and a self-referral', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz']);
    expect(refused(['edit', 'ana', '--text', 'x'], 2)).toContain('--text does not apply to a person');
    expect(refused(['edit', 'ana', '--referred-by', 'Ana Ruiz'])).toContain('cannot refer themselves');
    expect(refused(['edit', 'ana'], 2)).toContain('nothing to change');
  });

  it('edits and deletes meetings, notes, asks and follow-ups by their ids; the whole record follows; undo puts each back', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--date', '2026-11-01', '--issue', 'rent', '--ask', 'come to the meeting', '--followup', '2099-01-01', '--rung', 'participant']);
    ok(['log', 'Ana Ruiz', '--date', '2026-11-10', '--value', 'her kids', '--ask', 'bring a neighbor', '--outcome', 'maybe']);
    const start = show('ana');
    const [newest, oldest] = start.meetings;
    const rent = start.notes.find((note) => note.text === 'rent')!;
    const unanswered = start.asks.find((ask) => ask.text === 'come to the meeting')!;
    expect(unanswered.outcome).toBeNull();
    const baseline = record();

    ok(['edit', `N${rent.id}`, '--text', 'rent went up 30%', '--tag', 'issue']);
    expect(show('ana').notes.find((note) => note.id === rent.id)?.text).toBe('rent went up 30%');
    ok(['edit', `A${unanswered.id}`, '--outcome', 'yes']);
    expect(record().people[0]!.openAsks).toBe(baseline.people[0]!.openAsks + 1);
    expect(stats().asks.yes).toBe(baseline.stats.asks.yes + 1);
    ok(['edit', `M${oldest!.id}`, '--date', '2026-10-25 18:00', '--minutes', '45', '--goal', 'maintenance']);
    expect(show('ana').meetings.find((m) => m.id === oldest!.id)).toMatchObject({ goal: 'maintenance', plannedMinutes: 45 });
    ok(['edit', `F${start.followups[0]!.id}`, '--text', 'call about the repairs']);
    expect(show('ana').followups[0]!.text).toBe('call about the repairs');

    ok(['delete', `M${newest!.id}`]);
    let now = record();
    expect(now.people[0]).toMatchObject({ meetings: 1 });
    expect(show('ana').asks.map((ask) => ask.text)).toEqual(['come to the meeting']);
    ok(['delete', `M${oldest!.id}`]);
    now = record();
    expect(now.people[0]).toMatchObject({ meetings: 0, openAsks: 0, openFollowups: 0, rung: 'contact' });

    for (let i = 0; i < 6; i++) ok(['undo']);
    expect(record()).toEqual(baseline);
    expect(show('ana').notes.map((note) => note.text).sort()).toEqual(['her kids', 'rent']);
    expect(ok(['undo']).stderr).toMatch(/^Undid the 1:1 logged with Ana Ruiz/);
    expect(show('ana').meetings).toHaveLength(1);
    ok(['undo']);
    expect(people()).toEqual([]);
    expect(refused(['undo'])).toContain('nothing to undo');
  });

  it('merge moves everything to the person kept, fills gaps, keeps conflicts, and the old name still finds them', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--date', '2026-11-01', '--email', 'ana@example.org', '--ask', 'come', '--outcome', 'yes', '--referral', 'Bo Li']);
    ok(['log', 'A. Ruiz', '--date', '2026-11-05', '--email', 'a.ruiz@example.org', '--phone', '555 0100', '--value', 'her kids', '--rung', 'volunteer', '--followup', '2099-01-01', '--referral', 'Cy Dee']);
    const before = record();
    const merged = ok(['merge', 'A. Ruiz', 'Ana Ruiz']);
    expect(merged.stderr).toContain('taken: phone 555 0100');
    expect(merged.stderr).toContain('kept: email ana@example.org (#3 had a.ruiz@example.org)');
    const after = record();
    expect(after.people.map((p) => p.name)).toEqual(['Ana Ruiz', 'Bo Li', 'Cy Dee']);
    expect(after.people[0]).toMatchObject({ meetings: 2, rung: 'volunteer', openAsks: 1, openFollowups: 1 });
    expect(after.leaders.find((l) => l.name === 'Ana Ruiz')).toMatchObject({ referrals: 2, meetings: 2 });
    const profile = show('A. Ruiz');
    expect(profile.person).toMatchObject({ id: 1, email: 'ana@example.org', phone: '555 0100' });
    expect(profile.notes.map((note) => note.text)).toEqual(['her kids']);
    expect(profile.referrals.map((r) => r.name)).toEqual(['Bo Li', 'Cy Dee']);
    expect(profile.formerNames).toEqual(['A. Ruiz']);
    ok(['undo']);
    expect(record()).toEqual(before);
  });

  it('undo reverses done and snooze, goes further back when repeated, and stops at a forget', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--ask', 'come', '--outcome', 'yes', '--ask-due', 'tomorrow 6pm']);
    ok(['log', 'Bo Li']);
    const item = box.json<{ id: string; kind: string }[]>(['followups', '--all', '--json']).find((i) => i.kind === 'ask')!;
    const before = record();
    ok(['done', item.id, '--kept']);
    expect(record().leaders.find((l) => l.name === 'Ana Ruiz')).not.toEqual(before.leaders.find((l) => l.name === 'Ana Ruiz'));
    expect(ok(['undo']).stderr).toMatch(/^Undid closing A\d+/);
    expect(record()).toEqual(before);
    ok(['snooze', item.id, '2099-01-01']);
    ok(['undo']);
    expect(record()).toEqual(before);
    ok(['forget', 'Bo Li', '--yes']);
    const said = refused(['undo']);
    expect(said).toContain('forget, which cannot be undone');
    expect(people().map((p) => p.name)).toEqual(['Ana Ruiz']);
  });

  it('undo of a log takes away the person it added, and their figures; the journal keeps nothing of a forgotten person', () => {
    box = sandbox();
    ok(['log', 'Ana Ruiz', '--issue', 'mold in the bathroom']);
    ok(['log', 'Bo Li', '--issue', 'a secret about the landlord']);
    ok(['edit', 'bo', '--notes', 'works nights']);
    ok(['undo']);
    expect(show('bo').person).toMatchObject({ name: 'Bo Li' });
    ok(['undo']);
    expect(people().map((p) => p.name)).toEqual(['Ana Ruiz']);
    record();
    ok(['log', 'Bo Li', '--issue', 'a secret about the landlord']);
    ok(['edit', 'bo', '--notes', 'works nights']);
    expect(allRows(box)).toContain('works nights'); // control: the edit's note is in the record (and its journal) before
    ok(['forget', 'Bo Li', '--yes']);
    expect(allRows(box)).not.toContain('works nights');
    expect(allRows(box)).not.toContain('a secret about the landlord');
    // The file itself, its free pages included: what only SQLite can promise (a server keeps dead rows until it vacuums).
    if (ENGINE === 'sqlite') expect(readFileSync(box.db).includes(Buffer.from('works nights'))).toBe(false);
  });
});

describe('referrals mean what they say', () => {
  it('never replaces a "referred by" without the flag, refuses self-referral, and counts as brought in only people first added by the referral', () => {
    box = sandbox();
    ok(['log', 'Cy Dee']);
    ok(['log', 'Ana Ruiz', '--referral', 'Bo Li', '--referral', 'Cy Dee']);
    expect(leaders().find((l) => l.name === 'Ana Ruiz')?.referrals).toBe(1);
    expect(show('cy').person.referredBy).toBe(2);
    ok(['log', 'Dee Fox', '--referral', 'Cy Dee']);
    expect(show('cy').person.referredBy).toBe(2);
    expect(refused(['log', 'Bo Li', '--referred-by', 'Dee Fox'])).toContain('Bo Li was referred by Ana Ruiz (#2); --referred-by would replace that');
    ok(['log', 'Bo Li', '--referred-by', 'Dee Fox', '--replace-referred-by']);
    expect(show('bo').person.referredBy).toBe(show('fox').person.id);
    expect(refused(['log', 'Ana Ruiz', '--referral', 'Ana Ruiz'])).toContain('cannot refer themselves');
    expect(refused(['log', 'Ana Ruiz', '--referred-by', 'ana'])).toContain('cannot refer themselves');
    record();
  });
});
