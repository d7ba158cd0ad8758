/**
 * `oneonone doctor` on real installs: each problem made to happen (a file others can read, a broken guide, an old or
 * damaged database, a copy that still holds people, a missing compiled engine, a stopped server, a meeting waiting to
 * be sent), said in one line with what to do, and exit 0 once all is well. Doctor itself changes nothing.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, psql, urlFor } from '../support/postgres.js';
import { installWithBrokenAddon } from './broken-addon.js';
import { ROOT, sandbox, type RunResult, type Sandbox } from './helpers.js';

let box: Sandbox;
afterEach(() => box?.cleanup());

/** A sandbox on a local file whatever the run's engine (this suite is about both, chosen per test). */
function fileBox(): Sandbox {
  box = sandbox();
  box.env.ONEONONE_DB = join(box.dir, 'data', 'oneonone.db');
  box.db = box.env.ONEONONE_DB;
  return box;
}

const lines = (result: RunResult) => result.stdout.trimEnd().split('\n');
const problems = (result: RunResult) => lines(result).filter((line) => line.startsWith('problem  '));

function logged(name = 'Ana Ruiz'): void {
  const result = box.run(['log', name, '--note', 'wants a crosswalk on Elm']);
  expect(result.code, result.stderr).toBe(0);
}

/** Every file under the sandbox, with its size and modification time: what doctor must leave as it found it. */
function snapshot(dir = box.dir): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => `${file} ${statSync(file).size} ${statSync(file).mtimeMs} ${(statSync(file).mode & 0o777).toString(8)}`)
    .sort();
}

function expectHealthy(result: RunResult): void {
  expect(result.stderr).toBe('All is well.\n');
  expect(result.code).toBe(0);
  for (const line of lines(result)) expect(line).toMatch(/^ok {7}\S/);
}

/** One problem, in one line, with what to do after the semicolon; exit 1 and the count on stderr. */
function expectOneProblem(result: RunResult, says: RegExp): string {
  expect(problems(result), result.stdout).toHaveLength(1);
  const [line] = problems(result);
  expect(line).toMatch(says);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('oneonone: 1 problem to fix: each is a line above, with what to do\n');
  return line!;
}

