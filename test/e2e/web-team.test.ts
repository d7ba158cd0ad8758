/**
 * Who knows whom on a team server, with a login per organizer: a relationship is read as a meeting is (by whoever
 * recorded it, owns or has met either person, their lead, a director) and written in one's own name, whatever SQL a
 * login runs; units and who belongs to them are the team's. Skipped where PostgreSQL is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
