/**
 * `team import-local` brings the web of an organizer's own file with their people: assessments (where the server has
 * none), units, contacts and who knows whom, in the importer's name, and a second run brings nothing twice.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
let file: string;

interface Shown {
  person: { assessment: number };
  knows: { kind: string; other: { name: string }; direction: string | null; endedAt: string | null }[];
  places: { name: string; kind: string; size: number | null }[];
  touches: { by: string; note: string | null; touchedAt: string }[];
}

describe.skipIf(!socketDir)('team import-local brings the web too', () => {
  beforeAll(async () => {
    team = await teamServer('ilweb', 'iw');
    team.ok(undefined, ['team', 'init', 'Rosa Admin']);
    team.ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', team.login('ana')]);
    // On the server already: Maria, assessed 1 by the team.
    team.ok('ana', ['log', 'Maria Lopez', '--email', 'maria@example.org', '--note', 'met', '--assess', '1']);
    file = join(team.box.dir, 'mine.db');
    const mine = (args: string[]) => {
      const result = team.box.run(args, { env: { ONEONONE_DB: file } });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    };
    mine(['log', 'Maria Lopez', '--email', 'maria@example.org', '--note', 'met at the laundromat', '--assess', '3']);
    mine(['log', 'Juan Perez', '--note', 'met at the bus stop', '--assess', '2']);
    mine(['units', 'add', 'Building 12', '--kind', 'building', '--size', '40']);
    mine(['edit', 'juan', '--unit', 'Building 12']);
    mine(['edit', 'maria', '--unit', 'Building 12']);
    mine(['relate', 'maria', 'juan', '--as', 'leads']);
    mine(['relate', 'maria', 'juan', '--as', 'family']);
    mine(['unrelate', 'maria', 'juan', '--as', 'family']);
    mine(['touch', 'juan', '--by', 'door', '--note', 'not home', '--date', '2026-11-30 18:00']);
  });
  afterAll(() => team?.cleanup());

  it('assessments the server has not made, units, contacts and relationships land as the importer\'s; a second run brings nothing', () => {
    const first = team.ok('ana', ['team', 'import-local', file]);
    expect(first).toContain('With them: 1 assessment (1 the server had otherwise, kept), 2 unit memberships, 1 contact, 2 relationships.');
    const juan = JSON.parse(team.ok('ana', ['show', 'Juan Perez', '--json'])) as Shown;
    expect(juan.person.assessment).toBe(2);
    expect(juan.places).toEqual([expect.objectContaining({ name: 'Building 12', kind: 'building', size: 40 })]);
    expect(juan.touches).toEqual([expect.objectContaining({ by: 'door', note: 'not home' })]);
    expect(juan.knows.map((r) => [r.kind, r.other.name, r.direction, r.endedAt === null])).toEqual([['leads', 'Maria Lopez', 'led-by', true], ['family', 'Maria Lopez', null, false]]);
    const maria = JSON.parse(team.ok('ana', ['show', 'Maria Lopez', '--json'])) as Shown;
    expect(maria.person.assessment, 'the team\'s assessment stays').toBe(1);
    expect(maria.places.map((p) => p.name)).toEqual(['Building 12']);
    const again = team.ok('ana', ['team', 'import-local', file]);
    expect(again).toContain('With them: 0 assessments (1 the server had otherwise, kept), 0 unit memberships, 0 contacts, 0 relationships.');
    expect((JSON.parse(team.ok('ana', ['show', 'Juan Perez', '--json'])) as Shown).touches).toHaveLength(1);
  });
});
