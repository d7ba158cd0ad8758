/**
 * Ordered, named schema steps. Each runs once, in its own transaction, and is recorded in `migrations`.
 * Plain SQL with ISO-8601 text dates so the same steps can later run on PostgreSQL.
 * Never edit a step that has shipped: add a new one.
 */
import { nameKey } from '../../people/names.js';
import { SEARCH_MIGRATION } from './search-schema.js';

export interface Migration {
  name: string;
  sql: string;
  /** A step SQL cannot say (names are keyed by Unicode rules only JavaScript has); run after `sql`, in the same savepoint. */
  data?: (db: import('./db.js').Db) => void;
}

/**
 * What "meetings" and "open asks" mean in person_figures; the same words as the queries they replace:
 * complete meetings only; an ask is open while the person said yes or maybe and it is neither checked nor has a result.
 */
const PERSON_FIGURES_BACKFILL = `
      INSERT INTO person_figures (person_id) SELECT id FROM people;
      UPDATE person_figures SET meetings = m.meetings, last_met = m.last_met
        FROM (SELECT person_id, count(*) AS meetings, max(held_at) AS last_met FROM meetings
              WHERE status = 'complete' GROUP BY person_id) AS m
        WHERE m.person_id = person_figures.person_id;
      UPDATE person_figures SET asks_made = a.made, asks_yes = a.yes, asks_kept = a.kept, asks_broken = a.broken, open_asks = a.open
        FROM (SELECT person_id, count(*) AS made, count(CASE WHEN outcome = 'yes' THEN 1 END) AS yes,
                     count(CASE WHEN result = 'kept' THEN 1 END) AS kept, count(CASE WHEN result = 'broken' THEN 1 END) AS broken,
                     count(CASE WHEN outcome IN ('yes', 'maybe') AND result IS NULL AND checked_at IS NULL THEN 1 END) AS open
              FROM asks GROUP BY person_id) AS a
        WHERE a.person_id = person_figures.person_id;
      UPDATE person_figures SET open_followups = f.open
        FROM (SELECT person_id, count(*) AS open FROM followups WHERE done_at IS NULL GROUP BY person_id) AS f
        WHERE f.person_id = person_figures.person_id;
      UPDATE person_figures SET referrals = r.referrals
        FROM (SELECT referred_by, count(*) AS referrals FROM people WHERE referred_by IS NOT NULL GROUP BY referred_by) AS r
        WHERE r.referred_by = person_figures.person_id;
`;

const LAST_TOUCH_BACKFILL = `UPDATE person_figures SET last_touch = t.last_touch
        FROM (SELECT person_id, max(touched_at) AS last_touch FROM touches GROUP BY person_id) AS t
        WHERE t.person_id = person_figures.person_id`;

/** One person's figures recomputed from their own rows (each an index lookup); nothing when the person is gone. */
function refreshPerson(id: string, broughtIn = BROUGHT_IN_003, lastTouch = false): string {
  return `
        INSERT OR REPLACE INTO person_figures
          (person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals${lastTouch ? ', last_touch' : ''})
        SELECT p.id,
          (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete'),
          (SELECT max(m.held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete'),
          (SELECT count(*) FROM asks a WHERE a.person_id = p.id),
          (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes'),
          (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept'),
          (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken'),
          (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL),
          (SELECT count(*) FROM followups f WHERE f.person_id = p.id AND f.done_at IS NULL),
          ${broughtIn}${lastTouch ? `,
          (SELECT max(t.touched_at) FROM touches t WHERE t.person_id = p.id)` : ''}
        FROM people p WHERE p.id = ${id};`;
}

const BROUGHT_IN_003 = `(SELECT count(*) FROM people r WHERE r.referred_by = p.id)`;
/** From 006, "brought in" counts only people first added through that referral, not someone already known. */
const BROUGHT_IN = `(SELECT count(*) FROM people r WHERE r.referred_by = p.id AND r.source = 'referral')`;

