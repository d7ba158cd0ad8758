// Deterministic synthetic oneonone databases for the benchmark.
//
// The schema is the real one: src/store/sqlite/db.ts is bundled (with esbuild, as the app is) and its
// openDatabase() creates and migrates the file exactly as `oneonone` would. Then, for speed only,
// one connection bulk-loads the rows with journalling off, secondary indexes and triggers dropped,
// and puts them back afterwards, so the file ends up an ordinary oneonone database
// (application_id, user_version, the migrations table, every index and trigger).
//
//   node bench/generate.mjs tiny|small|medium|large [--out file | --backlog] [--fresh]
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bump when the shape of the generated data changes, so cached files are rebuilt. */
export const GENERATOR_VERSION = 7;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, 'bench', '.cache');
/** What makes the schema: the migrations and the full-text index's step they include. */
const SCHEMA_FILES = ['src/store/sqlite/migrations.ts', 'src/store/sqlite/search-schema.ts'];

export const SCALES = {
  tiny: { people: 40, meetings: 300, notes: 900, asks: 300, followups: 150 },
  small: { people: 200, meetings: 2_000, notes: 6_000, asks: 2_000, followups: 1_000 },
  medium: { people: 10_000, meetings: 100_000, notes: 300_000, asks: 100_000, followups: 50_000 },
  large: { people: 100_000, meetings: 1_000_000, notes: 3_000_000, asks: 1_000_000, followups: 500_000 },
};

/**
 * The meetings of the record at which every open follow-up and check-in is kept: an organizer's own open commitments
 * do not grow with the organization's record (most asks of a year-old organization are checked and most follow-ups
 * done), so each scale keeps about as many open as the small one, and a listing of them costs the same on every size.
 */
const OPEN_AT_MEETINGS = SCALES.small.meetings;
/** The open follow-ups and check-ins of the backlog database: an organizer who never closes anything. */
export const BACKLOG_OPEN = { followups: 5_000, checkins: 5_000 };

const DAY = 86_400_000;
const YEARS = 5;
const RUNGS = ['contact', 'supporter', 'participant', 'volunteer', 'leader', 'organizer'];
const RUNG_SHARE = [0.45, 0.25, 0.15, 0.09, 0.05, 0.01];
/** Higher rungs are met more often: relative meeting weight per rung. */
const RUNG_WEIGHT = [0.5, 0.8, 1.2, 2, 3.5, 5];
const GOALS = ['recruitment', 'maintenance', 'escalation'];
const TAGS = ['value', 'interest', 'motivation', 'issue', 'skill', 'capacity', 'story', 'lead-in', 'note'];
const FIRST = ['Ana', 'Bilal', 'Carmen', 'Dmitri', 'Esi', 'Farah', 'Gustavo', 'Hana', 'Ibrahim', 'Jun', 'Kwame', 'Lucía', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tamar', 'Uche', 'Valeria', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Chloé', 'Deshawn', 'Elif', 'Femi', 'Grace', 'Hector', 'Ines', 'José', 'Keiko', 'Leon', 'Marisol', 'Nikhil'];
const LAST = ['Ruiz', 'Okafor', 'Nguyen', 'Kowalski', 'Haddad', 'Silva', 'Mensah', 'Park', 'Cohen', 'García', 'Petrov', 'Ali', 'Johnson', 'Murphy', 'Tanaka', 'Osei', 'Moreau', 'Rossi', 'Yilmaz', 'Schmidt', 'Dubois', 'Lopez', 'Chen', 'Kim', 'Singh', 'Begum', 'Adeyemi', 'Novak', 'Fischer', 'Santos', 'Jensen', 'Ortiz', 'Reyes', 'Khan', 'Ivanova', 'Baptiste', 'Lindqvist', 'Mwangi', 'Costa', 'Sato'];
const PLACES = ['Eastside', 'Riverside', 'Old Town', 'Northgate', 'Hillcrest', 'Harbor', 'Mill District', 'Southpark'];
const ORGS = ['Maple Tenants', 'St. Brigid parish', 'Local 1199', 'Lincoln PTA', 'Bus riders union', 'Food co-op', null, null];
const PHRASES = [
  'her kids\' safety on the walk to school', 'repairs that never come', 'rent went up 12% again', 'wants his union back',
  'cares for an elderly mother', 'good at spreadsheets', 'free on weekday evenings', 'grew up in the building',
  'angry about the broken heating', 'faith calls her to act', 'wants the bus route restored', 'ran a food drive last year',
  'worried about deportation of a neighbour', 'skilled carpenter', 'only free on Sundays', 'told the story of the eviction',
  'ask about the school board meeting', 'lost hours at the warehouse', 'knows everyone on the third floor', 'speaks Spanish and Tagalog',
];
const ASKS = ['come to the tenant meeting', 'bring two neighbours', 'speak at the rally', 'host a house meeting', 'sign the petition',
  'call five members', 'join the bargaining committee', 'lead the phone bank', 'testify at city council', 'knock doors on saturday'];

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nameKeys = new Map();
function nameKey(name) {
  let key = nameKeys.get(name);
  if (key === undefined) nameKeys.set(name, (key = slowNameKey(name)));
  return key;
}

