// The weekly review against `stats` on the same team: the generated database loaded into a private PostgreSQL server
// (a copy of its own, since `team init` changes it), made a team of five organizers among whom its people, meetings,
// asks and ladder moves are dealt, then `team week --weeks 8` and `stats` timed as the same admin login, who reads
// every row either way.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { benchServer } from './postgres.mjs';

/** The target: the review at most 1.5 times what `stats` takes on the same data. */
export const TEAM_WEEK_TARGET = 1.5;
const ORGANIZERS = ['Ana Ruiz', 'Ben Ortiz', 'Cy Young', 'Dot Chen', 'Eve Park'];

/** One scenario per database; each measures itself with run.mjs's timePairs. */
export function teamWeekScenarios({ databases, oneonone, env, runs }) {
  return ['small', 'large'].map((role) => ({
    id: `team-week-${role}`,
    name: `team week --weeks 8 on PostgreSQL (${role})`,
    target: TEAM_WEEK_TARGET,
    reference: 'stats, same server',
    measure: async (timePairs) => {
      const server = await benchServer(databases[role]);
      if (!server) return { status: 'skipped', detail: 'PostgreSQL is not installed (apt-get install postgresql)' };
      try {
        await makeTeam(server.url, oneonone, env);
        const scenario = { ours: oneonone('--db', server.url, 'team', 'week', '--weeks', '8'), ref: oneonone('--db', server.url, 'stats'), target: TEAM_WEEK_TARGET };
        return await timePairs(scenario, role === 'large' ? Math.min(runs, 5) : runs);
      } finally {
        server.stop();
      }
    },
  }));
}

async function makeTeam(url, oneonone, env) {
  const cli = (...args) => {
    const [file, ...rest] = oneonone('--db', url, ...args);
    const result = spawnSync(file, rest, { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`oneonone ${args.join(' ')}: ${result.stderr.trim()}`);
  };
  cli('team', 'init', 'Rosa Admin');
  for (const [i, name] of ORGANIZERS.entries()) cli('team', 'add', name, '--role', 'organizer', '--login', `bench_organizer_${i}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Triggers off: this deals the rows out, it changes nothing the figures or the journal keep.
    await client.query('SET session_replication_role = replica');
    const dealt = (column) => `(SELECT id FROM organizers WHERE login = 'bench_organizer_' || (${column} % ${ORGANIZERS.length}))`;
    await client.query(`UPDATE people SET owner_id = ${dealt('id')}`);
    await client.query(`UPDATE meetings SET organizer_id = ${dealt('person_id')}`);
    await client.query(`UPDATE asks SET owner_id = ${dealt('person_id')}`);
    await client.query(`UPDATE followups SET owner_id = ${dealt('person_id')}`);
    await client.query(`UPDATE rung_changes SET organizer_id = ${dealt('person_id')}`);
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