/**
 * SQLite triggers (per database, so they travel with the file; PostgreSQL would need its own trigger functions).
 * Each recomputes the touched person's row whole rather than adding and subtracting, so it cannot drift.
 */
function personFiguresTriggers(broughtIn = BROUGHT_IN_003, lastTouch = false): string {
  const trigger = (name: string, event: string, table: string, body: string[]) =>
    `CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN${body.join('')}\n      END;`;
  const refresh = (id: string) => refreshPerson(id, broughtIn, lastTouch);
  const both = (column: string) => [refresh(`OLD.${column}`), refresh(`NEW.${column}`)];
  const referral = broughtIn === BROUGHT_IN_003 ? 'UPDATE OF referred_by' : 'UPDATE OF referred_by, source';
  return [
    trigger('person_figures_people_insert', 'INSERT', 'people', [refresh('NEW.id'), refresh('NEW.referred_by')]),
    trigger('person_figures_people_referral', referral, 'people', both('referred_by')),
    trigger('person_figures_people_delete', 'DELETE', 'people', [refresh('OLD.referred_by')]),
    trigger('person_figures_meetings_insert', 'INSERT', 'meetings', [refresh('NEW.person_id')]),
    trigger('person_figures_meetings_update', 'UPDATE OF person_id, status, held_at', 'meetings', both('person_id')),
    trigger('person_figures_meetings_delete', 'DELETE', 'meetings', [refresh('OLD.person_id')]),
    trigger('person_figures_asks_insert', 'INSERT', 'asks', [refresh('NEW.person_id')]),
    trigger('person_figures_asks_update', 'UPDATE OF person_id, outcome, result, checked_at', 'asks', both('person_id')),
    trigger('person_figures_asks_delete', 'DELETE', 'asks', [refresh('OLD.person_id')]),
    followUpTriggers(broughtIn, lastTouch),
    ...(lastTouch ? [
      trigger(TOUCH_TRIGGER_NAMES[0]!, 'INSERT', 'touches', [refresh('NEW.person_id')]),
      trigger(TOUCH_TRIGGER_NAMES[1]!, 'UPDATE OF person_id, touched_at', 'touches', both('person_id')),
      trigger(TOUCH_TRIGGER_NAMES[2]!, 'DELETE', 'touches', [refresh('OLD.person_id')]),
    ] : []),
  ].join('\n      ');
}

const PERSON_FIGURES_TRIGGER_NAMES = [
  'person_figures_people_insert', 'person_figures_people_referral', 'person_figures_people_delete',
  'person_figures_meetings_insert', 'person_figures_meetings_update', 'person_figures_meetings_delete',
  'person_figures_asks_insert', 'person_figures_asks_update', 'person_figures_asks_delete',
];
const FOLLOWUP_TRIGGER_NAMES = ['person_figures_followups_insert', 'person_figures_followups_update', 'person_figures_followups_delete'];
const TOUCH_TRIGGER_NAMES = ['person_figures_touches_insert', 'person_figures_touches_update', 'person_figures_touches_delete'];

/** Made again by migration 005, which rebuilds the follow-ups table (dropping a table drops its triggers). */
function followUpTriggers(broughtIn = BROUGHT_IN_003, lastTouch = false): string {
  const trigger = (name: string, event: string, body: string[]) => `CREATE TRIGGER ${name} AFTER ${event} ON followups BEGIN${body.join('')}\n      END;`;
  const refresh = (id: string) => refreshPerson(id, broughtIn, lastTouch);
  return [
    trigger(FOLLOWUP_TRIGGER_NAMES[0]!, 'INSERT', [refresh('NEW.person_id')]),
    trigger(FOLLOWUP_TRIGGER_NAMES[1]!, 'UPDATE OF person_id, done_at', [refresh('OLD.person_id'), refresh('NEW.person_id')]),
    trigger(FOLLOWUP_TRIGGER_NAMES[2]!, 'DELETE', [refresh('OLD.person_id')]),
  ].join('\n      ');
}

