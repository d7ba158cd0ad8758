import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInPty } from './pty.js';
import { sandbox, type RunResult, type Sandbox } from './helpers.js';

/**
 * Issue 17, the config file: what the organizer sets once, and the order in which a value is chosen (a flag, then
 * the environment, then the file, then the default), and every way the file can be wrong, refused at its line.
 * Every run here leaves ONEONONE_DB out unless the test sets it, so the file's db can be seen to apply.
 */

let box: Sandbox;
let file: string;
const NO_DB = { ONEONONE_DB: undefined };

beforeEach(() => {
  box = sandbox();
  file = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'config.yaml');
});
afterEach(() => box.cleanup());

function writeConfig(text: string): void {
  mkdirSync(join(box.env.XDG_CONFIG_HOME!, 'oneonone'), { recursive: true });
  writeFileSync(file, text);
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): RunResult {
  return box.run(args, { env: { ...NO_DB, ...env } });
}

interface Row {
  key: string;
  value: unknown;
  source: string;
  from: string | null;
  line: number | null;
}

type Key = 'db' | 'language' | 'template' | 'minutes' | 'cadence' | 'weekly-goal' | 'count-questions';

function settings(env: NodeJS.ProcessEnv = {}, args: string[] = []): Record<Key, Row> {
  const result = run([...args, 'config', 'list', '--json'], env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return Object.fromEntries((JSON.parse(result.stdout) as Row[]).map((row) => [row.key, row])) as Record<Key, Row>;
}

function meetings(db: string): { template: string; planned_minutes: number }[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare('SELECT template, planned_minutes FROM meetings ORDER BY id').all() as { template: string; planned_minutes: number }[];
  } finally {
    handle.close();
  }
}

/** One refusal: exit 1 (or 2), one `oneonone:` line naming where, one hint, nothing on stdout, no stack trace. */
function expectRefusal(result: RunResult, where: string, what: RegExp, code = 1): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^oneonone: /);
  expect(lines[0]).toContain(where);
  expect(lines[0]).toMatch(what);
  expect(lines[1]).toMatch(/^hint: \S/);
}