function slowNameKey(name) {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A module of src/ bundled the way the app is built (better-sqlite3 external) and imported, so the
 * bench runs the real code: the store's openDatabase() and migrations, the export's SELECT.
 */
export async function bundledSource(relativePath) {
  const source = readFileSync(join(ROOT, relativePath), 'utf8');
  const others = [...SCHEMA_FILES, 'src/store/sqlite/db.ts', 'src/support/errors.ts'].map((file) => readFileSync(join(ROOT, file), 'utf8'));
  const hash = createHash('sha256').update([source, ...others].join('\0')).digest('hex').slice(0, 12);
  const outfile = join(CACHE, 'code', `${relativePath.replace(/[^a-z0-9]+/gi, '-')}-${hash}.mjs`);
  if (!existsSync(outfile)) {
    // Written beside and renamed into place, so another process generating at the same time never imports half a file.
    const temp = `${outfile}.${process.pid}.tmp`;
    await build({
      entryPoints: [join(ROOT, relativePath)], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: temp,
      external: ['better-sqlite3'], logLevel: 'warning',
    });
    renameSync(temp, outfile);
  }
  return { module: await import(pathToFileURL(outfile).href), hash };
}

async function storeModule() {
  return bundledSource('src/store/sqlite/db.ts');
}

async function migrationsModule() {
  return (await bundledSource('src/store/sqlite/migrations.ts')).module;
}

/** The full-text index's schema, with the statements that rebuild it after a bulk load. */
async function searchSchemaModule() {
  return (await bundledSource('src/store/sqlite/search-schema.ts')).module;
}

/** The day the data is anchored to (UTC midnight of today), so "overdue" and "due this week" stay realistic. */
export function anchorDay(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Where the database for a scale lives in the cache; the key changes with the generator, the schema and the day. */
export async function cachedDatabase(scale, options = {}) {
  const { module: store } = await storeModule();
  const day = anchorDay(options.now).toISOString().slice(0, 10);
  // The schema is what the migrations make, so they alone key the file (not edits elsewhere in the store).
  const schema = createHash('sha256').update(SCHEMA_FILES.map((path) => readFileSync(join(ROOT, path), 'utf8')).join('\0')).digest('hex').slice(0, 12);
  const file = join(CACHE, `${scale}-g${GENERATOR_VERSION}-s${schema}-${day}.db`);
  if (existsSync(file) && !options.fresh) return { file, cached: true, seconds: 0 };
  const started = performance.now();
  const { searchIndexSeconds } = await generate(scale, file, store, anchorDay(options.now));
  return { file, cached: false, seconds: (performance.now() - started) / 1000, searchIndexSeconds };
}

/**
 * The database of a scale as generated, but with BACKLOG_OPEN follow-ups and check-ins open: the latest due before
 * today are reopened (done_at, checked_at and result cleared) through the app's own triggers, so the figures and the
 * search index stay exact. Cached beside it under the same key.
 */
export async function cachedBacklog(scale, options = {}) {
  const base = await cachedDatabase(scale, options);
  const file = base.file.replace(`${scale}-g`, `${scale}-backlog-g`);
  if (existsSync(file) && !options.fresh) return { file, cached: true, seconds: 0 };
  const started = performance.now();
  const temp = `${file}.tmp`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
  copyFileSync(base.file, temp, constants.COPYFILE_FICLONE);
  const { module: store } = await storeModule();
  const db = store.openDatabase(temp, { create: false });
  try {
    const today = anchorDay(options.now).toISOString();
    db.transaction(() => {
      db.prepare(`UPDATE followups SET done_at = NULL WHERE id IN (
        SELECT id FROM followups WHERE due_at < @today ORDER BY due_at DESC, id DESC LIMIT @most)`).run({ today, most: BACKLOG_OPEN.followups });
      db.prepare(`UPDATE asks SET checked_at = NULL, result = NULL WHERE id IN (
        SELECT id FROM asks WHERE outcome IN ('yes', 'maybe') AND due_at < @today ORDER BY due_at DESC, id DESC LIMIT @most)`).run({ today, most: BACKLOG_OPEN.checkins });
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(temp + suffix, { force: true });
  renameSync(temp, file);
  return { file, cached: false, seconds: (performance.now() - started) / 1000 };
}

async function generate(scale, file, store, anchor) {
  const size = SCALES[scale];
  if (!size) throw new Error(`unknown scale ${scale}; use ${Object.keys(SCALES).join(', ')}`);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });

  // 1. The real schema, made by the app's own openDatabase().
  store.openDatabase(temp, { create: true }).close();
  const migrations = await migrationsModule();

  // 2. Bulk load on one connection.
  const db = new Database(temp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  // Triggers go (the figures they keep are recomputed in one pass at the end), and so do indexes that
  // rows would land in at random places; an index led by person_id or meeting_id is kept, since rows
  // arrive in that order and appending to it is cheaper than sorting for it afterwards.
  const inOrder = (sql) => /\(\s*(person_id|meeting_id)\b/.test(sql);
  const deferred = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .all()
    .filter(({ type, sql }) => type === 'trigger' || !inOrder(sql));
  for (const { type, name } of deferred) db.exec(`DROP ${type.toUpperCase()} "${name}"`);

  const rand = random(0x1a2b3c ^ size.people);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const start = anchor.getTime() - YEARS * 365 * DAY;
  const iso = (ms) => new Date(ms).toISOString();

  const insertPerson = db.prepare(`INSERT INTO people (id, name, name_key, email, phone, neighborhood, organization, source, referred_by, rung, potential, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRung = db.prepare(`INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, meeting_id, changed_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const PHASES = [['purpose', 'Purpose and credentials', 0.2], ['story', 'Their story', 0.2], ['agitate', 'Agitation', 0.3], ['ask', 'The ask', 0.3], ['next', 'Next steps', 0.3]];

  const lap = stopwatch(scale);
  db.transaction(() => {
    // People: created across five years, most at the bottom of the ladder.
    const people = [];
    let weightTotal = 0;
    for (let id = 1; id <= size.people; id++) {
      const r = rand();
      let rungIndex = 0;
      for (let acc = RUNG_SHARE[0]; r > acc && rungIndex < RUNGS.length - 1; acc += RUNG_SHARE[++rungIndex]);
      const createdAt = start + Math.floor(Math.pow(rand(), 0.8) * (anchor.getTime() - start - 7 * DAY));
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const referredBy = id > 10 && rand() < 0.3 ? 1 + Math.floor(rand() * (id - 1)) : null;
      const potential = rand() < 0.5 ? null : Math.min(5, 1 + Math.floor(rand() * (2 + rungIndex)));
      insertPerson.run(
        id, name, nameKey(name), rand() < 0.6 ? `${nameKey(name).replace(/[^a-z]+/g, '.')}${id}@example.org` : null,
        rand() < 0.7 ? `+1 555 ${String(id).padStart(7, '0')}` : null, pick(PLACES), pick(ORGS),
        referredBy ? 'referral' : pick(['event', 'import', 'other', null]), referredBy, RUNGS[rungIndex], potential, iso(createdAt), iso(createdAt),
      );
      insertRung.run(id, null, 'contact', 'added', null, iso(createdAt));
      for (let step = 1; step <= rungIndex; step++) {
        const at = createdAt + Math.floor(((anchor.getTime() - createdAt) * step) / (rungIndex + 1));
        insertRung.run(id, RUNGS[step - 1], RUNGS[step], 'manual', null, iso(at));
      }
      const weight = RUNG_WEIGHT[rungIndex] * (0.3 + rand());
      weightTotal += weight;
      people.push({ id, createdAt, weight });
    }
    lap('people');

    // What happened, made in SQL (a row at a time from JavaScript would take minutes at this
    // scale). r(salt) is a deterministic hash of the row (meeting id m.id, counter c.n) in [0, 1).
    db.exec(`CREATE TEMP TABLE phrases (i INTEGER PRIMARY KEY, text TEXT);
             CREATE TEMP TABLE asks_text (i INTEGER PRIMARY KEY, text TEXT);
             CREATE TEMP TABLE tags (i INTEGER PRIMARY KEY, text TEXT);
             CREATE TEMP TABLE goals (i INTEGER PRIMARY KEY, text TEXT);
             CREATE TEMP TABLE phases (position INTEGER PRIMARY KEY, phase_key TEXT, title TEXT, share REAL);
             CREATE TEMP TABLE counter (n INTEGER PRIMARY KEY);
             CREATE TEMP TABLE plan (person_id INTEGER PRIMARY KEY, first_id INTEGER, meetings INTEGER, created_ms INTEGER);
             CREATE TEMP TABLE days (d INTEGER PRIMARY KEY, date TEXT);
             CREATE TEMP TABLE mt (id INTEGER PRIMARY KEY, person_id INTEGER, held_ms INTEGER, minutes INTEGER, day INTEGER, held TEXT, completed TEXT);`);
    const fill = (table, values) => {
      const insert = db.prepare(`INSERT INTO temp.${table} VALUES (?, ?)`);
      values.forEach((value, i) => insert.run(i, value));
    };
    fill('phrases', PHRASES);
    fill('asks_text', ASKS);
    fill('tags', TAGS);
    fill('goals', GOALS);
    const insertPhase = db.prepare(`INSERT INTO temp.phases VALUES (?, ?, ?, ?)`);
    PHASES.forEach(([key, title, share], position) => insertPhase.run(position, key, title, share));

    // Each person's share of the meetings, by weight, spread across their time with the organization.
    const insertPlan = db.prepare(`INSERT INTO temp.plan VALUES (?, ?, ?, ?)`);
    let assigned = 0;
    let carry = 0;
    let most = 16;
    for (let index = 0; index < people.length; index++) {
      const person = people[index];
      const exact = (person.weight / weightTotal) * size.meetings + carry;
      let count = index === people.length - 1 ? size.meetings - assigned : Math.floor(exact);
      carry = exact - count;
      count = Math.min(count, size.meetings - assigned);
      if (count > 0) insertPlan.run(person.id, assigned + 1, count, person.createdAt);
      assigned += count;
      most = Math.max(most, count);
    }
    const insertCounter = db.prepare(`INSERT INTO temp.counter VALUES (?)`);
    for (let n = 0; n < most; n++) insertCounter.run(n);

    // Each salt has its own multiplier (an added offset alone leaves the hashes correlated); squaring breaks the linearity.
    const hash = (id, salt) => {
      const x = `((${id} * ${2654435761 + salt * 1299709} + (c.n + 1) * 40503 + ${salt} * 9973) % 1000003)`;
      return `(((${x} * ${x}) % 1000003 * 69069 + ${salt}) % 1000003 / 1000003.0)`;
    };
    const r = (salt) => hash('m.id', salt);
    const ri = (salt, n) => `(CAST(${r(salt)} * ${n} AS INTEGER))`;
    const pr = (salt) => hash('(p.first_id + c.n)', salt);
    const pri = (salt, n) => `(CAST(${pr(salt)} * ${n} AS INTEGER))`;
    // Dates are made from whole days (a small table of 'YYYY-MM-DD') and the meeting's time of day:
    // strftime() per row, evaluated again wherever a column is reused, was most of the time.
    const anchorMs = anchor.getTime();
    const anchorDay = Math.floor(anchorMs / DAY);
    const insertDay = db.prepare(`INSERT INTO temp.days VALUES (?, ?)`);
    for (let d = Math.floor(start / DAY) - 2; d <= anchorDay + 60; d++) insertDay.run(d, iso(d * DAY).slice(0, 10));
    const heldMs = `(p.created_ms + (c.n + ${pr(21)}) / p.meetings * (${anchorMs} - p.created_ms))`;
    const isoOf = (ms) => `(SELECT date FROM temp.days WHERE d = (${ms}) / ${DAY}) || printf('T%02d:%02d:%02d.%03dZ', (${ms}) % ${DAY} / 3600000, (${ms}) % 3600000 / 60000, (${ms}) % 60000 / 1000, (${ms}) % 1000)`;
    db.prepare(`INSERT INTO temp.mt (id, person_id, held_ms, minutes)
      SELECT p.first_id + c.n, p.person_id, CAST(${heldMs} AS INTEGER), CASE ${pri(24, 5)} WHEN 0 THEN 30 WHEN 1 THEN 30 WHEN 2 THEN 45 ELSE 60 END
      FROM temp.plan p JOIN temp.counter c ON c.n < p.meetings`).run();
    db.prepare(`UPDATE temp.mt SET day = held_ms / ${DAY}, held = ${isoOf('held_ms')}, completed = ${isoOf('held_ms + minutes * 60000')}`).run();
    db.prepare(`INSERT INTO meetings (id, person_id, held_at, goal, template, planned_minutes, status, current_phase, planned_ask, agitation, created_at, updated_at, completed_at)
      SELECT id, person_id, held, goal, template, minutes, CASE WHEN draft THEN 'draft' ELSE 'complete' END, CASE WHEN draft THEN 1 END,
             planned_ask, agitation, held, held, CASE WHEN NOT draft THEN completed END
      FROM (SELECT m.id, m.person_id, m.held, m.completed, m.minutes,
                   (SELECT text FROM temp.goals WHERE i = ${ri(22, GOALS.length)}) AS goal,
                   CASE WHEN ${r(23)} < 0.8 THEN 'agenda' ELSE 'six-steps' END AS template,
                   ${r(25)} < 0.001 AS draft,
                   CASE WHEN ${r(26)} < 0.3 THEN (SELECT text FROM temp.asks_text WHERE i = ${ri(27, ASKS.length)}) END AS planned_ask,
                   CASE WHEN ${r(28)} < 0.4 THEN (SELECT text FROM temp.phrases WHERE i = ${ri(29, PHRASES.length)}) END AS agitation
            FROM temp.mt m JOIN temp.counter c ON c.n = 0)`).run();
    lap('meetings');

    const per = (total) => ({ whole: Math.floor(total / size.meetings), extra: total % size.meetings });
    // Exactly `total` rows: `whole` per meeting, plus one for `extra` meetings spread by a permutation of ids.
    const share = (total) => {
      const { whole, extra } = per(total);
      // c.n <= whole first, so the join walks a few counter rows by key rather than all of them.
      return `c.n <= ${whole} AND (c.n < ${whole} OR (m.id * 7919) % ${size.meetings} < ${extra})`;
    };
    /** The meeting's time of day on another day: `day` is a whole-day number. */
    const onDay = (day) => `(SELECT date FROM temp.days WHERE d = ${day}) || substr(m.held, 11)`;

    // Three meetings in ten were run live, so their phases carry timings and talk seconds.
    db.prepare(`INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share, actual_seconds, organizer_talk_seconds, other_talk_seconds)
      SELECT id, position, phase_key, title, planned, share,
             CASE WHEN live THEN planned END, CASE WHEN live THEN talk END, CASE WHEN live THEN planned - talk END
      FROM (SELECT m.id, p.position, p.phase_key, p.title, p.share, m.minutes * 60 / ${PHASES.length} AS planned,
                   (m.id * 31) % 10 < 3 AS live, CAST(m.minutes * 60 / ${PHASES.length} * (0.1 + 0.3 * ${r(11)}) AS INTEGER) AS talk
            FROM temp.mt m CROSS JOIN temp.phases p JOIN temp.counter c ON c.n = p.position)`).run();
    lap('phases');

    db.prepare(`INSERT INTO notes (person_id, meeting_id, tag, text, phase_key, created_at)
      SELECT m.person_id, m.id, (SELECT text FROM temp.tags WHERE i = ${ri(1, TAGS.length)}),
             (SELECT text FROM temp.phrases WHERE i = ${ri(2, PHRASES.length)}), NULL, m.held
      FROM temp.mt m JOIN temp.counter c ON ${share(size.notes)}`).run();
    lap('notes');

    // Asks: half yes, a fifth maybe, a fifth no; check-ins on old asks nearly all made, recent ones open.
    const askDay = `(m.day + 1 + ${ri(4, 21)})`;
    const outcome = `CASE WHEN ${r(7)} < 0.5 THEN 'yes' WHEN ${r(7)} < 0.7 THEN 'maybe' WHEN ${r(7)} < 0.9 THEN 'no' END`;
    // Of the asks that would still be open, one in (meetings / OPEN_AT_MEETINGS) stays so; the others were checked on
    // (a day after their day, or at the meeting when that day is still to come).
    const keptOpen = Math.min(1, OPEN_AT_MEETINGS / size.meetings);
    const checkedInTime = `(${askDay} < ${anchorDay} AND ${r(8)} < CASE WHEN ${anchorDay} - ${askDay} > 30 THEN 0.995 ELSE 0.5 END)`;
    const checked = `(${r(7)} < 0.7 AND (${checkedInTime} OR ${r(15)} >= ${keptOpen}))`;
    const checkedAt = `CASE WHEN ${askDay} < ${anchorDay} THEN ${onDay(`${askDay} + 1`)} ELSE m.held END`;
    db.prepare(`INSERT INTO asks (person_id, meeting_id, text, due_at, barriers, support, outcome, result, checked_at, created_at)
      SELECT m.person_id, m.id, (SELECT text FROM temp.asks_text WHERE i = ${ri(3, ASKS.length)}), ${onDay(askDay)},
             CASE WHEN ${r(5)} < 0.3 THEN 'no childcare' END, CASE WHEN ${r(6)} < 0.2 THEN 'I will drive her' END, ${outcome},
             CASE WHEN ${checked} THEN CASE WHEN ${r(9)} < 0.7 THEN 'kept' ELSE 'broken' END END,
             CASE WHEN ${checked} THEN ${checkedAt} END, m.held
      FROM temp.mt m JOIN temp.counter c ON ${share(size.asks)}`).run();
    lap('asks');

    const followUpDay = `(m.day + 2 + ${ri(13, 12)})`;
    // As the asks: of those that would still be open, one in (meetings / OPEN_AT_MEETINGS) stays so.
    const doneInTime = `(${followUpDay} < ${anchorDay} AND ${r(14)} < CASE WHEN ${anchorDay} - ${followUpDay} > 30 THEN 0.995 ELSE 0.5 END)`;
    const doneAnyway = `${r(16)} >= ${keptOpen}`;
    db.prepare(`INSERT INTO followups (person_id, meeting_id, text, due_at, done_at, created_at)
      SELECT m.person_id, m.id, 'call about ' || (SELECT text FROM temp.asks_text WHERE i = ${ri(12, ASKS.length)}), ${onDay(followUpDay)},
             CASE WHEN ${doneInTime} THEN ${onDay(followUpDay)} WHEN ${doneAnyway} THEN CASE WHEN ${followUpDay} < ${anchorDay} THEN ${onDay(followUpDay)} ELSE m.held END END,
             m.held
      FROM temp.mt m JOIN temp.counter c ON ${share(size.followups)}`).run();
    lap('follow-ups');

    // The web: where people stand (three in five assessed, mostly toward support), the places they share (one person
    // in ten in no unit; units of about 500 known, each a building or worksite somewhat larger than who is known),
    // who knows whom (a tie or two each, mostly within the unit), leaders leading about eight of their unit, and a
    // contact that was not a 1:1 for one person in two.
    const ph = (salt, id = 'p.id') => hash(id, salt).replaceAll('c.n', '0');
    const perUnit = 500;
    const unitCount = Math.max(3, Math.round(size.people / perUnit));
    const insertUnit = db.prepare(`INSERT INTO units (id, name, name_key, kind, size, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let id = 1; id <= unitCount; id++) {
      const kind = id % 3 === 0 ? 'worksite' : 'building';
      const name = kind === 'building' ? `Building ${id}` : `Worksite ${id}`;
      insertUnit.run(id, name, nameKey(name), kind, rand() < 0.8 ? Math.round((size.people / unitCount) * (1.1 + rand())) : null, iso(start), iso(start));
    }
    const unitOf = `(1 + p.id % ${unitCount})`;
    /** Someone else of the person's unit (an id of the same remainder), the same on every run. */
    const sameUnit = (salt) => `(p.id % ${unitCount} + ${unitCount} * (1 + CAST(${hash('p.id', salt)} * ${Math.floor(size.people / unitCount) - 1} AS INTEGER)))`;
    db.prepare(`UPDATE people SET assessment = CASE WHEN ${ph(31, 'id')} < 0.4 THEN 0 ELSE 1 + CAST(${ph(32, 'id')} * ${ph(32, 'id')} * 5 AS INTEGER) END`).run();
    db.prepare(`INSERT INTO assessment_changes (person_id, from_level, to_level, cause, changed_at)
      SELECT id, 0, assessment, 'manual', updated_at FROM people WHERE assessment > 0`).run();
    db.prepare(`INSERT INTO unit_members (unit_id, person_id, created_at)
      SELECT ${unitOf}, p.id, p.created_at FROM people p WHERE ${ph(33)} >= 0.1`).run();
    db.prepare(`INSERT OR IGNORE INTO relationships (person_id, other_id, kind, created_at)
      SELECT min(t.id, t.o), max(t.id, t.o), CASE CAST(${ph(35, 't.id + 7 * t.n')} * 5 AS INTEGER)
               WHEN 0 THEN 'family' WHEN 1 THEN 'coworker' WHEN 2 THEN 'neighbor' WHEN 3 THEN 'same-building' ELSE 'friend' END, t.created_at
      FROM (SELECT p.id, p.created_at, c.n,
                   CASE WHEN ${hash('p.id', 36)} < 0.8 THEN ${sameUnit(37)} ELSE 1 + CAST(${hash('p.id', 38)} * ${size.people} AS INTEGER) END AS o
            FROM people p JOIN temp.counter c ON c.n < 2 WHERE c.n = 0 OR ${ph(34)} < 0.5) t
      WHERE t.o <> t.id AND t.o BETWEEN 1 AND ${size.people}`).run();
    db.prepare(`INSERT OR IGNORE INTO relationships (person_id, other_id, kind, created_at)
      SELECT p.id, ${sameUnit(39)}, 'leads', p.created_at
      FROM people p JOIN temp.counter c ON c.n < 8 WHERE p.rung IN ('leader', 'organizer') AND ${sameUnit(39)} <> p.id AND ${sameUnit(39)} <= ${size.people}`).run();
    db.prepare(`INSERT INTO touches (person_id, by, note, touched_at, created_at)
      SELECT p.id, CASE CAST(${ph(40)} * 4 AS INTEGER) WHEN 0 THEN 'call' WHEN 1 THEN 'text' WHEN 2 THEN 'door' ELSE 'event' END, NULL,
             strftime('%Y-%m-%dT%H:%M:%fZ', ${anchorMs / 1000} - CAST(${ph(41)} * 90 * 86400 AS INTEGER), 'unixepoch'),
             strftime('%Y-%m-%dT%H:%M:%fZ', ${anchorMs / 1000} - CAST(${ph(41)} * 90 * 86400 AS INTEGER), 'unixepoch')
      FROM people p WHERE ${ph(42)} < 0.5`).run();
    lap('web');
  })();
  lap('commit');

  // 3. Indexes and triggers back, summaries recomputed, the full-text index made from the loaded rows (its
  // triggers were off while they landed), and an ordinary database again.
  db.transaction(() => {
    for (const { type, sql } of deferred) if (type === 'index') db.exec(sql);
    for (const statement of migrations.REFRESH_SUMMARIES ?? []) db.exec(statement);
  })();
  lap('indexes, summaries');
  const search = await searchSchemaModule();
  db.transaction(() => {
    for (const statement of [...(search.SEARCH_REBUILD ?? []), ...(search.SEARCH_OPTIMIZE ? [search.SEARCH_OPTIMIZE] : [])]) db.exec(statement);
  })();
  const searchSeconds = lap('full-text index');
  db.transaction(() => {
    for (const { type, sql } of deferred) if (type === 'trigger') db.exec(sql);
  })();
  lap('triggers');
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = DELETE');
  db.close();
  // Opening once more with the app's code checks it is a oneonone database and leaves it in WAL mode.
  store.openDatabase(temp, { create: false }).close();
  for (const suffix of ['-wal', '-shm']) rmSync(temp + suffix, { force: true });
  renameSync(temp, file);
  return { searchIndexSeconds: searchSeconds };
}

function stopwatch(scale) {
  let last = performance.now();
  return (what) => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${scale}: ${what} ${seconds.toFixed(1)} s\n`);
    last = now;
    return seconds;
  };
}

/** A database for a scale written to `file` (replacing it), outside the cache: for tests that want their own. */
export async function generateInto(scale, file, options = {}) {
  const { module: store } = await storeModule();
  const started = performance.now();
  const { searchIndexSeconds } = await generate(scale, resolve(file), store, anchorDay(options.now));
  return { file: resolve(file), cached: false, seconds: (performance.now() - started) / 1000, searchIndexSeconds };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scale = process.argv[2] ?? 'small';
  const out = process.argv.indexOf('--out');
  const fresh = process.argv.includes('--fresh');
  const { file, cached, seconds, searchIndexSeconds } = process.argv.includes('--backlog')
    ? await cachedBacklog(scale, { fresh })
    : out !== -1 && process.argv[out + 1] ? await generateInto(scale, process.argv[out + 1]) : await cachedDatabase(scale, { fresh });
  const made = cached ? 'cached' : `generated in ${seconds.toFixed(1)} s${searchIndexSeconds === undefined ? '' : `, of which the full-text index ${searchIndexSeconds.toFixed(1)} s`}`;
  process.stdout.write(`${scale}: ${file} (${made})\n`);
}