/** The journaled columns as step 006 made their triggers: that step's SQL, which must never change. */
const JOURNALED_AT_006: Readonly<Record<string, readonly string[]>> = {
  people: ['id', 'name', 'name_key', 'email', 'phone', 'neighborhood', 'organization', 'notes', 'source', 'source_detail', 'referred_by', 'rung', 'potential', 'cadence_until', 'created_at', 'updated_at'],
  person_names: ['id', 'person_id', 'name', 'name_key', 'created_at'],
  meetings: ['id', 'person_id', 'held_at', 'goal', 'template', 'planned_minutes', 'status', 'step', 'current_phase', 'planned_ask', 'agitation', 'created_at', 'updated_at', 'completed_at', 'claimed_by'],
  meeting_phases: ['meeting_id', 'position', 'phase_key', 'title', 'planned_seconds', 'max_talk_share', 'actual_seconds', 'organizer_talk_seconds', 'other_talk_seconds', 'extra_seconds'],
  notes: ['id', 'person_id', 'meeting_id', 'tag', 'text', 'phase_key', 'created_at'],
  asks: ['id', 'person_id', 'meeting_id', 'text', 'due_at', 'barriers', 'support', 'outcome', 'result', 'checkin_at', 'checked_at', 'created_at'],
  followups: ['id', 'person_id', 'meeting_id', 'ask_id', 'text', 'due_at', 'done_at', 'created_at'],
  rung_changes: ['id', 'person_id', 'from_rung', 'to_rung', 'reason', 'meeting_id', 'changed_at', 'cause', 'detail'],
  settings: ['key', 'value'],
};

/** The tables of step 012 (the web of relationships), every column in schema order. */
const WEB_JOURNALED: Readonly<Record<string, readonly string[]>> = {
  relationships: ['id', 'person_id', 'other_id', 'kind', 'note', 'created_at', 'ended_at'],
  units: ['id', 'name', 'name_key', 'kind', 'size', 'created_at', 'updated_at'],
  unit_members: ['id', 'unit_id', 'person_id', 'created_at'],
};

/** The meetings' columns as step 011 made their triggers. */
const MEETINGS_AT_011 = [...JOURNALED_AT_006.meetings!, 'checklist', 'scorecard', 'reflection'];

/** The tables of step 013 (assessments with their history, contacts that are not one-on-ones), every column in order. */
const CONTACT_JOURNALED: Readonly<Record<string, readonly string[]>> = {
  assessment_changes: ['id', 'person_id', 'from_level', 'to_level', 'cause', 'reason', 'meeting_id', 'changed_at'],
  touches: ['id', 'person_id', 'by', 'note', 'touched_at', 'created_at'],
};

/** The people's columns as step 013 made their triggers. */
const PEOPLE_AT_013 = [...JOURNALED_AT_006.people!, 'assessment'];

/**
 * Every column of each table the undo journal keeps, as the schema has them now. A later step that adds a column to
 * one of these tables must make that table's journal triggers again (a test compares this list with the schema).
 */
export const JOURNALED: Readonly<Record<string, readonly string[]>> = {
  ...JOURNALED_AT_006,
  meeting_phases: [...JOURNALED_AT_006.meeting_phases!, 'longest_monologue_seconds', 'open_questions', 'reflections'],
  meetings: [...MEETINGS_AT_011, 'mode', 'place'],
  people: [...PEOPLE_AT_013, 'language', 'interpreter'],
  ...WEB_JOURNALED,
  ...CONTACT_JOURNALED,
};

/** A table's journal triggers made again for the columns it has now (or, in a step that has shipped, had then). */
function journalTriggersAgain(table: string, columns = JOURNALED[table]!): string {
  return `${['insert', 'update', 'delete'].map((op) => `DROP TRIGGER journal_${table}_${op};`).join('\n')}\n${journalTriggers(table, columns)}`;
}

