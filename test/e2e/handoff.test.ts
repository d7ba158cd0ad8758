/**
 * Ownership on a team server: whose list `followups` shows, handing a person to another organizer with their open
 * commitments and an introduction, the person's history in `show`, and whose record `export` holds. On the run's
 * real cluster, as several login roles, through the CLI and raw connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
const login = (who: string) => team.login(who);
const cli = (who: string | undefined, args: string[]) => team.cli(who, args);
const ok = (who: string | undefined, args: string[]) => team.ok(who, args);
const raw = <T = Record<string, unknown>>(who: string | undefined, sql: string, params: unknown[] = []) => team.raw<T>(who, sql, params);

function refused(who: string | undefined, args: string[]): string {
  const result = cli(who, args);
  expect(result.code, `${args.join(' ')} should be refused: ${result.stdout}`).toBe(1);
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  return result.stderr;
}

interface Item { kind: string; person: string; text: string }
const agenda = (who: string, ...more: string[]) => (JSON.parse(ok(who, ['followups', '--all', '--json', ...more])) as Item[]);
const peopleIn = (who: string, ...more: string[]) => [...new Set(agenda(who, ...more).map(({ person }) => person))].sort();
const ownerOf = async (name: string) => (await raw<{ owner: string }>(undefined, `SELECT o.name AS owner FROM people p JOIN organizers o ON o.id = p.owner_id WHERE p.name = $1`, [name]))[0]?.owner;

describe.skipIf(!socketDir)('ownership and handoff on a team server', () => {
  beforeAll(async () => {
    team = await teamServer('handoff', 'h_');
    ok(undefined, ['team', 'init', 'Rosa Admin']);
    ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', login('lee')]);
    ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', login('ana'), '--supervisor', 'Lee Lead']);
    ok(undefined, ['team', 'add', 'Ben Ortiz', '--role', 'organizer', '--login', login('ben')]);
    ok(undefined, ['team', 'add', 'Dee Diaz', '--role', 'director', '--login', login('dee')]);
    ok('ana', ['log', 'Maria Lopez', '--value', 'her kids', '--ask', 'bring two neighbors', '--outcome', 'yes', '--ask-due', 'in 3 days', '--followup', 'in 2 days', '--followup-note', 'call about the repairs']);
    ok('ana', ['log', 'Sam Park', '--ask', 'chair the block meeting', '--outcome', 'maybe']);
    ok('ben', ['log', 'Tom Reyes', '--ask', 'sign the petition', '--outcome', 'yes']);
  });
  afterAll(() => team?.cleanup());

  it('meeting a person another organizer owns is told whose they are, before anything is written; one\'s own or a new person says nothing', () => {
    const told = cli('ben', ['log', 'Sam Park', '--value', 'the block']);
    expect(told.code, told.stderr).toBe(0);
    expect(told.stderr).toMatch(/^Sam Park is already known to the team: Ana Ruiz's person\. This meeting will be yours, and Ana Ruiz will see it; to take them on, ask for a handoff\.\n/);
    expect(cli('ana', ['log', 'Sam Park', '--value', 'the block']).stderr).not.toContain('already known');
    expect(cli('ben', ['log', 'Una Nueva', '--value', 'x']).stderr).not.toContain('already known');
    ok('ben', ['undo']);
    ok('ana', ['undo']);
    ok('ben', ['undo']);
  });

  it('followups shows your own list by default; --team is the wider view your role allows; --organizer one organizer', () => {
    expect(peopleIn('ana')).toEqual(['Maria Lopez', 'Sam Park']);
    expect(peopleIn('ben')).toEqual(['Tom Reyes']);
    expect(refused('ben', ['followups', '--team'])).toMatch(/^oneonone: as an organizer, Ben Ortiz sees their own list, not the whole team's\n/);
    expect(peopleIn('lee', '--team'), "a lead: theirs and their organizers'").toEqual(['Maria Lopez', 'Sam Park']);
    expect(refused('lee', ['followups', '--organizer', 'Ben Ortiz'])).toMatch(/Lee Lead sees their own list and their organizers', not Ben Ortiz's/);
    expect(peopleIn('lee', '--organizer', 'Ana Ruiz')).toEqual(['Maria Lopez', 'Sam Park']);
    expect(peopleIn('dee', '--team'), 'a director: everyone').toEqual(['Maria Lopez', 'Sam Park', 'Tom Reyes']);
    expect(peopleIn('dee', '--organizer', 'Ben Ortiz')).toEqual(['Tom Reyes']);
    expect(refused('dee', ['followups', '--organizer', 'Nobody Here'])).toMatch(/^oneonone: there is no organizer named Nobody Here on the team\n/);
    const file = team.box.run(['followups', '--team'], { env: { ONEONONE_DB: `${team.box.dir}/solo.db` } });
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/^oneonone: a file has one organizer: --team and --organizer are for a team server\n/);
  });

  it('people and leaders, too: your own by default, the wider view by role', () => {
    const names = (who: string | undefined, command: string, ...more: string[]) => (JSON.parse(ok(who, [command, '--json', ...more])) as { name: string }[]).map(({ name }) => name).sort();
    expect(names('ana', 'people')).toEqual(['Maria Lopez', 'Sam Park']);
    expect(names('ben', 'people')).toEqual(['Tom Reyes']);
    expect(names('dee', 'people', '--team')).toEqual(['Maria Lopez', 'Sam Park', 'Tom Reyes']);
    expect(names('lee', 'people', '--team')).toEqual(['Maria Lopez', 'Sam Park']);
    expect(refused('ana', ['people', '--organizer', 'Ben Ortiz'])).toMatch(/^oneonone: as an organizer, Ana Ruiz sees their own list, not Ben Ortiz's\n/);
    expect(names('ben', 'leaders')).toEqual(['Tom Reyes']);
    expect(names('dee', 'leaders', '--organizer', 'Ana Ruiz')).toEqual(['Maria Lopez', 'Sam Park']);
    expect(names(undefined, 'people'), 'the admin owns nobody here').toEqual([]);
    expect(names(undefined, 'people', '--team')).toEqual(['Maria Lopez', 'Sam Park', 'Tom Reyes']);
  });

  it('only the owner (or a lead) hands a person over: another organizer is refused by the CLI and by the database', async () => {
    expect(refused('ben', ['handoff', 'Maria', '--to', 'Ben Ortiz', '--note', 'mine now'])).toMatch(
      /^oneonone: only the owner of a person, or a lead, director or admin, can hand them to another organizer\n/,
    );
    const [ben] = await raw<{ id: number }>('ben', `SELECT id FROM organizers WHERE name = 'Ben Ortiz'`);
    await expect(raw('ben', `UPDATE people SET owner_id = $1 WHERE name = 'Maria Lopez'`, [ben!.id])).rejects.toThrow(/only the owner of a person/);
    await expect(raw('ben', `INSERT INTO people (name, name_key, rung, created_at, owner_id) SELECT 'Forged', 'forged', 'contact', now(), id FROM organizers WHERE name = 'Ana Ruiz'`))
      .rejects.toThrow(/row-level security/);
    expect(await ownerOf('Maria Lopez')).toBe('Ana Ruiz');
    expect(await raw(undefined, `SELECT id FROM handoffs`)).toEqual([]);
    expect(refused('ana', ['handoff', 'Maria', '--to', 'Ben Ortiz', '--note', '  '])).toMatch(/^oneonone: a handoff needs an introduction\n/);
    expect(refused('ana', ['handoff', 'Maria', '--to', 'Ana Ruiz', '--note', 'x'])).toMatch(/^oneonone: they are already Ana Ruiz's\n/);
  });

  it('a handoff moves the owner and the open asks and follow-ups, and gives the new owner an introduction', async () => {
    const told = cli('ana', ['handoff', 'Maria', '--to', 'Ben Ortiz', '--note', 'Leads the 3rd floor; promised two neighbors by Thursday']);
    expect(told.code, told.stderr).toBe(0);
    expect(told.stderr).toMatch(/^Maria Lopez is now Ben Ortiz's \(was Ana Ruiz's\); 1 open ask and 1 open follow-up went with them\.\n  Ben Ortiz has the introduction as follow-up F\d+, due \w{3} \d+ \w{3} \d{4}, 09:00\. Undo with: oneonone undo\n$/);
    expect(await ownerOf('Maria Lopez')).toBe('Ben Ortiz');
    expect(peopleIn('ana')).toEqual(['Sam Park']);
    const bens = agenda('ben').filter(({ person }) => person === 'Maria Lopez').map(({ kind, text }) => `${kind}: ${text}`).sort();
    expect(bens).toEqual([
      'ask: Did Maria bring two neighbors?',
      'cadence: Time for a 1:1 with Maria (contact, every 60 days; last met today)',
      'followup: Introduction from Ana Ruiz: Leads the 3rd floor; promised two neighbors by Thursday',
      'followup: call about the repairs',
    ]);
    const audit = await raw<{ what: string; detail: string }>(undefined, `SELECT what, detail FROM team_audit WHERE what = 'handoff'`);
    expect(audit).toEqual([{ what: 'handoff', detail: expect.stringMatching(/^P\d+ from Ana Ruiz to Ben Ortiz$/) }]);
  });

  it('show names the owner, who held each meeting, and the handoff in the person\'s history', () => {
    const shown = ok('ben', ['show', 'Maria']);
    expect(shown).toContain('organizer: Ben Ortiz');
    expect(shown).toMatch(/^ {2}M\d+ .* · with Ana Ruiz · /m);
    expect(shown).toMatch(/Handoffs\n {2}\w{3} \d+ \w{3} \d{4}: Ana Ruiz → Ben Ortiz \(by Ana Ruiz; open asks and follow-ups went along\): Leads the 3rd floor/);
    const json = JSON.parse(ok('ben', ['show', 'Maria', '--json'])) as { team: { owner: string; handoffs: { from: string; to: string; carried: boolean }[] } };
    expect(json.team.owner).toBe('Ben Ortiz');
    expect(json.team.handoffs.map(({ from, to, carried }) => [from, to, carried])).toEqual([['Ana Ruiz', 'Ben Ortiz', true]]);
  });

  it('--keep-open leaves the open asks with whoever holds them; undo by whoever handed over gives the person back', async () => {
    const told = cli('ana', ['handoff', 'Sam Park', '--to', 'Ben Ortiz', '--note', 'Knows the block', '--keep-open']);
    expect(told.code, told.stderr).toBe(0);
    expect(told.stderr).toContain('their open asks and follow-ups stay with whoever holds them');
    expect(agenda('ana').filter(({ person }) => person === 'Sam Park').map(({ text }) => text).join()).toContain('chair the block meeting');
    expect(agenda('ben').filter(({ person, kind }) => person === 'Sam Park' && kind !== 'cadence').map(({ text }) => text)).toEqual(['Introduction from Ana Ruiz: Knows the block']);
    expect(ok('ana', ['undo'])).toBe('');
    expect(await ownerOf('Sam Park')).toBe('Ana Ruiz');
    expect(agenda('ben').filter(({ person }) => person === 'Sam Park')).toEqual([]);
    expect((await raw(undefined, `SELECT id FROM handoffs`)).length).toBe(1);
  });

  it('a lead hands over their organizer\'s person; the new owner can hand them on', async () => {
    ok('lee', ['handoff', 'Sam Park', '--to', 'Ben Ortiz', '--note', 'Ana is on leave']);
    expect(await ownerOf('Sam Park')).toBe('Ben Ortiz');
    ok('ben', ['handoff', 'Sam Park', '--to', 'Ana Ruiz', '--note', 'Ana is back']);
    expect(await ownerOf('Sam Park')).toBe('Ana Ruiz');
  });

  it("an organizer's export holds their own people only; a lead's the whole team's; each export is in the audit log", async () => {
    const names = (csv: string) => csv.trim().split('\n').slice(1).map((line) => line.split(',')[1]).sort();
    expect(names(ok('ana', ['export', 'people']))).toEqual(['Sam Park']);
    expect(names(ok('ben', ['export', 'people']))).toEqual(['Maria Lopez', 'Tom Reyes']);
    expect(names(ok('ben', ['export', 'asks']))).toEqual(['Maria Lopez', 'Tom Reyes']);
    expect(names(ok('lee', ['export', 'people']))).toEqual(['Maria Lopez', 'Sam Park', 'Tom Reyes']);
    const audit = await raw<{ login: string; detail: string }>(undefined, `SELECT login, detail FROM team_audit WHERE what = 'export' ORDER BY id`);
    expect(audit).toEqual([
      { login: login('ana'), detail: 'people: their own people' },
      { login: login('ben'), detail: 'people: their own people' },
      { login: login('ben'), detail: 'asks: their own people' },
      { login: login('lee'), detail: 'people: the whole team' },
    ]);
    await expect(raw('ben', `INSERT INTO team_audit (what) VALUES ('export')`)).rejects.toThrow(/permission denied/);
  });
});
