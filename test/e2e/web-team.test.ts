/**
 * Who knows whom on a team server, with a login per organizer: a relationship is read as a meeting is (by whoever
 * recorded it, owns or has met either person, their lead, a director) and written in one's own name, whatever SQL a
 * login runs; units and who belongs to them are the team's. Skipped where PostgreSQL is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES_ON_EXISTING_TEAM } from '../../src/store/postgres/team.js';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
const cli = (who: string | undefined, args: string[]) => team.cli(who, args);
const ok = (who: string | undefined, args: string[]) => team.ok(who, args);
const raw = <T = Record<string, unknown>>(who: string | undefined, sql: string, params: unknown[] = []) => team.raw<T>(who, sql, params);
const notes = async (who: string) => (await raw<{ note: string | null; kind: string }>(who, `SELECT kind, note FROM relationships ORDER BY id`)).map(({ kind, note }) => `${kind}: ${note}`);

describe.skipIf(!socketDir)('the web of relationships on a team server', () => {
  beforeAll(async () => {
    team = await teamServer('webteam', 'w');
    ok(undefined, ['team', 'init', 'Rosa Admin']);
    ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', team.login('lee')]);
    ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', team.login('ana'), '--supervisor', 'Lee Lead']);
    ok(undefined, ['team', 'add', 'Ben Ortiz', '--role', 'organizer', '--login', team.login('ben')]);
    ok(undefined, ['team', 'add', 'Dee Diaz', '--role', 'director', '--login', team.login('dee')]);
    ok('ana', ['log', 'Maria Lopez', '--note', 'met at the laundromat']);
    ok('ana', ['log', 'Juan Perez', '--note', 'met at the bus stop']);
    ok('ana', ['relate', 'Maria Lopez', 'Juan Perez', '--as', 'family', '--note', 'her brother-in-law']);
    ok('ana', ['edit', 'Maria Lopez', '--unit', 'Building 12', '--unit-kind', 'building']);
  });
  afterAll(() => team?.cleanup());

  it('an organizer who never met either person reads no relationship, by the CLI or raw SQL; their lead and a director do', async () => {
    expect(await notes('ana')).toEqual(['family: her brother-in-law']);
    expect(await notes('ben')).toEqual([]);
    expect(await raw('ben', `SELECT count(*)::int AS n FROM relationships`)).toEqual([{ n: 0 }]);
    expect(JSON.parse(ok('ben', ['show', 'Maria Lopez', '--json'])).knows).toEqual([]);
    expect(ok('ben', ['show', 'Maria Lopez'])).not.toContain('brother-in-law');
    expect(await notes('lee')).toEqual(['family: her brother-in-law']);
    expect(await notes('dee')).toEqual(['family: her brother-in-law']);
    expect(ok('lee', ['show', 'Juan Perez'])).toMatch(/\nKnows\n {2}family: Maria Lopez \(#\d+\), since .+ — her brother-in-law\n/);
  });

  it('a teammate who may not read the meetings still reads the figures: meetings held and when last met', () => {
    expect(ok('ben', ['show', 'Maria Lopez']).split('\n')[2]).toBe('last met: today · meetings: 1');
    expect(JSON.parse(ok('ben', ['show', 'Maria Lopez', '--json'])).meetings).toEqual([]);
    expect(JSON.parse(ok('ben', ['show', 'Maria Lopez', '--json'])).team.figures).toMatchObject({ meetings: 1 });
  });

  it('writing a relationship in another organizer\'s name, or ending one unseen, is refused by the database', async () => {
    const people = await raw<{ id: number }>('ben', `SELECT id FROM people WHERE name IN ('Maria Lopez', 'Juan Perez') ORDER BY id`);
    const [ana] = await raw<{ id: number }>('ben', `SELECT id FROM organizers WHERE name = 'Ana Ruiz'`);
    await expect(raw('ben', `INSERT INTO relationships (person_id, other_id, kind, created_at, organizer_id) VALUES ($1, $2, 'friend', now(), $3)`, [people[0]!.id, people[1]!.id, ana!.id]))
      .rejects.toThrow(/row-level security/);
    expect(await raw('ben', `UPDATE relationships SET ended_at = now() RETURNING id`)).toEqual([]);
    expect(await raw('ben', `DELETE FROM relationships RETURNING id`)).toEqual([]);
    // Ana's lead reads it, and may end it, but never rewrite it or take it as his own.
    const [lee] = await raw<{ id: number }>('lee', `SELECT id FROM organizers WHERE name = 'Lee Lead'`);
    await expect(raw('lee', `UPDATE relationships SET organizer_id = $1`, [lee!.id])).rejects.toThrow(/a relationship is ended, never rewritten/);
    await expect(raw('lee', `UPDATE relationships SET note = 'rewritten', kind = 'friend'`)).rejects.toThrow(/a relationship is ended, never rewritten/);
    expect(await raw('lee', `DELETE FROM relationships RETURNING id`)).toEqual([]);
    expect((await raw('lee', `UPDATE relationships SET ended_at = now() RETURNING id`)).length).toBe(1);
    await raw('lee', `UPDATE relationships SET ended_at = NULL`);
    expect(await notes('ana')).toEqual(['family: her brother-in-law']);
    expect(await raw('ana', `SELECT ended_at FROM relationships`)).toEqual([{ ended_at: null }]);
  });

  it('a teammate\'s relationship one may not read is never told of: recording the same one records one\'s own, read and undone as such', async () => {
    const first = cli('ben', ['relate', 'Juan Perez', 'Maria Lopez', '--as', 'family']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Recorded: Juan Perez and Maria Lopez are family\./);
    expect(await notes('ben')).toEqual(['family: null']);
    expect(await notes('ana')).toEqual(['family: her brother-in-law', 'family: null']);
    expect(cli('ben', ['relate', 'Maria Lopez', 'Juan Perez', '--as', 'family']).stderr).toMatch(/^Already recorded: Maria Lopez and Juan Perez are family \(since .+\); nothing changed\.\n$/);
    expect(cli('ana', ['relate', 'Maria Lopez', 'Juan Perez', '--as', 'family']).stderr).toMatch(/^Already recorded: /);
    ok('ben', ['undo']);
    expect(await notes('ana')).toEqual(['family: her brother-in-law']);
  });

  it('what an organizer records in their own name they read and undo; one they may read they end, and undo that', async () => {
    ok('ben', ['relate', 'Juan Perez', 'Maria Lopez', '--as', 'congregation', '--note', 'same parish']);
    expect(await notes('ben')).toEqual(['congregation: same parish']);
    expect(await notes('ana')).toEqual(['family: her brother-in-law', 'congregation: same parish']);
    ok('ben', ['undo']);
    expect(await raw(undefined, `SELECT kind FROM relationships ORDER BY id`)).toEqual([{ kind: 'family' }]);
    ok('ana', ['unrelate', 'Maria Lopez', 'Juan Perez']);
    expect(await raw('lee', `SELECT count(*)::int AS n FROM relationships WHERE ended_at IS NOT NULL`)).toEqual([{ n: 1 }]);
    ok('ana', ['undo']);
    expect(await raw(undefined, `SELECT kind, ended_at FROM relationships ORDER BY id`)).toEqual([{ kind: 'family', ended_at: null }]);
  });

  it('units and who belongs to them are the team\'s to read', async () => {
    const units = JSON.parse(ok('ben', ['units', '--json'])) as { name: string; kind: string; people: number }[];
    expect(units.map(({ name, kind, people }) => [name, kind, people])).toEqual([['Building 12', 'building', 1]]);
    expect(JSON.parse(ok('ben', ['show', 'Maria Lopez', '--json'])).places.map((p: { name: string }) => p.name)).toEqual(['Building 12']);
  });

  it('a lead\'s merge carries the duplicate\'s relationships and places, teammates\' among them', async () => {
    ok('ben', ['log', 'María López', '--new', '--note', 'met again']);
    const [dup] = await raw<{ id: number }>(undefined, `SELECT id FROM people WHERE name = 'María López'`);
    ok('ben', ['relate', `#${dup!.id}`, 'Juan Perez', '--as', 'neighbor', '--note', 'next door']);
    ok('ben', ['edit', `#${dup!.id}`, '--unit', 'Night shift']);
    const [maria] = await raw<{ id: number }>(undefined, `SELECT id FROM people WHERE name = 'Maria Lopez'`);
    const merged = cli('lee', ['merge', `#${dup!.id}`, `#${maria!.id}`]);
    expect(merged.code, merged.stderr).toBe(0);
    const [juan] = await raw<{ id: number }>(undefined, `SELECT id FROM people WHERE name = 'Juan Perez'`);
    expect(await raw(undefined, `SELECT person_id::int AS a, other_id::int AS b, kind FROM relationships ORDER BY id`)).toEqual([
      { a: Math.min(maria!.id, juan!.id), b: Math.max(maria!.id, juan!.id), kind: 'family' },
      { a: Math.min(maria!.id, juan!.id), b: Math.max(maria!.id, juan!.id), kind: 'neighbor' },
    ]);
    expect(await raw(undefined, `SELECT u.name FROM unit_members m JOIN units u ON u.id = m.unit_id WHERE m.person_id = $1 ORDER BY u.name`, [maria!.id]))
      .toEqual([{ name: 'Building 12' }, { name: 'Night shift' }]);
  });

  it('contacts and the history of an assessment are read as meetings are; an organizer writes neither in another\'s name', async () => {
    ok('ana', ['touch', 'Juan Perez', '--by', 'door', '--note', 'left a flyer about the rent strike']);
    ok('ana', ['edit', 'Juan Perez', '--assess', '2', '--reason', 'signed the petition']);
    const shown = (who: string) => JSON.parse(ok(who, ['show', 'Juan Perez', '--json'])) as { touches: { note: string }[]; assessmentHistory: { reason: string }[] };
    for (const reader of ['ana', 'lee', 'dee']) {
      expect(shown(reader).touches.map((t) => t.note), reader).toEqual(['left a flyer about the rent strike']);
      expect(shown(reader).assessmentHistory.map((c) => c.reason), reader).toEqual(['signed the petition']);
    }
    expect(shown('ben')).toMatchObject({ touches: [], assessmentHistory: [] });
    expect(ok('ben', ['show', 'Juan Perez'])).not.toContain('flyer');
    expect(await raw('ben', `SELECT count(*)::int AS n FROM touches`)).toEqual([{ n: 0 }]);
    expect(await raw('ben', `SELECT count(*)::int AS n FROM assessment_changes`)).toEqual([{ n: 0 }]);
    const [juan] = await raw<{ id: number }>('ben', `SELECT id FROM people WHERE name = 'Juan Perez'`);
    const [ana] = await raw<{ id: number }>('ben', `SELECT id FROM organizers WHERE name = 'Ana Ruiz'`);
    await expect(raw('ben', `INSERT INTO touches (person_id, by, touched_at, created_at, organizer_id) VALUES ($1, 'call', now(), now(), $2)`, [juan!.id, ana!.id]))
      .rejects.toThrow(/row-level security/);
  });

  it("the latest contact in a person's figures counts every teammate's, whoever's write set off the recount, after the migration too", async () => {
    const lastTouch = async () => (await raw<{ at: Date }>(undefined, `SELECT f.last_touch AS at FROM person_figures f JOIN people p ON p.id = f.person_id WHERE p.name = 'Juan Perez'`))[0]!.at.toISOString();
    ok('ana', ['touch', 'Juan Perez', '--by', 'call', '--date', '2026-11-20 12:00']);
    const anas = await lastTouch();
    ok('ben', ['touch', 'Juan Perez', '--by', 'door', '--date', '2026-11-10 12:00']);
    expect(await lastTouch()).toBe(anas);
    // Migration 015 replaces the function, which makes it run as the caller; the step then makes it the owner's again.
    await raw(undefined, `ALTER FUNCTION refresh_person_figures(bigint) SECURITY INVOKER`);
    await raw(undefined, FIGURES_ON_EXISTING_TEAM);
    expect(await raw(undefined, `SELECT prosecdef FROM pg_proc WHERE proname = 'refresh_person_figures'`)).toEqual([{ prosecdef: true }]);
    ok('ben', ['touch', 'Juan Perez', '--by', 'text', '--date', '2026-11-12 12:00']);
    expect(await lastTouch()).toBe(anas);
  });
});

describe.skipIf(!socketDir)('a team server set up before the web of relationships, upgraded', () => {
  let old: TeamServer;
  beforeAll(async () => {
    old = await teamServer('webupgrade', 'u');
    old.ok(undefined, ['team', 'init', 'Rosa Admin']);
    old.ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', old.login('lee')]);
    old.ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', old.login('ana'), '--supervisor', 'Lee Lead']);
    old.ok(undefined, ['team', 'add', 'Ben Ortiz', '--role', 'organizer', '--login', old.login('ben')]);
    // The server as it was before step 012: no web tables, and a merge that knew nothing of them.
    await old.raw(undefined, `
      DROP TABLE relationships, unit_members, units CASCADE;
      DROP FUNCTION relationships_guard();
      DELETE FROM oneonone_migrations WHERE name = '012-web-of-relationships';
      CREATE OR REPLACE FUNCTION team_merge_people(dup bigint, kept bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN PERFORM team_must_erase(); DELETE FROM people WHERE id = dup; END $$;`);
    old.ok(undefined, ['units']);
  });
  afterAll(() => old?.cleanup());

  it('gets the same rules as a team made after it: read as meetings are, the team\'s units, a merge that carries them', async () => {
    expect(await old.raw(undefined, `SELECT name FROM oneonone_migrations WHERE name = '012-web-of-relationships'`)).toHaveLength(1);
    old.ok('ana', ['log', 'Maria Lopez', '--note', 'met']);
    old.ok('ana', ['log', 'Juan Perez', '--note', 'met']);
    old.ok('ana', ['relate', 'Maria Lopez', 'Juan Perez', '--as', 'coworker', '--note', 'same shift']);
    old.ok('ana', ['edit', 'Maria Lopez', '--unit', 'Building 12']);
    expect(await old.raw('ben', `SELECT count(*)::int AS n FROM relationships`)).toEqual([{ n: 0 }]);
    expect(JSON.parse(old.ok('ben', ['show', 'Maria Lopez', '--json']))).toMatchObject({ knows: [], places: [{ name: 'Building 12' }] });
    expect(await old.raw('lee', `SELECT note FROM relationships`)).toEqual([{ note: 'same shift' }]);
    await expect(old.raw('lee', `UPDATE relationships SET note = 'x'`)).rejects.toThrow(/never rewritten/);
    old.ok('ana', ['log', 'María López', '--new', '--note', 'again']);
    const [dup] = await old.raw<{ id: number }>(undefined, `SELECT id FROM people WHERE name = 'María López'`);
    old.ok('ana', ['relate', `#${dup!.id}`, 'Juan Perez', '--as', 'neighbor']);
    const [maria] = await old.raw<{ id: number }>(undefined, `SELECT id FROM people WHERE name = 'Maria Lopez'`);
    old.ok('lee', ['merge', `#${dup!.id}`, `#${maria!.id}`]);
    expect(JSON.parse(old.ok('ana', ['show', 'Juan Perez', '--json'])).knows.map((r: { kind: string; other: { name: string } }) => [r.kind, r.other.name]))
      .toEqual([['coworker', 'Maria Lopez'], ['neighbor', 'Maria Lopez']]);
  });
});

/**
 * The power map and the structure test on a team server: people (name, rung, assessment) and units are the team's,
 * so every member of a unit is counted and shown to everyone; what row security hides is the web (relationships,
 * 'leads' among them) and the meetings, so a leader by a hidden 'leads' tie, the people reached only through hidden
 * ties, and one-on-ones one may not read are left out. Every expected figure below is counted by hand from the case.
 *
 * Building 12 (building, size 30). Ana (organizer, led by Lee) has met Alma (strong supporter), Arturo (leaning
 * supporter), Aida (leaning against, on the leader rung) and Abel (not assessed), all of the building, Alma twice;
 * and Xavier and Yara, of no unit. She recorded: Alma leads Arturo, Alma and Xavier family, Arturo and Yara coworkers,
 * Yara and Xavier friends. Ben (organizer, no lead) has met Bea (leaning supporter) and Bruno (undecided), of the
 * building, and Berta, of no unit; he recorded: Bea leads Bruno, Bea and Berta neighbors, Bruno and Alma friends.
 * Dee is a director.
 */