/**
 * While a change is being recorded (its id in change_recording), each row a write inserts, updates or deletes is
 * journaled with what it was before, so `undo` can put it back. Cascaded deletes fire these too.
 */
function journalTriggers(table: string, columns: readonly string[]): string {
  const old = `json_object(${columns.map((column) => `'${column}', OLD.${column}`).join(', ')})`;
  const row = (op: string, ref: string, before: string) => `
      CREATE TRIGGER journal_${table}_${op} AFTER ${op.toUpperCase()} ON ${table} WHEN EXISTS (SELECT 1 FROM change_recording)
      BEGIN
        INSERT INTO change_rows (change_id, tbl, op, row_id, old) SELECT change_id, '${table}', '${op}', ${ref}.rowid, ${before} FROM change_recording;
      END;`;
  return row('insert', 'NEW', 'NULL') + row('update', 'OLD', old) + row('delete', 'OLD', old);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '001-people-meetings-asks',
    sql: `
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        neighborhood TEXT,
        organization TEXT,
        notes TEXT,
        source TEXT CHECK (source IN ('referral', 'event', 'import', 'other')),
        source_detail TEXT,
        referred_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        rung TEXT NOT NULL DEFAULT 'contact',
        potential INTEGER CHECK (potential BETWEEN 1 AND 5),
        cadence_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX people_name_key ON people(name_key);
      CREATE INDEX people_email ON people(lower(email));
      CREATE INDEX people_phone ON people(phone);
      CREATE INDEX people_referred_by ON people(referred_by);

      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        held_at TEXT NOT NULL,
        goal TEXT NOT NULL CHECK (goal IN ('recruitment', 'maintenance', 'escalation')),
        template TEXT NOT NULL,
        planned_minutes REAL NOT NULL CHECK (planned_minutes > 0),
        status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
        step TEXT,
        current_phase INTEGER,
        planned_ask TEXT,
        agitation TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      );
      CREATE INDEX meetings_person ON meetings(person_id, held_at);
      CREATE INDEX meetings_held_at ON meetings(held_at);
      CREATE INDEX meetings_status ON meetings(status, updated_at);

      CREATE TABLE meeting_phases (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        phase_key TEXT NOT NULL,
        title TEXT NOT NULL,
        planned_seconds INTEGER NOT NULL,
        max_talk_share REAL NOT NULL,
        actual_seconds INTEGER,
        organizer_talk_seconds INTEGER,
        other_talk_seconds INTEGER,
        PRIMARY KEY (meeting_id, position)
      );

      CREATE TABLE rung_changes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        from_rung TEXT,
        to_rung TEXT NOT NULL,
        reason TEXT,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX rung_changes_person ON rung_changes(person_id, changed_at);
      CREATE INDEX rung_changes_when ON rung_changes(changed_at);

      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
        tag TEXT NOT NULL CHECK (tag IN ('value', 'interest', 'motivation', 'issue', 'skill', 'capacity', 'story', 'lead-in', 'note')),
        text TEXT NOT NULL,
        phase_key TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX notes_person ON notes(person_id, created_at);
      CREATE INDEX notes_meeting ON notes(meeting_id);

      CREATE TABLE asks (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        due_at TEXT,
        barriers TEXT,
        support TEXT,
        outcome TEXT CHECK (outcome IN ('yes', 'maybe', 'no')),
        result TEXT CHECK (result IN ('kept', 'broken')),
        checkin_at TEXT,
        checked_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX asks_person ON asks(person_id);
      CREATE INDEX asks_meeting ON asks(meeting_id);
      CREATE INDEX asks_open_checkins ON asks(checked_at, outcome, due_at);

      CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        due_at TEXT NOT NULL,
        done_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX followups_open ON followups(done_at, due_at);
      CREATE INDEX followups_person ON followups(person_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    name: '002-phase-extra-seconds',
    // Minutes added with + during a live phase, so a resumed meeting keeps them.
    sql: `ALTER TABLE meeting_phases ADD COLUMN extra_seconds INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    name: '003-person-figures',
    sql: `
      -- Lookups that were full scans on a large database: a meeting's follow-ups (show, export)
      -- and the rung changes a deleted meeting unlinks (forget).
      CREATE INDEX followups_meeting ON followups(meeting_id);
      CREATE INDEX rung_changes_meeting ON rung_changes(meeting_id);

      -- One row per person with the counts that people, leaders and followups would otherwise
      -- recompute over every meeting and ask. Kept exact on every write by the triggers below,
      -- in the same transaction as the write (a trigger is part of its statement).
      CREATE TABLE person_figures (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        meetings INTEGER NOT NULL DEFAULT 0,
        last_met TEXT,
        asks_made INTEGER NOT NULL DEFAULT 0,
        asks_yes INTEGER NOT NULL DEFAULT 0,
        asks_kept INTEGER NOT NULL DEFAULT 0,
        asks_broken INTEGER NOT NULL DEFAULT 0,
        open_asks INTEGER NOT NULL DEFAULT 0,
        open_followups INTEGER NOT NULL DEFAULT 0,
        referrals INTEGER NOT NULL DEFAULT 0
      );
      ${PERSON_FIGURES_BACKFILL}
      ${personFiguresTriggers()}
    `,
  },
  {
    // leaders ranks the potentials that can reach the page first; this lets it read only those people.
    name: '004-people-potential-index',
    sql: `CREATE INDEX people_potential ON people(potential);`,
  },
  {
    name: '005-codes-not-prose',
    sql: `
      -- A rung change records its cause as a code; reason keeps only the organizer's own words.
      ALTER TABLE rung_changes ADD COLUMN cause TEXT NOT NULL DEFAULT 'manual' CHECK (cause IN ('added', 'meeting', 'import', 'manual'));
      ALTER TABLE rung_changes ADD COLUMN detail TEXT;
      UPDATE rung_changes SET cause = 'added', reason = NULL WHERE from_rung IS NULL AND reason = 'added';
      UPDATE rung_changes SET cause = 'meeting', reason = NULL WHERE meeting_id IS NOT NULL AND reason LIKE 'after the meeting of %';
      UPDATE rung_changes SET cause = 'meeting' WHERE meeting_id IS NOT NULL AND cause = 'manual';
      UPDATE rung_changes SET cause = 'import', detail = substr(reason, length('imported from ') + 1), reason = NULL
        WHERE meeting_id IS NULL AND reason LIKE 'imported from %';

      -- A follow-up's text is the organizer's words, or NULL for the default one, worded when shown from the ask it follows.
      ${FOLLOWUP_TRIGGER_NAMES.map((name) => `DROP TRIGGER ${name};`).join('\n      ')}
      CREATE TABLE followups_005 (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        ask_id INTEGER REFERENCES asks(id) ON DELETE SET NULL,
        text TEXT,
        due_at TEXT NOT NULL,
        done_at TEXT,
        created_at TEXT NOT NULL
      );
      INSERT INTO followups_005 (id, person_id, meeting_id, ask_id, text, due_at, done_at, created_at)
        SELECT id, person_id, meeting_id, NULL, text, due_at, done_at, created_at FROM followups;
      -- The triggers of people, meetings and asks name followups: renaming must leave them as they are.
      PRAGMA legacy_alter_table = ON;
      DROP TABLE followups;
      ALTER TABLE followups_005 RENAME TO followups;
      PRAGMA legacy_alter_table = OFF;
      CREATE INDEX followups_open ON followups(done_at, due_at);
      CREATE INDEX followups_person ON followups(person_id);
      CREATE INDEX followups_meeting ON followups(meeting_id);
      ${followUpTriggers()}
      UPDATE followups SET ask_id = (
          SELECT a.id FROM asks a JOIN people p ON p.id = a.person_id
          WHERE a.meeting_id = followups.meeting_id
            AND followups.text = CASE WHEN a.outcome = 'no' THEN 'Check back in with ' ELSE 'Remind ' END || p.name || ' about: ' || a.text
          ORDER BY a.id DESC LIMIT 1)
        WHERE meeting_id IS NOT NULL;
      UPDATE followups SET text = NULL
        WHERE ask_id IS NOT NULL OR text = 'Follow up with ' || (SELECT name FROM people WHERE id = followups.person_id);
      CREATE INDEX followups_ask ON followups(ask_id);
    `,
  },
  {
    name: '006-a-record-you-can-trust',
    sql: `
      -- Names a person was known by (before a rename, or a duplicate merged into them): still found by them.
      CREATE TABLE person_names (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX person_names_key ON person_names(name_key);
      CREATE INDEX person_names_person ON person_names(person_id);

      -- The process running a draft ("host:pid"), so a second terminal cannot run the same meeting.
      ALTER TABLE meetings ADD COLUMN claimed_by TEXT;

      -- The undo journal: each change a command made, and the rows it touched as they were before.
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        person_id INTEGER,
        meeting_id INTEGER,
        detail TEXT,
        made_at TEXT NOT NULL,
        undone_at TEXT
      );
      CREATE INDEX changes_seq ON changes(undone_at, seq);
      CREATE INDEX changes_meeting ON changes(meeting_id);
      CREATE TABLE change_rows (
        id INTEGER PRIMARY KEY,
        change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        row_id INTEGER NOT NULL,
        old TEXT
      );
      CREATE INDEX change_rows_change ON change_rows(change_id);
      CREATE INDEX change_rows_row ON change_rows(tbl, row_id);
      CREATE TABLE change_recording (change_id INTEGER NOT NULL);
      ${Object.entries(JOURNALED_AT_006).map(([table, columns]) => journalTriggers(table, columns)).join('\n')}

      -- "Brought in" means first added through the referral (source 'referral'); a later "referred by" no longer makes it so.
      ${[...PERSON_FIGURES_TRIGGER_NAMES, ...FOLLOWUP_TRIGGER_NAMES].map((name) => `DROP TRIGGER ${name};`).join('\n      ')}
      ${personFiguresTriggers(BROUGHT_IN)}
      UPDATE person_figures SET referrals = coalesce((
        SELECT count(*) FROM people r WHERE r.referred_by = person_figures.person_id AND r.source = 'referral'), 0);
    `,
    data: rekeyNames,
  },
  SEARCH_MIGRATION,
  {
    name: '008-drafts-dated-when-begun',
    sql: '',
    data: redateBegunDrafts,
  },
  {
    // The talk clock's longest stretch of the organizer's talk, per phase; NULL where it was never measured.
    name: '009-longest-monologue',
    sql: `
      ALTER TABLE meeting_phases ADD COLUMN longest_monologue_seconds INTEGER;
    `,
  },
  {
    // The open questions and reflections the organizer marked (q, r), per phase; NULL where the guide did not count them.
    name: '010-open-questions-and-reflections',
    sql: `
      ALTER TABLE meeting_phases ADD COLUMN open_questions INTEGER;
      ALTER TABLE meeting_phases ADD COLUMN reflections INTEGER;
      ${journalTriggersAgain('meeting_phases')}
    `,
  },
  {
    // The debrief's checklist (a JSON list of what the organizer ticked), the scorecard as it was scored when the
    // meeting ended (JSON, never recomputed), and the organizer's own reflection; NULL for meetings before them.
    name: '011-scorecard-and-reflection',
    sql: `
      ALTER TABLE meetings ADD COLUMN checklist TEXT;
      ALTER TABLE meetings ADD COLUMN scorecard TEXT;
      ALTER TABLE meetings ADD COLUMN reflection TEXT;
      ${journalTriggersAgain('meetings', MEETINGS_AT_011)}
    `,
  },
  {
    // Who knows whom (a relationship between two people: symmetric kinds kept with the lower id first, 'leads' from
    // the one who leads; ended, never erased, by unrelate) and the places people share (units, and who belongs).
    name: '012-web-of-relationships',
    sql: `
      CREATE TABLE relationships (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('family', 'coworker', 'neighbor', 'same-building', 'congregation', 'friend', 'leads', 'other')),
        note TEXT,
        created_at TEXT NOT NULL,
        ended_at TEXT,
        CHECK (person_id <> other_id)
      );
      CREATE UNIQUE INDEX relationships_open ON relationships(person_id, other_id, kind) WHERE ended_at IS NULL;
      CREATE INDEX relationships_person ON relationships(person_id);
      CREATE INDEX relationships_other ON relationships(other_id);
      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('building', 'worksite', 'shift', 'school', 'congregation', 'block', 'other')),
        size INTEGER CHECK (size > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE unit_members (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        UNIQUE (unit_id, person_id)
      );
      CREATE INDEX unit_members_person ON unit_members(person_id);
      ${Object.entries(WEB_JOURNALED).map(([table, columns]) => journalTriggers(table, columns)).join('\n')}
    `,
  },
  {
    // Where someone stands on the campaign (0 not assessed, 1 strong supporter … 5 opposed) with every change kept;
    // contacts that are not one-on-ones (a call, a door knock); how and where a meeting was held.
    name: '013-assessments-and-contacts',
    sql: `
      ALTER TABLE people ADD COLUMN assessment INTEGER NOT NULL DEFAULT 0 CHECK (assessment BETWEEN 0 AND 5);
      CREATE INDEX people_assessment ON people(assessment) WHERE assessment > 0;
      CREATE TABLE assessment_changes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        from_level INTEGER NOT NULL CHECK (from_level BETWEEN 0 AND 5),
        to_level INTEGER NOT NULL CHECK (to_level BETWEEN 0 AND 5),
        cause TEXT NOT NULL CHECK (cause IN ('meeting', 'import', 'manual')),
        reason TEXT,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX assessment_changes_person ON assessment_changes(person_id, changed_at);
      CREATE INDEX assessment_changes_when ON assessment_changes(changed_at);
      CREATE INDEX assessment_changes_meeting ON assessment_changes(meeting_id);
      CREATE TABLE touches (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        by TEXT NOT NULL CHECK (by IN ('call', 'text', 'door', 'event', 'other')),
        note TEXT,
        touched_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX touches_person ON touches(person_id, touched_at);
      CREATE INDEX touches_when ON touches(touched_at);
      ALTER TABLE meetings ADD COLUMN mode TEXT CHECK (mode IN ('in-person', 'house-visit', 'phone', 'video'));
      ALTER TABLE meetings ADD COLUMN place TEXT;
      -- The figures' triggers count a person's complete meetings on every write; without statistics the planner
      -- would read them through meetings_status (every complete meeting), a cost that grows with the whole record.
      CREATE INDEX meetings_person_status ON meetings(person_id, status, held_at);
      ${journalTriggersAgain('people', PEOPLE_AT_013)}
      ${journalTriggersAgain('meetings')}
      ${Object.entries(CONTACT_JOURNALED).map(([table, columns]) => journalTriggers(table, columns)).join('\n')}
    `,
  },
  // A team's words for the assessment scale are a setting like any other here; the step is the server's (its guard).
  { name: '014-team-scale', sql: '' },
  {
    // Each person's latest contact that was not a one-on-one, kept with their figures: the cadence read it as an
    // aggregate over every touch, twice per followups, a cost that grew with the whole record.
    name: '015-last-touch',
    sql: `
      ALTER TABLE person_figures ADD COLUMN last_touch TEXT;
      ${LAST_TOUCH_BACKFILL};
      ${[...PERSON_FIGURES_TRIGGER_NAMES, ...FOLLOWUP_TRIGGER_NAMES].map((name) => `DROP TRIGGER ${name};`).join('\n      ')}
      ${personFiguresTriggers(BROUGHT_IN, true)}
    `,
  },
  {
    // The language someone would rather meet in (a code oneonone speaks; NULL where not known) and whether a meeting
    // with them needs an interpreter (0 or 1: SQLite has no boolean).
    name: '016-language-and-interpreter',
    sql: `
      ALTER TABLE people ADD COLUMN language TEXT CHECK (language IN ('en', 'es'));
      ALTER TABLE people ADD COLUMN interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1));
      ${journalTriggersAgain('people')}
    `,
  },
];

