/**
 * The team on a real PostgreSQL cluster, with a login role per organizer: what each role reads and writes through the
 * CLI and through a raw connection of its own (the database enforces it, not the CLI). Skipped where PostgreSQL is
 * not installed; CI requires it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
const login = (who: string) => team.login(who);
const cli = (who: string | undefined, args: string[]) => team.cli(who, args);
const ok = (who: string | undefined, args: string[]) => team.ok(who, args);
const raw = <T = Record<string, unknown>>(who: string | undefined, sql: string, params: unknown[] = []) => team.raw<T>(who, sql, params);

const texts = async (who: string) => (await raw<{ text: string }>(who, `SELECT text FROM notes ORDER BY text`)).map(({ text }) => text);

describe.skipIf(!socketDir)('the team on a server', () => {
  beforeAll(async () => {
    team = await teamServer('team', '');
    ok(undefined, ['log', 'Old Timer', '--note', 'met before the team existed']);
    ok(undefined, ['team', 'init', 'Rosa Admin']);
    ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', login('lee')]);
    ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', login('ana'), '--supervisor', 'Lee Lead']);
    ok(undefined, ['team', 'add', 'Ben Ortiz', '--role', 'organizer', '--login', login('ben')]);
    ok(undefined, ['team', 'add', 'Dee Diaz', '--role', 'director', '--login', login('dee')]);
    ok('ana', ['log', 'Maria Lopez', '--value', 'her kids safety', '--note', 'fears the landlord will call the police', '--ask', 'come to the meeting', '--outcome', 'yes', '--followup', 'in 2 days']);
  });
  afterAll(() => team?.cleanup());

  it('lists the organizers with their roles and leads, to anyone on the team', () => {
    const team = JSON.parse(ok('ben', ['team', 'list', '--json'])) as { name: string; role: string; supervisor?: string }[];
    expect(team.map(({ name, role, supervisor }) => [name, role, supervisor ?? null])).toEqual([
      ['Ana Ruiz', 'organizer', 'Lee Lead'], ['Ben Ortiz', 'organizer', null], ['Dee Diaz', 'director', null], ['Lee Lead', 'lead', null], ['Rosa Admin', 'admin', null],
    ]);
    expect(ok('ben', ['team', 'list'])).toMatch(/Ben Ortiz \(you\)\s+│ organizer/);
  });

  it('an organizer reads their own notes, private ones among them; one who never met the person reads none, even with raw SQL', async () => {
    expect(await texts('ana')).toEqual(['fears the landlord will call the police', 'her kids safety']);
    expect(await texts('ben')).toEqual([]);
    expect(await raw('ben', `SELECT code FROM search_index WHERE code < 9`)).toEqual([]);
    expect(await raw('ben', `SELECT id FROM change_rows`)).toEqual([]);
    expect(cli('ben', ['search', 'police', '--json']).stdout).not.toContain('police');
    expect(cli('ana', ['search', 'police', '--json']).stdout).toContain('police');
  });

  it("of people an organizer neither owns nor has met, the team sees name, rung, owner and figures, never their meetings, asks, follow-ups or ladder", async () => {
    const maria = `(SELECT id FROM people WHERE name = 'Maria Lopez')`;
    for (const sql of [
      `SELECT id FROM meetings WHERE person_id = ${maria}`, `SELECT id FROM asks WHERE person_id = ${maria}`,
      `SELECT id FROM followups WHERE person_id = ${maria}`, `SELECT id FROM rung_changes WHERE person_id = ${maria}`,
      `SELECT meeting_id FROM meeting_phases`, `SELECT id FROM search_index WHERE code IN (9, 10, 11)`,
    ]) {
      expect(await raw('ben', sql), sql).toEqual([]);
      expect((await raw('ana', sql)).length, sql).toBeGreaterThan(0);
    }
    expect(await raw('ben', `SELECT p.name, p.rung, o.name AS owner, f.meetings FROM people p JOIN organizers o ON o.id = p.owner_id JOIN person_figures f ON f.person_id = p.id WHERE p.name = 'Maria Lopez'`))
      .toEqual([{ name: 'Maria Lopez', rung: 'contact', owner: 'Ana Ruiz', meetings: 1 }]);
    expect(cli('ben', ['search', 'meeting', '--json']).stdout).not.toContain('come to the meeting');
    expect((await raw('lee', `SELECT id FROM asks WHERE person_id = ${maria}`)).length, "Ana's lead").toBe(1);
    expect((await raw('dee', `SELECT id FROM asks WHERE person_id = ${maria}`)).length, 'a director').toBe(1);
    await expect(raw('ben', `INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, created_at, updated_at, organizer_id)
      SELECT ${maria}, now(), 'recruitment', 'agenda', 30, 'complete', now(), now(), id FROM organizers WHERE name = 'Ana Ruiz'`)).rejects.toThrow(/row-level security/);
  });

  it('the team reads team notes but never a private one: the lead of the author, a director, an organizer who met the person', async () => {
    expect(await texts('lee')).toEqual(['her kids safety']);
    expect(await texts('dee')).toEqual(['her kids safety']);
    ok('ben', ['log', 'Maria Lopez', '--story', 'grew up in the building']);
    expect(await texts('ben')).toEqual(['grew up in the building', 'her kids safety']);
    expect((await raw('ben', `SELECT id FROM meetings WHERE person_id = (SELECT id FROM people WHERE name = 'Maria Lopez')`)).length, 'met now: he reads both meetings').toBe(2);
    expect(await raw(undefined, `SELECT meetings, open_asks AS "openAsks" FROM person_figures WHERE person_id = (SELECT id FROM people WHERE name = 'Maria Lopez')`))
      .toEqual([{ meetings: 2, openAsks: 1 }]);
    const shown = ok('ben', ['show', 'Maria Lopez']);
    expect(shown).toContain('her kids safety');
    expect(shown).not.toContain('police');
    expect(ok('ana', ['show', 'Maria Lopez'])).toContain('call the police');
  });

  it('writing in another organizer\'s name and changing another\'s note are refused by the database', async () => {
    const [ana] = await raw<{ id: number }>('ben', `SELECT id FROM organizers WHERE name = 'Ana Ruiz'`);
    const [maria] = await raw<{ id: number }>('ben', `SELECT id FROM people WHERE name = 'Maria Lopez'`);
    await expect(raw('ben', `INSERT INTO notes (person_id, tag, text, created_at, author_id) VALUES ($1, 'note', 'forged', now(), $2)`, [maria!.id, ana!.id]))
      .rejects.toThrow(/row-level security/);
    const changed = await raw('ben', `UPDATE notes SET text = 'changed' WHERE text = 'her kids safety' RETURNING id`);
    expect(changed).toEqual([]);
    expect(await raw('ben', `DELETE FROM notes WHERE text = 'her kids safety' RETURNING id`)).toEqual([]);
    await expect(raw('ben', `UPDATE organizers SET role = 'admin' WHERE name = 'Ben Ortiz'`)).rejects.toThrow(/permission denied/);
    expect(await texts('ana')).toContain('her kids safety');
    const [note] = await raw<{ id: number }>('ana', `SELECT id FROM notes WHERE text = 'her kids safety'`);
    for (const args of [['edit', `N${note!.id}`, '--text', 'changed'], ['delete', `N${note!.id}`]]) {
      const refused = cli('ben', args);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^oneonone: note N${note!.id} was written by another organizer, and only its author can change or delete it\\nhint: `));
    }
    expect(await texts('ana')).toContain('her kids safety');
  });

  it('a note whose tag is corrected to a private one becomes private', async () => {
    ok('ana', ['log', 'Maria Lopez', '--skill', 'speaks at church']);
    expect(await texts('lee')).toContain('speaks at church');
    const [note] = await raw<{ id: number }>('ana', `SELECT id FROM notes WHERE text = 'speaks at church'`);
    ok('ana', ['edit', `N${note!.id}`, '--tag', 'note']);
    expect(await texts('lee')).not.toContain('speaks at church');
    ok('ana', ['undo']);
    expect(await texts('lee')).toContain('speaks at church');
    ok('ana', ['undo']);
    // A note its author kept private stays private whatever its tag is corrected to.
    ok('ana', ['log', 'Maria Lopez', '--value', 'her visa expired', '--sensitive', 'private']);
    const [kept] = await raw<{ id: number }>('ana', `SELECT id FROM notes WHERE text = 'her visa expired'`);
    ok('ana', ['edit', `N${kept!.id}`, '--tag', 'issue']);
    expect(await texts('lee')).not.toContain('her visa expired');
    expect(await raw('ana', `SELECT tag, visibility FROM notes WHERE id = $1`, [kept!.id])).toEqual([{ tag: 'issue', visibility: 'private' }]);
    ok('ana', ['undo']);
    ok('ana', ['undo']);
  });

  it("the team's own sensitive words are an admin's, also through psql", async () => {
    await expect(raw('ana', `INSERT INTO settings (key, value) VALUES ('team-sensitive-words', '["x"]') ON CONFLICT (key) DO UPDATE SET value = excluded.value`))
      .rejects.toThrow(/only an admin can change the team's sensitive words/);
    ok(undefined, ['team', 'words', 'add', 'parole']);
    await expect(raw('ana', `DELETE FROM settings WHERE key = 'team-sensitive-words'`)).rejects.toThrow(/only an admin/);
    ok(undefined, ['team', 'words', 'remove', 'parole']);
  });

  it('each organizer undoes their own last change, never another\'s', async () => {
    ok('ana', ['log', 'Sam Park', '--value', 'his block']);
    ok('ben', ['undo']);
    expect((await raw('ana', `SELECT name FROM people WHERE name = 'Sam Park'`)).length).toBe(1);
    // Ben's own last change was his meeting with Maria: undone, he has not met her, and reads none of her notes again.
    expect(await texts('ben')).toEqual([]);
    expect(await texts('ana')).toEqual(['fears the landlord will call the police', 'her kids safety', 'his block']);
    ok('ana', ['undo']);
    expect(await raw('ana', `SELECT name FROM people WHERE name = 'Sam Park'`)).toEqual([]);
  });

  it('a note naming immigration status is not sent to the server without the organizer\'s say: refused, nothing written; sent with --sensitive send', async () => {
    const before = await texts('ana');
    const refused = cli('ana', ['log', 'Rosa Vega', '--value', 'her family', '--note', 'está sin papeles, miedo a la migra']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^oneonone: not sending "está sin papeles, miedo a la migra" to the team's server: it names "sin papeles", "la migra", and immigration status is safest not written down at all\nhint: rewrite it without those words .*--sensitive send\n$/,
    );
    expect(await raw('ana', `SELECT name FROM people WHERE name = 'Rosa Vega'`)).toEqual([]);
    expect(cli('ana', ['log', 'Rosa Vega', '--ask', 'talk to ICE about it']).code).toBe(1);
    const [value] = await raw<{ id: number }>('ana', `SELECT id FROM notes WHERE text = 'her kids safety'`);
    const corrected = cli('ana', ['edit', `N${value!.id}`, '--text', 'her kids, she has no papers']);
    expect(corrected.code).toBe(1);
    expect(corrected.stderr).toMatch(/^oneonone: not sending "her kids, she has no papers" to the team's server: it names "no papers".*\nhint: rewrite it without those words .*delete it and log it again with --sensitive private\n$/);
    expect(await texts('ana')).toContain('her kids safety');
    ok('ana', ['log', 'Rosa Vega', '--note', 'está sin papeles', '--sensitive', 'send']);
    expect(await texts('ana')).toEqual([...before, 'está sin papeles'].sort());
    const file = team.box.run(['log', 'Rosa Vega', '--note', 'sin papeles'], { env: { ONEONONE_DB: `${team.box.dir}/solo.db` } });
    expect(file.code, 'a file on this computer is the organizer\'s own: nothing leaves').toBe(0);
  });

  it('erasing a person is a lead\'s or an admin\'s: refused to an organizer and a director by the CLI and the database; a lead\'s forget takes every row, teammates\' private notes and journals among them', async () => {
    for (const who of ['ben', 'dee']) {
      for (const args of [['forget', 'Maria Lopez', '--yes'], ['merge', 'Maria Lopez', 'Old Timer']]) {
        const refused = cli(who, args);
        expect(refused.code, refused.stderr).toBe(1);
        expect(refused.stderr).toMatch(/^oneonone: not erasing anyone: on a team server only a lead or an admin can erase a person \(you are (Ben Ortiz, organizer|Dee Diaz, director)\)\nhint: ask your lead or the team's admin\n$/);
      }
    }
    const [maria] = await raw<{ id: number }>('ben', `SELECT id FROM people WHERE name = 'Maria Lopez'`);
    for (const sql of [`SELECT team_erase_person($1)`, `SELECT team_merge_people($1, $1)`]) {
      await expect(raw('ben', sql, [maria!.id])).rejects.toThrow(/only a lead or an admin can erase a person/);
    }
    await expect(raw('ben', `SELECT team_erase_history(now())`)).rejects.toThrow(/only a lead or an admin/);
    expect(await raw('ben', `SELECT * FROM team_erase_counts($1)`, [maria!.id])).toEqual([]);
    expect(await raw('ben', `DELETE FROM people WHERE name = 'Maria Lopez' RETURNING id`)).toEqual([]);
    ok('ana', ['log', 'Tom Reyes', '--note', 'a mistake']);
    expect(await raw('ana', `DELETE FROM people WHERE name = 'Tom Reyes' RETURNING name`)).toEqual([{ name: 'Tom Reyes' }]);

    const everything = async () => (await raw<{ n: number }>(undefined, `SELECT (SELECT count(*) FROM notes WHERE person_id = $1) + (SELECT count(*) FROM meetings WHERE person_id = $1) + (SELECT count(*) FROM change_rows WHERE old::text LIKE '%Maria Lopez%') AS n`, [maria!.id]))[0]!.n;
    expect(Number(await everything())).toBeGreaterThan(0);
    expect(await raw('lee', `SELECT text FROM notes WHERE person_id = $1`, [maria!.id])).toEqual([{ text: 'her kids safety' }]);
    const forgot = cli('lee', ['forget', 'Maria Lopez', '--yes']);
    expect(forgot.code, forgot.stderr).toBe(0);
    // Lee reads one of her two notes (the other is Ana's private one), yet the counts are of everything that went.
    expect(forgot.stderr).toMatch(/^Forgot Maria Lopez: 1 meeting, 2 notes, /);
    expect(forgot.stderr).toContain("every organizer's outbox on their own computer");
    expect(Number(await everything())).toBe(0);
    expect(await raw(undefined, `SELECT id FROM people WHERE id = $1`, [maria!.id])).toEqual([]);
    expect(cli('ana', ['undo']).stderr).toMatch(/forget/);
    expect(await texts('ana')).toEqual(['está sin papeles']);
  });

  it('a lead merges duplicates: every note moves, teammates\' private ones among them, and says it cannot be undone', async () => {
    ok('ana', ['log', 'Lupe Diaz', '--note', 'private to ana about lupe']);
    ok('ben', ['log', 'Lupe Díaz', '--new', '--story', 'grew up nearby']);
    const lupes = await raw<{ id: number }>(undefined, `SELECT id FROM people WHERE name_key LIKE 'lupe%' ORDER BY id`);
    expect(lupes).toHaveLength(2);
    const merged = cli('lee', ['merge', `#${lupes[1]!.id}`, `#${lupes[0]!.id}`]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain("On a team server a merge cannot be undone: it moved teammates' notes.");
    expect(merged.stderr).toMatch(/moved: 1 meeting, 1 note/);
    expect((await raw<{ text: string }>(undefined, `SELECT text FROM notes WHERE person_id = $1 ORDER BY text`, [lupes[0]!.id])).map(({ text }) => text)).toEqual(['grew up nearby', 'private to ana about lupe']);
    expect(await raw(undefined, `SELECT id FROM people WHERE id = $1`, [lupes[1]!.id])).toEqual([]);
  });

  it('what was there before the team is the first admin\'s; only an admin adds organizers; a file has no team', async () => {
    expect(await texts('ben')).not.toContain('met before the team existed');
    const refused = cli('ana', ['team', 'add', 'Eve', '--role', 'admin', '--login', login('eve')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^oneonone: only an admin can add organizers \(you are Ana Ruiz, organizer\)\nhint: /);
    const again = cli(undefined, ['team', 'init', 'Rosa Admin']);
    expect(again.stderr).toMatch(/^oneonone: this server already has a team/);
    const file = team.box.run(['team', 'list'], { env: { ONEONONE_DB: `${team.box.dir}/solo.db` } });
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/^oneonone: there is no team in a file: .*\nhint: a team lives on a PostgreSQL server/);
    const notSuper = cli('ana', ['team', 'init', 'Ana Ruiz']);
    expect(notSuper.stderr).toMatch(/^oneonone: only a PostgreSQL superuser can set up the team \(you are ana_\d+\)/);
  });

  it('an admin changes roles and takes an organizer off the team: their people go to another, their login reads nothing', async () => {
    expect(cli(undefined, ['team', 'role', 'Dee Diaz', '--role', 'lead']).stderr).toBe('Dee Diaz is now lead (was director).\n');
    expect((await raw<{ rolname: string }>('dee', `SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = session_user`)).map(({ rolname }) => rolname)).toEqual(['lead']);
    ok('ben', ['log', 'Kim Ng', '--story', 'works nights']);
    const removed = cli(undefined, ['team', 'remove', 'Ben Ortiz', '--to', 'Ana Ruiz']);
    expect(removed.stderr).toMatch(/^Ben Ortiz is off the team: 1 person now has Ana Ruiz as organizer; .* the login ben_\d+ reads nothing here any more\.\n$/);
    await expect(raw('ben', `SELECT text FROM notes`)).rejects.toThrow(/permission denied/);
    const locked = cli('ben', ['people']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/^oneonone: the login ben_\d+ may not read the record at .*\nhint: on a team server, ask the team's admin to add you/);
    expect(JSON.parse(ok('ana', ['team', 'list', '--json'])).map(({ name }: { name: string }) => name)).not.toContain('Ben Ortiz');
    expect(await texts('ana')).toContain('works nights');
    expect(cli('ana', ['team', 'remove', 'Lee Lead', '--to', 'Ana Ruiz']).code).toBe(1);
  });

  it('the audit log is written by the database, read by an admin alone, and never names a person who was erased', async () => {
    const audit = JSON.parse(ok(undefined, ['team', 'audit', '--json'])) as { login: string; what: string; detail: string | null }[];
    expect(audit.map(({ what }) => what)).toEqual([
      ...Array(5).fill('organizer added'), ...Array(4).fill('person erased'), 'role changed', 'organizer removed',
    ]);
    expect(audit.filter(({ what }) => what === 'person erased').map(({ login: who }) => who)).toEqual([login('ana'), login('ana'), login('lee'), login('lee')]);
    expect(JSON.stringify(audit)).not.toMatch(/Maria|Sam Park|Tom Reyes|Lupe/);
    expect(ok(undefined, ['team', 'audit'])).toContain('role changed');
    expect(await raw('ana', `SELECT * FROM team_audit`)).toEqual([]);
    await expect(raw('ana', `INSERT INTO team_audit (what) VALUES ('forged')`)).rejects.toThrow(/permission denied/);
    await expect(raw('ana', `DELETE FROM team_audit`)).rejects.toThrow(/permission denied/);
    expect(cli('ana', ['team', 'audit']).stderr).toMatch(/^oneonone: only an admin can read the audit log/);
  });
});
