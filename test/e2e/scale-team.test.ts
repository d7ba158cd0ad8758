/**
 * A team's words for the assessment scale are an admin's to change, whatever SQL a member runs, and every member
 * reads them; a team made before the scale could be renamed gets the same guard from the migration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_ON_EXISTING_TEAM } from '../../src/store/postgres/team.js';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;

describe.skipIf(!socketDir)('the assessment scale on a team server', () => {
  beforeAll(async () => {
    team = await teamServer('scaleteam', 's');
    team.ok(undefined, ['team', 'init', 'Rosa Admin']);
    team.ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', team.login('ana')]);
    team.ok(undefined, ['team', 'add', 'Dee Diaz', '--role', 'director', '--login', team.login('dee')]);
    team.ok(undefined, ['team', 'add', 'Ada Min', '--role', 'admin', '--login', team.login('ada')]);
    team.ok('ana', ['log', 'Maria Lopez', '--note', 'met at the laundromat', '--assess', '2']);
  });
  afterAll(() => team?.cleanup());

  it('an organizer or a director is refused by the database, by the CLI or raw SQL; an admin renames it for everyone', async () => {
    for (const who of ['ana', 'dee']) {
      const refused = team.cli(who, ['scale', 'rename', '2', 'leaning yes']);
      expect(refused.code).toBe(1);
      expect(refused.stderr.split('\n')[0]).toBe("oneonone: only an admin can change the team's words for the assessment scale");
      await expect(team.raw(who, `INSERT INTO settings (key, value) VALUES ('assessment-scale', '{"2":"mine"}')`)).rejects.toThrow(/only an admin can change/);
    }
    team.ok('ada', ['scale', 'rename', '2', 'leaning yes']);
    expect(team.ok('ana', ['show', 'Maria Lopez']).split('\n')[0]).toMatch(/assessed 2 \(leaning yes\)$/);
    await expect(team.raw('ana', `UPDATE settings SET value = '{}' WHERE key = 'assessment-scale'`)).rejects.toThrow(/only an admin can change/);
    await expect(team.raw('ana', `DELETE FROM settings WHERE key = 'assessment-scale'`)).rejects.toThrow(/only an admin can change/);
    // The sensitive words stay guarded, with their own words.
    await expect(team.raw('ana', `INSERT INTO settings (key, value) VALUES ('team-sensitive-words', '[]')`)).rejects.toThrow(/only an admin can change the team's sensitive words/);
    // Any other setting is anyone's.
    await team.raw('ana', `INSERT INTO settings (key, value) VALUES ('scratch', '1')`);
  });

  it('the migration gives a team made before it the same guard, and running it again changes nothing', async () => {
    await team.raw(undefined, SCALE_ON_EXISTING_TEAM);
    await team.raw(undefined, SCALE_ON_EXISTING_TEAM);
    await expect(team.raw('ana', `UPDATE settings SET value = '{"2":"x"}' WHERE key = 'assessment-scale'`)).rejects.toThrow(/only an admin can change the team's words/);
    expect(team.ok('ada', ['scale', 'reset'])).toBe('');
    expect(JSON.parse(team.ok('dee', ['scale', '--json']))[2].words).toBe('leaning supporter');
  });
});