/** Recomputes every person's figures: the backfill of 003, and what a bulk loader runs after loading with triggers off. */
export const REFRESH_SUMMARIES: readonly string[] = [
  `DELETE FROM person_figures`,
  ...PERSON_FIGURES_BACKFILL.replace('WHERE referred_by IS NOT NULL', "WHERE referred_by IS NOT NULL AND source = 'referral'")
    .split(';').map((statement) => statement.trim()).filter((statement) => statement !== ''),
  LAST_TOUCH_BACKFILL,
];

/** Names keyed again by today's nameKey (apostrophes and dashes now fold), in batches so a large file stays small in memory. */
function rekeyNames(db: import('./db.js').Db): void {
  const update = db.prepare(`UPDATE people SET name_key = ? WHERE id = ?`);
  const page = db.prepare(`SELECT id, name, name_key AS key FROM people WHERE id > ? ORDER BY id LIMIT 5000`);
  for (let after = 0; ; ) {
    const rows = page.all(after) as { id: number; name: string; key: string }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const key = nameKey(row.name);
      if (key !== row.key) update.run(key, row.id);
    }
    after = rows.at(-1)!.id;
  }
}

/**
 * Drafts were once dated when prepared, not when the meeting began. Where a draft has begun, its phase times tell
 * when: the current phase was entered at updated_at, after the earlier phases' seconds; a note taken earlier wins.
 * A draft that has not finished its first phase and has no note is left as it is: nothing tells.
 */