describe('which value applies: a flag, then the environment, then the config file, then the default', () => {
  it('the database: --db beats ONEONONE_DB beats the file beats the XDG data folder, and a command writes there', () => {
    const [flagDb, envDb, fileDb] = ['flag.db', 'env.db', 'file.db'].map((name) => join(box.dir, name)) as [string, string, string];
    const defaultDb = join(box.env.XDG_DATA_HOME!, 'oneonone', 'oneonone.db');
    expect(settings().db).toMatchObject({ value: defaultDb, source: 'default' });
    writeConfig(`# where my record lives\ndb: ${fileDb}\n`);
    expect(settings().db).toMatchObject({ value: fileDb, source: 'config file', from: file, line: 2 });
    expect(settings({ ONEONONE_DB: envDb }).db).toMatchObject({ value: envDb, source: 'environment', from: 'ONEONONE_DB' });
    expect(settings({ ONEONONE_DB: envDb }, ['--db', flagDb]).db).toMatchObject({ value: flagDb, source: 'flag' });

    expect(run(['log', 'Ana Ruiz']).code).toBe(0);
    expect(run(['log', 'Bo Chen'], { ONEONONE_DB: envDb }).code).toBe(0);
    expect(run(['--db', flagDb, 'log', 'Cy Diaz'], { ONEONONE_DB: envDb }).code).toBe(0);
    expect([fileDb, envDb, flagDb].map((db) => meetings(db).length)).toEqual([1, 1, 1]);
    expect(existsSync(defaultDb)).toBe(false);
  });

  it('a db of ~/… in the file is under the home folder', () => {
    writeConfig('db: ~/organizing/oneonone.db\n');
    expect(settings().db.value).toBe(join(box.dir, 'organizing', 'oneonone.db'));
  });

  it("log's guide and length: --template/--minutes beat ONEONONE_TEMPLATE/ONEONONE_MINUTES beat the file beat agenda at its own length", () => {
    const db = join(box.dir, 'record.db');
    const log = (args: string[], env: NodeJS.ProcessEnv = {}) => expect(run(['--db', db, 'log', 'Ana Ruiz', ...args], env).stderr).not.toMatch(/^oneonone:/m);
    log([]);
    writeConfig('template: six-steps\nminutes: 50\n');
    log([]);
    log([], { ONEONONE_TEMPLATE: 'agenda', ONEONONE_MINUTES: '40' });
    log(['--template', 'six-steps', '--minutes', '25'], { ONEONONE_TEMPLATE: 'agenda', ONEONONE_MINUTES: '40' });
    expect(meetings(db)).toEqual([
      { template: 'agenda', planned_minutes: 60 },
      { template: 'six-steps', planned_minutes: 50 },
      { template: 'agenda', planned_minutes: 40 },
      { template: 'six-steps', planned_minutes: 25 },
    ]);
  });

  it('config list says where the template and minutes come from', () => {
    writeConfig('template: six-steps\nminutes: 50\n');
    const from = settings({ ONEONONE_MINUTES: '40' });
    expect(from.template).toMatchObject({ value: 'six-steps', source: 'config file', line: 1 });
    expect(from.minutes).toMatchObject({ value: 40, source: 'environment', from: 'ONEONONE_MINUTES' });
    const shown = run(['config', 'list'], { ONEONONE_MINUTES: '40' });
    expect(shown.stdout).toMatch(/template\s+│ six-steps\s+│ config file, line 1/);
    expect(shown.stdout).toMatch(/minutes\s+│ 40\s+│ environment \(ONEONONE_MINUTES\)/);
    expect(run(['config', 'get', 'minutes']).stdout).toBe('50\n');
  });

  it("start takes the file's guide and length without asking for them", async () => {
    writeConfig('template: six-steps\nminutes: 30\n');
    const env = { ...box.env, ONEONONE_DB: join(box.dir, 'record.db') };
    expect(run(['log', 'Ana Ruiz', '--template', 'agenda'], { ONEONONE_DB: env.ONEONONE_DB }).code).toBe(0);
    const { code, screen } = await runInPty(['start', 'Ana Ruiz', '-g', 'recruitment', '--plan-ask', 'come on thursday'], env, [
      { waitFor: 'Start the first phase now?', send: 'n\r' },
    ]);
    expect(code).toBe(0);
    expect(screen).not.toContain('Which meeting guide?');
    expect(screen).not.toContain('How long will you meet?');
    expect(screen).toMatch(/Ready\? \d+ phases, 30 min/);
    expect(meetings(env.ONEONONE_DB)[1]).toEqual({ template: 'six-steps', planned_minutes: 30 });
  });

  it("the cadence: the file's applies to a database with none; the one set with followups --cadence is the record's and wins", () => {
    const db = join(box.dir, 'record.db');
    const cadence = (args: string[] = []) => JSON.parse(run(['--db', db, 'followups', '--cadence', ...args, '--json']).stdout) as { rungs: Record<string, number> };
    const leader = (shown: { rungs: Record<string, number> }) => shown.rungs.leader;
    expect(leader(cadence())).toBe(14);
    writeConfig('cadence:\n  leader: 10\n  other: 45\n');
    expect(leader(cadence())).toBe(10);
    expect(run(['--db', db, 'followups', '--cadence']).stderr).toContain(`from the config file ${file}`);
    expect(settings({}, ['--db', db]).cadence).toMatchObject({ source: 'config file', line: 1 });
    cadence(['leader=7']);
    expect(leader(cadence())).toBe(7);
    expect(settings({}, ['--db', db]).cadence).toMatchObject({ source: 'database', from: db });
    expect(run(['--db', db, 'config', 'list']).stderr).toContain('this database has a cadence of its own');
  });

  it("the weekly goal: stats counts this week's 1:1s against the file's goal", () => {
    const db = join(box.dir, 'record.db');
    run(['--db', db, 'log', 'Ana Ruiz']);
    expect(run(['--db', db, 'stats']).stdout).not.toContain('your goal');
    writeConfig('weekly-goal: 3\n');
    expect(run(['--db', db, 'stats']).stdout).toContain('This week: 1 of your goal of 3 one-on-ones (2 to go).');
    const figures = JSON.parse(run(['--db', db, 'stats', '--json']).stdout) as { weeklyGoal: unknown };
    expect(figures.weeklyGoal).toEqual({ goal: 3, thisWeek: 1, source: 'config file' });
  });

  it('the language: ONEONONE_LANG, then the file, then the locale (es_* is Spanish), else English', () => {
    expect(settings({ LANG: 'C.UTF-8' }).language).toMatchObject({ value: 'en', source: 'default' });
    expect(settings({ LANG: 'es_MX.UTF-8' }).language).toMatchObject({ value: 'es', source: 'environment', from: 'LANG' });
    writeConfig('language: en\n');
    expect(settings({ LANG: 'es_MX.UTF-8' }).language).toMatchObject({ value: 'en', source: 'config file' });
    expect(settings({ ONEONONE_LANG: 'es' }).language).toMatchObject({ value: 'es', source: 'environment', from: 'ONEONONE_LANG' });
  });
});