describe.skipIf(!socketDir)('map and structure on a team server leave out what the viewer may not read', () => {
  let web: TeamServer;
  /** Every person's id by name, read as the superuser. */
  const id = new Map<string, number>();
  const nameOf = (personId: number) => [...id].find(([, value]) => value === personId)?.[0] ?? `#${personId}`;

  interface MapJson {
    start: { kind: string; id: number; name: string; people?: number[] };
    people: { id: number; name: string; depth: number }[];
    ties: { from: number; to: number; kind: string }[];
    leftOut: number;
  }
  interface StructureJson {
    unit: { name: string; kind: string; size: number | null };
    known: number; assessed: number; supporters: number; recentOneOnOnes: number;
    leaders: { name: string; leads: { name: string }[] }[];
    base: number; majority: number; stillNeeded: number; unled: number; leadersNeeded: number; leadersMissing: number;
  }
  const mapOf = (who: string, args: string[]) => JSON.parse(web.ok(who, ['map', ...args, '--json'])) as MapJson;
  const structureOf = (who: string) => {
    const units = JSON.parse(web.ok(who, ['structure', '--unit', 'Building 12', '--json'])) as StructureJson[];
    expect(units, who).toHaveLength(1);
    return units[0]!;
  };
  /** The people as [name, depth], by name; the ties as "from kind to" (a tie either way round with its names in order). */
  const byName = (rows: (string | number)[][]) => [...rows].sort(([a], [b]) => String(a).localeCompare(String(b)));
  const peopleOf = (map: MapJson) => byName(map.people.map((p) => [p.name, p.depth]));
  const tiesOf = (map: MapJson) => map.ties.map(({ from, to, kind }) => {
    const [a, b] = kind === 'leads' ? [nameOf(from), nameOf(to)] : [nameOf(from), nameOf(to)].sort();
    return `${a} ${kind} ${b}`;
  }).sort();
  /** Whoever may read no tie of theirs: no name, no id anywhere in what a command printed. */
  const holdsNoneOf = (out: string, names: string[], idShape: (personId: number) => RegExp, what: string) => {
    for (const name of names) {
      expect(out, `${what}: ${name}`).not.toContain(name);
      expect(out, `${what}: ${name}'s id`).not.toMatch(idShape(id.get(name)!));
    }
  };
  const inJson = (personId: number) => new RegExp(`"(?:id|from|to)":\\s*${personId}\\b|\\[\\s*(?:\\d+\\s*,\\s*)*${personId}\\s*(?:,\\s*\\d+\\s*)*\\]`);
  const inTree = (personId: number) => new RegExp(`#${personId}\\b`);
  const inDot = (personId: number) => new RegExp(`\\bp${personId}\\b`);

  beforeAll(async () => {
    web = await teamServer('webmap', 'm');
    web.ok(undefined, ['team', 'init', 'Rosa Admin']);
    web.ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', web.login('lee')]);
    web.ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', web.login('ana'), '--supervisor', 'Lee Lead']);
    web.ok(undefined, ['team', 'add', 'Ben Ortiz', '--role', 'organizer', '--login', web.login('ben')]);
    web.ok(undefined, ['team', 'add', 'Dee Diaz', '--role', 'director', '--login', web.login('dee')]);
    web.ok('ana', ['units', 'add', 'Building 12', '--kind', 'building', '--size', '30']);
    web.ok('ana', ['log', 'Alma Reyes', '--note', 'met at the laundry', '--assess', '1']);
    web.ok('ana', ['log', 'Alma Reyes', '--note', 'met again']);
    web.ok('ana', ['log', 'Arturo Soto', '--note', 'met', '--assess', '2']);
    web.ok('ana', ['log', 'Aida Flores', '--note', 'met', '--assess', '4', '--rung', 'leader']);
    web.ok('ana', ['log', 'Abel Cruz', '--note', 'met']);
    web.ok('ana', ['log', 'Xavier Nunez', '--note', 'met', '--assess', '1']);
    web.ok('ana', ['log', 'Yara Mendez', '--note', 'met']);
    for (const name of ['Alma Reyes', 'Arturo Soto', 'Aida Flores', 'Abel Cruz']) web.ok('ana', ['edit', name, '--unit', 'Building 12']);
    web.ok('ana', ['relate', 'Alma Reyes', 'Arturo Soto', '--as', 'leads']);
    web.ok('ana', ['relate', 'Alma Reyes', 'Xavier Nunez', '--as', 'family']);
    web.ok('ana', ['relate', 'Arturo Soto', 'Yara Mendez', '--as', 'coworker']);
    web.ok('ana', ['relate', 'Yara Mendez', 'Xavier Nunez', '--as', 'friend']);
    web.ok('ben', ['log', 'Bea Castro', '--note', 'met', '--assess', '2']);
    web.ok('ben', ['log', 'Bruno Vega', '--note', 'met', '--assess', '3']);
    web.ok('ben', ['log', 'Berta Gil', '--note', 'met']);
    for (const name of ['Bea Castro', 'Bruno Vega']) web.ok('ben', ['edit', name, '--unit', 'Building 12']);
    web.ok('ben', ['relate', 'Bea Castro', 'Bruno Vega', '--as', 'leads']);
    web.ok('ben', ['relate', 'Bea Castro', 'Berta Gil', '--as', 'neighbor']);
    web.ok('ben', ['relate', 'Bruno Vega', 'Alma Reyes', '--as', 'friend']);
    for (const row of await web.raw<{ id: number; name: string }>(undefined, `SELECT id::int, name FROM people`)) id.set(row.name, row.id);
    // The case as built, read as the superuser: 6 members, 7 open relationships, 10 complete meetings (7 with members).
    expect(await web.raw(undefined, `SELECT count(*)::int AS n FROM unit_members`)).toEqual([{ n: 6 }]);
    expect(await web.raw(undefined, `SELECT count(*)::int AS n FROM relationships WHERE ended_at IS NULL`)).toEqual([{ n: 7 }]);
    expect(await web.raw(undefined, `SELECT count(*)::int AS n FROM meetings WHERE status = 'complete'`)).toEqual([{ n: 10 }]);
  }, 180_000);
  afterAll(() => web?.cleanup());

  it('structure: every member is counted by everyone (people are the team\'s); the leaders and one-on-ones only as each may read them', () => {
    // Known 6, assessed 5 (all but Abel), supporters 3 (Alma 1, Arturo 2, Bea 2): the people's own columns, everyone's.
    // Size 30: a majority is 16, 13 more; a leader for about 10 people: 3 needed.
    const everyone = { unit: { name: 'Building 12', kind: 'building', size: 30 }, known: 6, assessed: 5, supporters: 3, base: 30, majority: 16, stillNeeded: 13, leadersNeeded: 3 };
    const leaders = (s: StructureJson) => s.leaders.map((l) => [l.name, l.leads.map((m) => m.name)]);

    // Dee, a director, reads every tie and meeting: Aida (the rung), Alma (leads Arturo), Bea (leads Bruno); Abel
    // alone unled; 7 one-on-ones (Ana's 5 with members, Alma twice; Ben's 2).
    const dee = structureOf('dee');
    expect(dee).toMatchObject({ ...everyone, recentOneOnOnes: 7, unled: 1, leadersMissing: 0 });
    expect(leaders(dee)).toEqual([['Aida Flores', []], ['Alma Reyes', ['Arturo Soto']], ['Bea Castro', ['Bruno Vega']]]);

    // Ben reads his own ties and meetings only: Alma's 'leads' is Ana's, so Alma is no leader to him and Arturo unled.
    const ben = structureOf('ben');
    expect(ben).toMatchObject({ ...everyone, recentOneOnOnes: 2, unled: 3, leadersMissing: 1 });
    expect(leaders(ben)).toEqual([['Aida Flores', []], ['Bea Castro', ['Bruno Vega']]]);
    const benText = web.ok('ben', ['structure', '--unit', 'Building 12']);
    expect(benText).not.toMatch(/Alma Reyes leads|Arturo Soto/);
    expect(benText).toMatch(/Bea Castro leads 1: Bruno Vega/);

    // Lee leads Ana, not Ben: Ana's ties and meetings, none of Ben's (Bea's 'leads' is hidden from him).
    const lee = structureOf('lee');
    expect(lee).toMatchObject({ ...everyone, recentOneOnOnes: 5, unled: 3, leadersMissing: 1 });
    expect(leaders(lee)).toEqual([['Aida Flores', []], ['Alma Reyes', ['Arturo Soto']]]);
    expect(structureOf('ana')).toMatchObject({ recentOneOnOnes: 5, unled: 3, leaders: lee.leaders });
  });

  it('map --unit: the members and the people reached by ties the viewer may read, nobody reached only through a hidden one', async () => {
    const members = ['Abel Cruz', 'Aida Flores', 'Alma Reyes', 'Arturo Soto', 'Bea Castro', 'Bruno Vega'];
    const membersAt0 = members.map((name) => [name, 0]);
    const memberIds = members.map((name) => id.get(name)!).sort((a, b) => a - b);

    const dee = mapOf('dee', ['--unit', 'Building 12']);
    expect(dee.start).toMatchObject({ kind: 'unit', name: 'Building 12', people: memberIds });
    expect(peopleOf(dee)).toEqual(byName([...membersAt0, ['Berta Gil', 1], ['Xavier Nunez', 1], ['Yara Mendez', 1]]));
    expect(tiesOf(dee)).toEqual([
      'Alma Reyes family Xavier Nunez', 'Alma Reyes friend Bruno Vega', 'Alma Reyes leads Arturo Soto', 'Arturo Soto coworker Yara Mendez',
      'Bea Castro leads Bruno Vega', 'Bea Castro neighbor Berta Gil', 'Xavier Nunez friend Yara Mendez',
    ]);

    // Ben: the members (the team's), his own ties and Berta; Ana's ties, and Xavier and Yara whom only they reach, not.
    const ben = mapOf('ben', ['--unit', 'Building 12']);
    expect(ben.start).toMatchObject({ kind: 'unit', name: 'Building 12', people: memberIds });
    expect(peopleOf(ben)).toEqual(byName([...membersAt0, ['Berta Gil', 1]]));
    expect(tiesOf(ben)).toEqual(['Alma Reyes friend Bruno Vega', 'Bea Castro leads Bruno Vega', 'Bea Castro neighbor Berta Gil']);
    expect(ben.leftOut).toBe(0);
    const anasOwn = ['Xavier Nunez', 'Yara Mendez'];
    holdsNoneOf(web.ok('ben', ['map', '--unit', 'Building 12', '--json']), anasOwn, inJson, 'ben: map --unit --json');
    for (const plain of [[], ['--plain']]) {
      const tree = web.cli('ben', ['map', '--unit', 'Building 12', ...plain]);
      expect(tree.code, tree.stderr).toBe(0);
      holdsNoneOf(tree.stdout + tree.stderr, anasOwn, inTree, `ben: map --unit ${plain.join(' ')}`);
      expect(tree.stdout).toContain('Berta Gil');
      expect(tree.stderr).toMatch(/^7 people, 3 ties within 2 ties of the 6 people of Building 12\./m);
    }
    const dot = web.ok('ben', ['map', '--unit', 'Building 12', '--dot', '-']);
    holdsNoneOf(dot, anasOwn, inDot, 'ben: map --unit --dot -');
    expect(dot).toMatch(new RegExp(`\\bp${id.get('Berta Gil')}\\b`));
    expect(dot.match(/^ {2}p\d+ -> p\d+ /gm)).toHaveLength(3);

    // Lee: Ana's web whole, and Ben's tie with Alma (Ana's person); not Bea's, nor Berta, whom only Ben's ties reach.
    const lee = mapOf('lee', ['--unit', 'Building 12']);
    expect(peopleOf(lee)).toEqual(byName([...membersAt0, ['Xavier Nunez', 1], ['Yara Mendez', 1]]));
    expect(tiesOf(lee)).toEqual([
      'Alma Reyes family Xavier Nunez', 'Alma Reyes friend Bruno Vega', 'Alma Reyes leads Arturo Soto', 'Arturo Soto coworker Yara Mendez', 'Xavier Nunez friend Yara Mendez',
    ]);
    holdsNoneOf(web.ok('lee', ['map', '--unit', 'Building 12', '--dot', '-']), ['Berta Gil'], inDot, 'lee: map --unit --dot -');
  });

  it('map PERSON: the walk goes on only through ties the viewer may read, never through a teammate\'s', () => {
    // Bruno (Ben's) is Alma's friend by Ben's tie; Alma's own ties are Ana's. Within 2: Bea and Alma, then Berta; for
    // Dee also Arturo and Xavier, Alma's (Yara is 3 ties out).
    const dee = mapOf('dee', ['Bruno Vega']);
    expect(peopleOf(dee)).toEqual([['Alma Reyes', 1], ['Arturo Soto', 2], ['Bea Castro', 1], ['Berta Gil', 2], ['Bruno Vega', 0], ['Xavier Nunez', 2]]);
    expect(tiesOf(dee)).toEqual(['Alma Reyes family Xavier Nunez', 'Alma Reyes friend Bruno Vega', 'Alma Reyes leads Arturo Soto', 'Bea Castro leads Bruno Vega', 'Bea Castro neighbor Berta Gil']);

    const ben = mapOf('ben', ['Bruno Vega']);
    expect(ben.start).toMatchObject({ kind: 'person', id: id.get('Bruno Vega'), name: 'Bruno Vega' });
    expect(peopleOf(ben)).toEqual([['Alma Reyes', 1], ['Bea Castro', 1], ['Berta Gil', 2], ['Bruno Vega', 0]]);
    expect(tiesOf(ben)).toEqual(['Alma Reyes friend Bruno Vega', 'Bea Castro leads Bruno Vega', 'Bea Castro neighbor Berta Gil']);
    const beyond = ['Arturo Soto', 'Xavier Nunez', 'Yara Mendez'];
    holdsNoneOf(web.ok('ben', ['map', 'Bruno Vega', '--json']), beyond, inJson, 'ben: map Bruno --json');
    for (const plain of [[], ['--plain']]) {
      const tree = web.cli('ben', ['map', 'Bruno Vega', ...plain]);
      expect(tree.code, tree.stderr).toBe(0);
      holdsNoneOf(tree.stdout + tree.stderr, beyond, inTree, `ben: map Bruno ${plain.join(' ')}`);
      expect(tree.stderr).toMatch(/^4 people, 3 ties within 2 ties of Bruno Vega\./m);
    }
    holdsNoneOf(web.ok('ben', ['map', 'Bruno Vega', '--dot', '-']), beyond, inDot, 'ben: map Bruno --dot -');

    // Alma herself, a person Ben may see whose ties are Ana's: only Ben's tie with Bruno leads anywhere, however far.
    const alma = mapOf('ben', ['Alma Reyes', '--depth', '5']);
    expect(peopleOf(alma)).toEqual([['Alma Reyes', 0], ['Bea Castro', 2], ['Berta Gil', 3], ['Bruno Vega', 1]]);
    holdsNoneOf(web.ok('ben', ['map', 'Alma Reyes', '--depth', '5', '--json']), beyond, inJson, 'ben: map Alma --json');
    holdsNoneOf(web.ok('ben', ['map', 'Alma Reyes', '--depth', '5', '--dot', '-']), beyond, inDot, 'ben: map Alma --dot -');
    // Xavier, whom Ben may see by name, has no tie Ben may read.
    const xavier = web.cli('ben', ['map', 'Xavier Nunez']);
    expect(xavier.code, xavier.stderr).toBe(0);
    expect(xavier.stderr).toMatch(/^Xavier Nunez has no ties recorded yet\./m);
    expect(xavier.stdout + xavier.stderr).not.toMatch(/Alma Reyes|Yara Mendez/);
  });
});