describe('doctor on a healthy install', () => {
  it('with no database yet: says where it will be made, exits 0, and creates nothing, not even a folder', () => {
    fileBox();
    const before = readdirSync(box.dir, { recursive: true });
    const result = box.run(['doctor']);
    expectHealthy(result);
    expect(result.stdout).toContain(`ok       no database yet: the first meeting you record (oneonone log or oneonone start) makes it at ${box.db}\n`);
    expect(result.stdout).toMatch(/^ok {7}Node v\d+\.\d+\.\d+ \(oneonone needs 20\.19 or later\)$/m);
    expect(result.stdout).toContain(`ok       the SQLite engine is built for this Node (${process.version})\n`);
    expect(readdirSync(box.dir, { recursive: true })).toEqual(before);
  });

  it('with a database: every check ok, one line each, and the files left exactly as they were (no -wal, no -shm)', () => {
    fileBox();
    logged();
    const before = snapshot();
    const result = box.run(['doctor']);
    expectHealthy(result);
    expect(lines(result)).toEqual([
      expect.stringMatching(/^ok {7}Node /),
      `ok       the SQLite engine is built for this Node (${process.version})`,
      `ok       no config file (the defaults apply; oneonone config set … writes ${join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'config.yaml')})`,
      `ok       database ${box.db}`,
      `ok       the folder ${dirname(box.db)} is yours alone (0700)`,
      'ok       oneonone.db is yours alone (0600)',
      expect.stringMatching(/^ok {7}schema \d+, as this oneonone expects$/),
      "ok       the file passes SQLite's integrity check",
      'ok       no copy beside the database holds anyone',
      expect.stringMatching(/^ok {7}4 meeting guides load \(none of your own, in .*\/xdg-config\/oneonone\/templates\)$/),
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('--json prints the checks, each with its status, words and fix', () => {
    fileBox();
    logged();
    const result = box.run(['doctor', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { check: string; status: string; says: string; fix: string | null }[] };
    expect(report.ok).toBe(true);
    expect(report.checks.map(({ check }) => check)).toEqual(['node', 'sqlite-engine', 'config', 'database', 'folder', 'file-mode', 'schema', 'integrity', 'copies', 'templates']);
    expect(report.checks.every(({ status, fix }) => status === 'ok' && fix === null)).toBe(true);
    chmodSync(box.db, 0o644);
    const sick = box.run(['doctor', '--json']);
    expect(sick.code).toBe(1);
    const worse = JSON.parse(sick.stdout) as typeof report;
    expect(worse.ok).toBe(false);
    expect(worse.checks.find(({ status }) => status === 'problem')).toEqual({
      check: 'file-mode', status: 'problem', says: `${box.db} can be read by others (mode 0644)`, fix: `chmod 600 ${box.db}`,
    });
    expect(sick.stderr).toBe('oneonone: 1 problem to fix: each check with "status": "problem" says what to do in "fix"\n');
  });
});

describe('doctor says each problem in one line, with what to do', () => {
  it('a backup saved in the database\'s folder; not the outbox, nor files of other programs', () => {
    fileBox();
    logged();
    const backup = join(dirname(box.db), 'oneonone-2026-12-01.db');
    expect(box.run(['backup', backup]).code).toBe(0);
    writeFileSync(join(dirname(box.db), 'notes.txt'), 'not a database');
    const other = new Database(join(dirname(box.db), 'other-program.db'));
    other.exec('CREATE TABLE people (name TEXT)');
    other.prepare(`INSERT INTO people VALUES ('Someone')`).run();
    other.close();
    const line = expectOneProblem(box.run(['doctor']), /still holds/);
    expect(line).toBe(`problem  ${backup} (a oneonone database in the same folder, such as a backup) still holds 1 person; delete it once you no longer need it: rm ${backup}`);
  });

  it('a database file others can read (0644), and once fixed as it says, all is well', () => {
    fileBox();
    logged();
    chmodSync(box.db, 0o644);
    const line = expectOneProblem(box.run(['doctor']), /can be read by others/);
    expect(line).toBe(`problem  ${box.db} can be read by others (mode 0644); chmod 600 ${box.db}`);
    expect(spawnSync('sh', ['-c', line.split('; ')[1]!]).status).toBe(0);
    expectHealthy(box.run(['doctor']));
  });

  it('a folder others can open (0755)', () => {
    fileBox();
    logged();
    chmodSync(dirname(box.db), 0o755);
    const line = expectOneProblem(box.run(['doctor']), /folder/);
    expect(line).toBe(`problem  the folder ${dirname(box.db)} can be opened by others (mode 0755), and it holds the record and its copies; chmod 700 ${dirname(box.db)}`);
  });

  it('a -wal file others can read, while another program has the database open (read in place, nothing added)', () => {
    fileBox();
    logged();
    const open = new Database(box.db);
    try {
      open.pragma('journal_mode = WAL');
      open.prepare(`UPDATE people SET notes = 'x'`).run();
      chmodSync(`${box.db}-wal`, 0o644);
      const before = readdirSync(dirname(box.db)).sort();
      const result = box.run(['doctor']);
      expectOneProblem(result, new RegExp(`^problem  ${box.db}-wal can be read by others \\(mode 0644\\); chmod 600 ${box.db}-wal$`));
      expect(result.stdout).toContain("ok       the file passes SQLite's integrity check\n");
      expect(readdirSync(dirname(box.db)).sort()).toEqual(before);
    } finally {
      open.close();
    }
  });

  it.skipIf(process.getuid?.() !== 0)('a database of another user, which this one cannot read (run as nobody)', () => {
    fileBox();
    logged();
    for (const folder of [box.dir, join(box.dir, 'data')]) chmodSync(folder, 0o755);
    const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, join(ROOT, 'bin/oneonone.js'), 'doctor'], { env: box.env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('problem'))).toEqual([
      `problem  the folder ${dirname(box.db)} can be opened by others (mode 0755), and it holds the record and its copies; chmod 700 ${dirname(box.db)}`,
      `problem  ${box.db} belongs to another user (uid 0), so oneonone cannot rely on it being yours alone; if it is your record, take it back: sudo chown "$(id -un)" ${box.db}`,
      `problem  cannot read the database ${box.db}: permission denied; check that the file and its folder are yours to read (ls -l)`,
    ]);
  });

  it('a meeting guide of the organizer that does not load, named with its file', () => {
    fileBox();
    const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
    mkdirSync(templates, { recursive: true });
    copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
    writeFileSync(join(templates, 'broken.yaml'), 'name: broken\ntitle: [unclosed\n');
    const result = box.run(['doctor']);
    expectOneProblem(result, new RegExp(`^problem  template broken\\.yaml: .*; skipped it: fix or remove ${join(templates, 'broken.yaml')}$`));
    expect(result.stdout).toMatch(/^ok {7}5 meeting guides load \(1 of your own, in .*\)$/m);
  });

  it('an old schema, and doctor neither upgrades it nor keeps a copy', () => {
    fileBox();
    mkdirSync(dirname(box.db), { mode: 0o700 });
    copyFileSync(join(ROOT, 'test/fixtures/schema-v1.db'), box.db);
    chmodSync(box.db, 0o600);
    const bytes = readFileSync(box.db);
    expectOneProblem(
      box.run(['doctor']),
      /^problem {2}the database is at schema 1; this oneonone uses \d+; any oneonone command upgrades it, keeping a copy of it as it was first, e\.g\. oneonone people$/,
    );
    expect(readFileSync(box.db).equals(bytes)).toBe(true);
    expect(readdirSync(dirname(box.db))).toEqual(['oneonone.db']);
  });

  it('a damaged file', () => {
    fileBox();
    logged();
    const bytes = readFileSync(box.db);
    bytes.fill(0x41, 4096 * 3, 4096 * 6);
    writeFileSync(box.db, bytes);
    expectOneProblem(box.run(['doctor']), /^problem {2}the database is damaged: .+; restore your latest backup: oneonone restore FILE/);
  });

  it('a file that is not a SQLite database at all', () => {
    fileBox();
    mkdirSync(dirname(box.db), { mode: 0o700 });
    writeFileSync(box.db, 'these are my notes, not a database\n', { mode: 0o600 });
    expectOneProblem(box.run(['doctor']), new RegExp(`^problem  ${box.db} is not a oneonone database: it is not a SQLite database; check the --db path`));
  });

  it('a database path that is a folder', () => {
    fileBox();
    mkdirSync(box.db, { recursive: true, mode: 0o700 });
    expectOneProblem(box.run(['doctor']), new RegExp(`^problem  the database ${box.db} is a folder, not a file; give the path of a file`));
  });

  it('a config file that is refused: named at its line with the fix, and the database it may name not guessed at', () => {
    fileBox();
    delete box.env.ONEONONE_DB;
    const config = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'config.yaml');
    mkdirSync(dirname(config), { recursive: true, mode: 0o700 });
    writeFileSync(config, 'minutes: 45\nminuts: 30\n', { mode: 0o600 });
    const result = box.run(['doctor']);
    expectOneProblem(result, new RegExp(`^problem  config file ${config.replaceAll('/', '\\/')}, line 2: 'minuts' is not a setting`));
    expect(result.stdout).toMatch(/^skipped  the database: not checked, as the config file that may name it is refused/m);
    // Named another way, the database is checked as ever.
    expect(box.run(['doctor', '--db', join(box.dir, 'data', 'oneonone.db')]).stdout).toMatch(/^ok {7}no database yet/m);
  });

  it("a config file's guide that is not a meeting guide", () => {
    fileBox();
    const config = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'config.yaml');
    mkdirSync(dirname(config), { recursive: true, mode: 0o700 });
    writeFileSync(config, 'minutes: 45\ntemplate: agneda\n', { mode: 0o600 });
    expectOneProblem(box.run(['doctor']), new RegExp(`^problem  config file ${config.replaceAll('/', '\\/')}, line 2: template 'agneda' is not a meeting guide oneonone has; oneonone templates lists them`));
    writeFileSync(config, 'minutes: 45\ntemplate: agenda\n', { mode: 0o600 });
    expectHealthy(box.run(['doctor']));
  });

  it('a copy kept beside the database that still holds people; gone once deleted as it says', () => {
    fileBox();
    mkdirSync(dirname(box.db), { mode: 0o700 });
    copyFileSync(join(ROOT, 'test/fixtures/schema-v1.db'), box.db);
    chmodSync(box.db, 0o600);
    expect(box.run(['people']).code).toBe(0); // upgrades it, keeping a copy of the schema-1 file beside it
    const [copy] = readdirSync(dirname(box.db)).filter((name) => name.startsWith('oneonone.db.before-v'));
    // Counted in the copy: opening the fixture itself, even read only, would leave its -wal and -shm in the repository.
    const held = (new Database(join(dirname(box.db), copy!), { readonly: true }).prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
    const line = expectOneProblem(box.run(['doctor']), /still holds/);
    const path = join(dirname(box.db), copy!);
    expect(line).toBe(`problem  ${path} (kept before an upgrade) still holds ${held} people; delete it once you no longer need it: rm ${path}`);
    rmSync(path);
    expectHealthy(box.run(['doctor']));
  });

  it('a restore that stopped halfway leaves its temp file, and doctor names it', () => {
    fileBox();
    logged();
    const backup = join(box.dir, 'backup.db');
    expect(box.run(['backup', backup]).code).toBe(0);
    const left = join(dirname(box.db), '.oneonone.db.restoring-4242');
    copyFileSync(backup, left);
    chmodSync(left, 0o600);
    expectOneProblem(box.run(['doctor']), new RegExp(`^problem  ${left} \\(left by a restore that stopped halfway\\) still holds 1 person; .*rm ${left}$`));
  });
});


describe('doctor without the compiled SQLite engine', () => {
  const install = installWithBrokenAddon('missing');
  afterAll(() => rmSync(install, { recursive: true, force: true }));

  it('still runs: says so in one line with the fix, checks what needs no engine, and skips the rest in words', () => {
    fileBox();
    logged();
    chmodSync(box.db, 0o644);
    const result = spawnSync(process.execPath, [join(install, 'bin/oneonone.js'), 'doctor'], { env: box.env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('problem'))).toEqual([
      // The fix is native-addon.ts's own (the command for where this copy was installed).
      expect.stringMatching(new RegExp(`^problem  the SQLite engine is not built for this Node \\(${process.version.replaceAll('.', '\\.')}\\); run .*npm rebuild better-sqlite3$`)),
      `problem  ${box.db} can be read by others (mode 0644); chmod 600 ${box.db}`,
    ]);
    expect(result.stdout).toMatch(/^ok {7}Node v/m);
    for (const what of ['its schema', 'its integrity', 'the copies beside it']) {
      expect(result.stdout).toContain(`skipped  ${what}: not checked, as the SQLite engine does not load (see above)\n`);
    }
    expect(result.stderr).toBe('oneonone: 2 problems to fix: each is a line above, with what to do\n');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Require stack|bindings/);
  });
});

const cluster = process.env.ONEONONE_TEST_PG;

describe('doctor with a team server', () => {
  /** A URL to a socket folder where nothing listens: a stopped server, as a client sees it. */
  function stoppedServer(): string {
    const sockets = join(box.dir, 'no-server');
    mkdirSync(sockets);
    return urlFor(sockets, 'oneonone');
  }

  it('a stopped server, said in one line with what to check; the schema is not checked, in words', () => {
    fileBox();
    const url = stoppedServer();
    const result = box.run(['doctor', '--db', url]);
    expectOneProblem(result, new RegExp(`^problem  cannot reach the PostgreSQL server at .*no-server; is it running, and is the host, port or socket folder right\\?$`));
    expect(result.stdout).toContain('skipped  its schema: not checked, the server cannot be reached\n');
    expect(result.stdout).toContain('ok       nothing waits on this computer to be sent to the server\n');
  });

  it('a meeting waiting on this computer to be sent, which doctor does not send', () => {
    fileBox();
    const url = stoppedServer();
    box.env.ONEONONE_DB = url;
    expect(box.run(['log', 'Ana Ruiz', '--note', 'kept here']).code).toBe(0); // kept in the outbox: the server is down
    const outbox = readdirSync(join(box.env.XDG_DATA_HOME!, 'oneonone')).filter((name) => name.startsWith('outbox-'));
    expect(outbox).toHaveLength(1);
    const before = snapshot();
    for (let twice = 0; twice < 2; twice++) {
      const result = box.run(['doctor']);
      expect(result.code).toBe(1);
      expect(problems(result)).toEqual([
        expect.stringMatching(/^problem {2}cannot reach the PostgreSQL server/),
        'problem  1 meeting waits on this computer to be sent to the server; the next command that reaches the server sends it, or now: oneonone push',
      ]);
      expect(result.stdout).toContain(`ok       ${outbox[0]} is yours alone (0600)\n`);
    }
    expect(snapshot()).toEqual(before);
  });

  it.skipIf(!cluster)('a reachable server with a current schema: all is well', () => {
    fileBox();
    const url = freshDatabase(cluster!, 'doctor');
    try {
      box.env.ONEONONE_DB = url;
      logged();
      const result = box.run(['doctor']);
      expectHealthy(result);
      expect(result.stdout).toContain(`ok       the server at ${url} answers\n`);
      expect(result.stdout).toMatch(/^ok {7}schema \d+, as this oneonone expects$/m);
    } finally {
      psql(cluster!, `DROP DATABASE IF EXISTS ${/\/([^/?]+)\?/.exec(url)![1]} WITH (FORCE)`);
    }
  });

  it.skipIf(!cluster)('an empty database on the server is not a problem, and doctor does not make the schema', () => {
    fileBox();
    const url = freshDatabase(cluster!, 'doctor');
    const name = /\/([^/?]+)\?/.exec(url)![1]!;
    try {
      const result = box.run(['doctor', '--db', url]);
      expectHealthy(result);
      expect(result.stdout).toContain('ok       no schema yet: the first command that writes makes it\n');
      expect(psql(cluster!, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`, name)).toBe('0');
    } finally {
      psql(cluster!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it.skipIf(!cluster)('a server whose schema is behind, which doctor leaves behind', () => {
    fileBox();
    const url = freshDatabase(cluster!, 'doctor');
    const name = /\/([^/?]+)\?/.exec(url)![1]!;
    try {
      box.env.ONEONONE_DB = url;
      logged();
      const steps = psql(cluster!, 'SELECT name FROM oneonone_migrations ORDER BY name', name).split('\n');
      const [latest, before] = [steps.at(-1)!, steps.at(-2)!].map((step) => Number.parseInt(step, 10));
      psql(cluster!, `DELETE FROM oneonone_migrations WHERE name = '${steps.at(-1)}'`, name);
      expectOneProblem(
        box.run(['doctor']),
        new RegExp(`^problem  the record on the server is at schema ${before}; this oneonone uses ${latest}; any oneonone command upgrades it, e\\.g\\. oneonone people$`),
      );
      expect(psql(cluster!, 'SELECT count(*) FROM oneonone_migrations', name)).toBe(String(steps.length - 1));
    } finally {
      psql(cluster!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});

describe('doctor and colour', () => {
  it('colours the status words only where colour is allowed; the words are there either way', () => {
    fileBox();
    logged();
    chmodSync(box.db, 0o644);
    const coloured = box.run(['doctor'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[3\dm(\u001b\[1m)?problem/);
    expect(coloured.stdout).toMatch(/\u001b\[32mok/);
    for (const plain of [box.run(['doctor']), box.run(['doctor', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })]) {
      expect(plain.stdout).not.toContain('\u001b[');
      expect(plain.stdout).toMatch(/^problem  /m);
    }
  });
});

it('the database path is never made by doctor, even under a folder that does not exist yet', () => {
  fileBox();
  const deep = join(box.dir, 'not', 'yet', 'there.db');
  const result = box.run(['doctor', '--db', deep]);
  expectHealthy(result);
  expect(existsSync(join(box.dir, 'not'))).toBe(false);
});