describe('config list', () => {
  it("keeps a server URL's password out of the list, and get gives it whole", () => {
    // Port 1 on this computer refuses at once: the list's look at the server's cadence fails fast, as a note.
    writeConfig('db: postgres://ana:s3cret@127.0.0.1:1/org\n');
    const listed = run(['config', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as Row[])[0]!.value).toBe('postgres://ana:***@127.0.0.1:1/org');
    const shown = run(['config', 'list']);
    expect(shown.stdout + shown.stderr).not.toContain('s3cret');
    expect(run(['config', 'get', 'db']).stdout).toBe('postgres://ana:s3cret@127.0.0.1:1/org\n');
  });

  it('lists the settings even when the database cannot be read, and says why the cadence shown may not be its own', () => {
    mkdirSync(join(box.dir, 'a-folder'));
    const result = run(['--db', join(box.dir, 'a-folder'), 'config', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cadence\s+│ organizer=14,leader=14,volunteer=30,other=60\s+│ default/);
    expect(result.stderr).toContain("note: the database's own cadence could not be read (cannot use the database");
  });
});

describe('a config file that is wrong is refused: one line naming the file and the line, a hint, exit 1', () => {
  const cases: [string, string, number, RegExp][] = [
    ['malformed YAML', 'minutes: 30\ntemplate: agenda: x\nlanguage: en\n', 2, /is not valid YAML \(column 11\): Nested mappings/],
    ['a tab for indentation', 'minutes: 30\n\tlanguage: en\n', 2, /is not valid YAML.*Tabs/],
    ['an unclosed quote (where the parser runs out)', 'minutes: 30\ntemplate: "agenda\n', 3, /is not valid YAML.*closing "quote/],
    ['a duplicated key', 'minutes: 30\nminutes: 40\n', 2, /is not valid YAML.*unique/],
    ['not a mapping', '# my settings\n- minutes\n- 30\n', 2, /must be a mapping of settings.*a list/],
    ['plain text', 'minutes 30\n', 1, /must be a mapping of settings/],
    ['an unknown key', 'minutes: 30\nminuts: 40\n', 2, /'minuts' is not a setting/],
    ['a key with no value', 'minutes:\n', 1, /minutes has no value/],
    ['a relative db', 'db: data/oneonone.db\n', 1, /db must be a whole path/],
    ['a db that is not text', 'db: [a, b]\n', 1, /db must be .*\(got a list\)/],
    ['a language other than en/es', 'language: fr\n', 1, /language must be en or es \(got "fr"\)/],
    ['a template that is not a name', 'template: 12 angry\n', 1, /template must be the name of a meeting guide/],
    ['minutes not a number', 'minutes: half an hour\n', 1, /minutes must be a positive number/],
    ['minutes written as text', 'minutes: "45"\n', 1, /minutes must be a positive number.*\(got "45"\)/],
    ['minutes zero', '\n\nminutes: 0\n', 3, /minutes must be a positive number.*\(got 0\)/],
    ['minutes too many', 'minutes: 600\n', 1, /up to 240 \(got 600\)/],
    ['an unknown rung in the cadence', 'cadence:\n  leader: 10\n  captain: 5\n', 3, /cadence: 'captain' is not a rung/],
    ['cadence days out of range', 'cadence:\n  volunteer: 400\n', 2, /volunteer must be met every 1 to 365 whole days \(got 400\)/],
    ['a cadence that is a list', 'cadence: [14, 30]\n', 1, /cadence must be rungs and days/],
    ['a weekly goal that is not whole', 'weekly-goal: 2.5\n', 1, /weekly-goal must be a whole number.*\(got 2.5\)/],
    ['a weekly goal of zero', 'weekly-goal: 0\n', 1, /weekly-goal must be a whole number/],
  ];
  it.each(cases)('%s', (_name, text, line, what) => {
    writeConfig(text);
    expectRefusal(run(['followups']), `config file ${file}, line ${line}:`, what);
  });

  it('an unknown template is refused where the file names it, by the command that uses it', () => {
    writeConfig('minutes: 30\ntemplate: agendaa\n');
    const result = run(['log', 'Ana Ruiz']);
    expectRefusal(result, `config file ${file}, line 2:`, /no meeting guide named 'agendaa'/);
    expect(result.stderr).toContain("did you mean 'agenda'?");
    expect(existsSync(join(box.env.XDG_DATA_HOME!, 'oneonone', 'oneonone.db'))).toBe(false);
    expectRefusal(run(['config', 'list']), `config file ${file}, line 2:`, /no meeting guide named 'agendaa'/);
  });

  it('the hint of an unknown key names the settings and the closest one', () => {
    writeConfig('weekly_goal: 5\n');
    const result = run(['followups']);
    expect(result.stderr).toContain("hint: did you mean 'weekly-goal'? the settings are db, language, template, minutes, cadence, weekly-goal, count-questions");
  });

  it('a bad value in the environment is refused naming the variable', () => {
    expectRefusal(run(['log', 'Ana Ruiz'], { ONEONONE_MINUTES: 'soon' }), 'ONEONONE_MINUTES: ', /minutes must be a positive number/);
    expectRefusal(run(['config', 'list'], { ONEONONE_LANG: 'fr' }), 'ONEONONE_LANG: ', /language must be en or es/);
    expectRefusal(run(['log', 'Ana Ruiz'], { ONEONONE_TEMPLATE: 'nope' }), 'ONEONONE_TEMPLATE: ', /no meeting guide named 'nope'/);
  });

  it('with no config file, an empty one or one of comments only, nothing is refused', () => {
    expect(run(['followups']).code).toBe(0);
    writeConfig('');
    expect(run(['followups']).code).toBe(0);
    writeConfig('# nothing set yet\n');
    expect(run(['followups']).code).toBe(0);
  });
});

describe('oneonone config set and unset', () => {
  it('set makes the file private (0600) in a private folder (0700) and list shows it', () => {
    const result = run(['config', 'set', 'minutes', '45']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Saved minutes: 45 in ${file} (only you can read it).\n`);
    expect(readFileSync(file, 'utf8')).toBe('minutes: 45\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(box.env.XDG_CONFIG_HOME!, 'oneonone')).mode & 0o777).toBe(0o700);
    expect(settings().minutes).toMatchObject({ value: 45, source: 'config file', line: 1 });
  });

  it("set and unset keep the organizer's comments", () => {
    writeConfig('# my settings\nminutes: 30 # a short one\n\n# the guide I use\ntemplate: agenda\n');
    expect(run(['config', 'set', 'minutes', '45']).code).toBe(0);
    expect(run(['config', 'set', 'cadence', 'leader=10, other=45']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('# my settings\nminutes: 45 # a short one\n\n# the guide I use\ntemplate: agenda\ncadence:\n  leader: 10\n  other: 45\n');
    expect(run(['config', 'unset', 'template']).stderr).toBe(`Took template out of ${file}; its default applies again.\n`);
    // The comment above template went with it: it was about that line.
    expect(readFileSync(file, 'utf8')).toBe('# my settings\nminutes: 45 # a short one\ncadence:\n  leader: 10\n  other: 45\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('set refuses a bad value before writing, exit 2, and leaves the file as it was', () => {
    writeConfig('minutes: 30\n');
    const refused: [string, string, RegExp][] = [
      ['minutes', 'soon', /minutes must be a positive number/],
      ['minutes', '-5', /minutes must be a positive number/],
      ['language', 'fr', /language must be en or es/],
      ['template', 'nope', /no meeting guide named 'nope'/],
      ['cadence', 'captain=4', /'captain' is not a rung/],
      ['cadence', 'leader=0', /leader must be met every 1 to 365/],
      ['weekly-goal', 'lots', /weekly-goal must be a whole number/],
      ['count-questions', 'sometimes', /count-questions must be true or false/],
      ['db', ' ', /db must be/],
    ];
    for (const [key, value, what] of refused) expectRefusal(run(['config', 'set', key, value]), 'oneonone: ', what, 2);
    expect(readFileSync(file, 'utf8')).toBe('minutes: 30\n');
  });

  it('an unknown key on the command line is a usage mistake, exit 2', () => {
    expectRefusal(run(['config', 'set', 'minuts', '30']), "'minuts' is not a setting", /oneonone knows/, 2);
    expectRefusal(run(['config', 'get', 'colour']), "'colour' is not a setting", /oneonone knows/, 2);
    expectRefusal(run(['config', 'unset', 'colour']), "'colour' is not a setting", /oneonone knows/, 2);
    expect(existsSync(file)).toBe(false);
  });

  it('a subcommand used wrongly is refused as the program refuses: one line, a hint, exit 2', () => {
    expectRefusal(run(['config', 'set']), "missing required argument 'key'", /key/, 2);
    expectRefusal(run(['config', 'list', '--bogus']), "unknown option '--bogus'", /bogus/, 2);
    expectRefusal(run(['team', 'add', 'Ana Ruiz']), "required option '--role <role>' not specified", /role/, 2);
  });

  it('set on a file that is not YAML refuses at its line and leaves it alone', () => {
    writeConfig('minutes: [30\n');
    expectRefusal(run(['config', 'set', 'minutes', '45']), `config file ${file}, line`, /is not valid YAML/);
    expect(readFileSync(file, 'utf8')).toBe('minutes: [30\n');
  });

  it('unset takes out a key the file got wrong, so the file can be mended from the command line', () => {
    writeConfig('minutes: 30\nminuts: 40\n');
    expect(run(['config', 'unset', 'minuts']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('minutes: 30\n');
    expect(run(['followups']).code).toBe(0);
  });

  it('set db resolves a relative path against the folder it was typed in', () => {
    expect(box.run(['config', 'set', 'db', 'mine.db'], { env: NO_DB }).code).toBe(0);
    expect(run(['config', 'get', 'db']).stdout.trim()).toMatch(/\/mine\.db$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^db: \/.*mine\.db\n$/);
  });

  it('set says when the environment still wins over what it saved', () => {
    const result = run(['config', 'set', 'minutes', '45'], { ONEONONE_MINUTES: '30' });
    expect(result.stderr).toContain('note: minutes comes from the environment (ONEONONE_MINUTES) for now');
  });

  it('get prints nothing on stdout for a setting with no value, and says so', () => {
    const result = run(['config', 'get', 'minutes']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe("minutes is not set: the guide's own length.\n");
  });
});
