// The power map on the bench's large record (100,000 people, bench/generate.mjs's web): `map` around the person with
// the most ties and around a unit of about 450 known, the tree, --json and --svg, each the median of the runs after a
// warm one, against a target of 500 ms. With --postgres, the same on the bench's loaded PostgreSQL server too.
//
//   npm run build && node bench/map.mjs [--scale large|medium|small] [--runs N] [--postgres]
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ROOT, cachedDatabase } from './generate.mjs';
import { median, runOnce, scratchDir } from './lib/measure.mjs';

export const MAP_TARGET_MS = 500;

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const scale = option('--scale', 'large');
const runs = Number(option('--runs', '7'));
const oneonone = (...words) => [process.execPath, join(ROOT, 'bin', 'oneonone.js'), ...words];

/** The person with the most open ties (relationships either way, referrals either way): the map's worst case. */
function busiest(file) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`
      SELECT id, count(*) AS ties FROM (
        SELECT person_id AS id FROM relationships WHERE ended_at IS NULL UNION ALL SELECT other_id FROM relationships WHERE ended_at IS NULL
        UNION ALL SELECT referred_by FROM people WHERE referred_by IS NOT NULL UNION ALL SELECT id FROM people WHERE referred_by IS NOT NULL)
      GROUP BY id ORDER BY ties DESC, id LIMIT 1`).get();
  } finally {
    db.close();
  }
}

/** The scenarios: [name, the words after --db]. The SVG goes to a scratch file, as an organizer would write it. */
function scenarios(scratch, person) {
  return [
    [`map #${person} (${scale})`, ['map', `#${person}`]],
    [`map #${person} --depth 3 (${scale})`, ['map', `#${person}`, '--depth', '3']],
    [`map #${person} --json (${scale})`, ['map', `#${person}`, '--json']],
    [`map #${person} --svg (${scale})`, ['map', `#${person}`, '--svg', join(scratch, 'person.svg')]],
    [`map --unit "Building 1" (${scale})`, ['map', '--unit', 'Building 1']],
    [`map --unit "Building 1" --depth 1 (${scale})`, ['map', '--unit', 'Building 1', '--depth', '1']],
    [`map --unit "Building 1" --svg (${scale})`, ['map', '--unit', 'Building 1', '--svg', join(scratch, 'unit.svg')]],
  ];
}

async function timeAll(db, label, env, scratch, person) {
  const results = [];
  for (const [name, words] of scenarios(scratch, person)) {
    const command = oneonone('--db', db, ...words);
    const warm = await runOnce(command, { env, stdout: 'pipe' });
    if (warm.code !== 0) {
      results.push({ engine: label, name, failed: warm.stderr });
      continue;
    }
    const times = [];
    for (let i = 0; i < runs; i++) times.push((await runOnce(command, { env, stdout: 'pipe' })).ms);
    const ms = median(times);
    results.push({ engine: label, name, ms: Math.round(ms), holds: ms <= MAP_TARGET_MS, samples: times.map(Math.round) });
  }
  return results;
}

const { file } = await cachedDatabase(scale);
const { dir: scratch, cleanup } = scratchDir('oneonone-bench-map-');
process.on('exit', cleanup);
const env = { PATH: process.env.PATH, HOME: scratch, NO_COLOR: '1', LANG: 'C.UTF-8', TZ: 'UTC', XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data') };
const { id: person, ties } = busiest(file);
process.stderr.write(`${scale}: ${file}; the busiest person is #${person}, with ${ties} ties\n`);
const results = await timeAll(file, 'sqlite', env, scratch, person);
if (argv.includes('--postgres')) {
  const { benchServer } = await import('./lib/postgres.mjs');
  const server = await benchServer(file);
  if (!server) process.stderr.write('PostgreSQL is not installed: the server side was not timed\n');
  else {
    try {
      results.push(...(await timeAll(server.url, 'postgres', env, scratch, person)));
    } finally {
      server.stop();
    }
  }
}
for (const r of results) {
  process.stdout.write(r.failed ? `${r.engine.padEnd(8)} ${r.name}: FAILED ${r.failed}\n`
    : `${r.engine.padEnd(8)} ${r.name.padEnd(44)} ${String(r.ms).padStart(5)} ms ${r.holds ? 'ok' : `over ${MAP_TARGET_MS} ms`}  [${r.samples.join(' ')}]\n`);
}
process.exitCode = results.every((r) => r.holds) ? 0 : 1;