function redateBegunDrafts(db: import('./db.js').Db): void {
  const drafts = db.prepare(`
    SELECT m.id, m.held_at AS heldAt, CASE WHEN m.step = 'phases' THEN m.updated_at END AS updatedAt,
           (SELECT sum(coalesce(ph.actual_seconds, 0)) FROM meeting_phases ph
             WHERE ph.meeting_id = m.id AND ph.position < coalesce(m.current_phase, 1e9)) AS seconds,
           (SELECT min(n.created_at) FROM notes n WHERE n.meeting_id = m.id) AS firstNote
    FROM meetings m WHERE m.status = 'draft' AND m.current_phase IS NOT NULL`).all() as {
    id: number; heldAt: string; updatedAt: string | null; seconds: number | null; firstNote: string | null;
  }[];
  const update = db.prepare(`UPDATE meetings SET held_at = ? WHERE id = ?`);
  for (const draft of drafts) {
    const begun = beganAt(draft.updatedAt, draft.seconds ?? 0, draft.firstNote);
    if (begun !== undefined && begun > Date.parse(draft.heldAt)) update.run(new Date(begun).toISOString(), draft.id);
  }
}

/**
 * Only a phase entered after a finished one dates the start: the first phase was entered when the draft was made,
 * and past the phases updated_at is when a debrief step began.
 */
function beganAt(updatedAt: string | null, seconds: number, firstNote: string | null): number | undefined {
  const fromPhases = updatedAt === null || seconds === 0 ? Number.POSITIVE_INFINITY : Date.parse(updatedAt) - seconds * 1000;
  const fromNote = firstNote === null ? Number.POSITIVE_INFINITY : Date.parse(firstNote);
  const begun = Math.min(fromPhases, fromNote);
  return Number.isFinite(begun) ? begun : undefined;
}
