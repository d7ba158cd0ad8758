/**
 * The PostgreSQL schema, as ordered, named steps like the SQLite engine's. The first step makes the whole schema as
 * the SQLite engine has it after its step 007; from there on both lists add steps under the same names. Times are
 * timestamptz (read back as the ISO-8601 UTC strings the SQLite engine stores), ids never reused (identity).
 * Run in one transaction under an advisory lock (see migrate.ts). Never edit a step that has shipped: add one.
 */
import { SEARCH_SCHEMA } from './search-schema.js';
import { CONTACTS_ON_EXISTING_TEAM, FIGURES_ON_EXISTING_TEAM, SCALE_ON_EXISTING_TEAM, WEB_ON_EXISTING_TEAM } from './team.js';

export interface PgMigration {
  name: string;
  sql: string;
}

/** The tables whose rows the undo journal keeps, with the columns that name one row, as step 007 made them. */
const JOURNALED_AT_007: Readonly<Record<string, readonly string[]>> = {
  people: ['id'],
  person_names: ['id'],
  meetings: ['id'],
  meeting_phases: ['meeting_id', 'position'],
  notes: ['id'],
  asks: ['id'],
  followups: ['id'],
  rung_changes: ['id'],
  settings: ['key'],
};

/** The tables of step 012 (the web of relationships). */
const WEB_JOURNALED_KEYS: Readonly<Record<string, readonly string[]>> = { relationships: ['id'], units: ['id'], unit_members: ['id'] };

/** The tables of step 013 (assessments' history, contacts that are not one-on-ones). */
const CONTACT_JOURNALED_KEYS: Readonly<Record<string, readonly string[]>> = { assessment_changes: ['id'], touches: ['id'] };

/** The tables whose rows the undo journal keeps, with the columns that name one row. */
export const JOURNALED_KEYS: Readonly<Record<string, readonly string[]>> = { ...JOURNALED_AT_007, ...WEB_JOURNALED_KEYS, ...CONTACT_JOURNALED_KEYS };

function journalTriggers(keys: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(keys)
    .map(([table, columns]) => `CREATE TRIGGER journal_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION journal_row(${columns.map((k) => `'${k}'`).join(', ')});`)
    .join('\n  ');
}

const FIGURES = `
  CREATE TABLE person_figures (
    person_id bigint PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    meetings integer NOT NULL DEFAULT 0,
    last_met timestamptz,
    asks_made integer NOT NULL DEFAULT 0,
    asks_yes integer NOT NULL DEFAULT 0,
    asks_kept integer NOT NULL DEFAULT 0,
    asks_broken integer NOT NULL DEFAULT 0,
    open_asks integer NOT NULL DEFAULT 0,
    open_followups integer NOT NULL DEFAULT 0,
    referrals integer NOT NULL DEFAULT 0
  );

  -- One person's figures recomputed whole from their own rows, so they cannot drift (the same rule as SQLite's triggers).
  CREATE FUNCTION refresh_person_figures(who bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO person_figures AS f
      (person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals)
    SELECT p.id,
      (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete'),
      (SELECT max(m.held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL),
      (SELECT count(*) FROM followups x WHERE x.person_id = p.id AND x.done_at IS NULL),
      (SELECT count(*) FROM people r WHERE r.referred_by = p.id AND r.source = 'referral')
    FROM people p WHERE p.id = who
    ON CONFLICT (person_id) DO UPDATE SET
      meetings = excluded.meetings, last_met = excluded.last_met, asks_made = excluded.asks_made, asks_yes = excluded.asks_yes,
      asks_kept = excluded.asks_kept, asks_broken = excluded.asks_broken, open_asks = excluded.open_asks,
      open_followups = excluded.open_followups, referrals = excluded.referrals;
  $$;

  CREATE FUNCTION person_figures_people() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      PERFORM refresh_person_figures(NEW.id);
      IF NEW.referred_by IS NOT NULL THEN PERFORM refresh_person_figures(NEW.referred_by); END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.referred_by IS NOT NULL THEN PERFORM refresh_person_figures(OLD.referred_by); END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER person_figures_people_insert AFTER INSERT ON people FOR EACH ROW EXECUTE FUNCTION person_figures_people();
  CREATE TRIGGER person_figures_people_referral AFTER UPDATE OF referred_by, source ON people FOR EACH ROW EXECUTE FUNCTION person_figures_people();
  CREATE TRIGGER person_figures_people_delete AFTER DELETE ON people FOR EACH ROW EXECUTE FUNCTION person_figures_people();

  -- Meetings, asks and follow-ups: the person before and after the change.
  CREATE FUNCTION person_figures_rows() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM refresh_person_figures(OLD.person_id); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.person_id IS DISTINCT FROM OLD.person_id) THEN
      PERFORM refresh_person_figures(NEW.person_id);
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER person_figures_meetings AFTER INSERT OR DELETE OR UPDATE OF person_id, status, held_at ON meetings
    FOR EACH ROW EXECUTE FUNCTION person_figures_rows();
  CREATE TRIGGER person_figures_asks AFTER INSERT OR DELETE OR UPDATE OF person_id, outcome, result, checked_at ON asks
    FOR EACH ROW EXECUTE FUNCTION person_figures_rows();
  CREATE TRIGGER person_figures_followups AFTER INSERT OR DELETE OR UPDATE OF person_id, done_at ON followups
    FOR EACH ROW EXECUTE FUNCTION person_figures_rows();
`;

/** Migration 015: each person's latest contact that was not a one-on-one, kept with their figures (see SQLite's step). */
const LAST_TOUCH = `
  ALTER TABLE person_figures ADD COLUMN last_touch timestamptz;
  CREATE OR REPLACE FUNCTION refresh_person_figures(who bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO person_figures AS f
      (person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals, last_touch)
    SELECT p.id,
      (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete'),
      (SELECT max(m.held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken'),
      (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL),
      (SELECT count(*) FROM followups x WHERE x.person_id = p.id AND x.done_at IS NULL),
      (SELECT count(*) FROM people r WHERE r.referred_by = p.id AND r.source = 'referral'),
      (SELECT max(t.touched_at) FROM touches t WHERE t.person_id = p.id)
    FROM people p WHERE p.id = who
    ON CONFLICT (person_id) DO UPDATE SET
      meetings = excluded.meetings, last_met = excluded.last_met, asks_made = excluded.asks_made, asks_yes = excluded.asks_yes,
      asks_kept = excluded.asks_kept, asks_broken = excluded.asks_broken, open_asks = excluded.open_asks,
      open_followups = excluded.open_followups, referrals = excluded.referrals, last_touch = excluded.last_touch;
  $$;
  UPDATE person_figures f SET last_touch = t.last_touch
    FROM (SELECT person_id, max(touched_at) AS last_touch FROM touches GROUP BY person_id) t WHERE t.person_id = f.person_id;
  CREATE TRIGGER person_figures_touches AFTER INSERT OR DELETE OR UPDATE OF person_id, touched_at ON touches
    FOR EACH ROW EXECUTE FUNCTION person_figures_rows();
`;

/**
 * The undo journal. A labelled write sets oneonone.change (transaction-local); while it is set, every row a write
 * inserts, updates or deletes is journaled with its key and, for an update or delete, the row as it was.
 */
const JOURNAL = `
  CREATE TABLE changes (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    seq bigint NOT NULL,
    kind text NOT NULL,
    person_id bigint,
    meeting_id bigint,
    detail text,
    made_at timestamptz NOT NULL,
    undone_at timestamptz
  );
  CREATE INDEX changes_seq ON changes(undone_at, seq);
  CREATE INDEX changes_meeting ON changes(meeting_id);
  CREATE TABLE change_rows (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    change_id bigint NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    tbl text NOT NULL,
    op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row_key jsonb NOT NULL,
    old jsonb
  );
  CREATE INDEX change_rows_change ON change_rows(change_id);

  CREATE FUNCTION journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    change text := current_setting('oneonone.change', true);
    key_columns text[] := TG_ARGV;
    source jsonb;
  BEGIN
    IF change IS NULL OR change = '' THEN RETURN NULL; END IF;
    source := CASE WHEN TG_OP = 'INSERT' THEN to_jsonb(NEW) ELSE to_jsonb(OLD) END;
    INSERT INTO change_rows (change_id, tbl, op, row_key, old)
    VALUES (change::bigint, TG_TABLE_NAME, lower(TG_OP),
            (SELECT jsonb_object_agg(k, source -> k) FROM unnest(key_columns) AS k),
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE source END);
    RETURN NULL;
  END $$;
  ${journalTriggers(JOURNALED_AT_007)}
`;

const SCHEMA = `
  CREATE TABLE people (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    name_key text NOT NULL,
    email text,
    phone text,
    neighborhood text,
    organization text,
    notes text,
    source text CHECK (source IN ('referral', 'event', 'import', 'other')),
    source_detail text,
    referred_by bigint REFERENCES people(id) ON DELETE SET NULL,
    rung text NOT NULL DEFAULT 'contact',
    potential integer CHECK (potential BETWEEN 1 AND 5),
    cadence_until timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX people_name_key ON people(name_key);
  CREATE INDEX people_name_key_prefix ON people(name_key text_pattern_ops);
  CREATE INDEX people_email ON people(lower(email));
  CREATE INDEX people_phone ON people(phone);
  CREATE INDEX people_referred_by ON people(referred_by);
  CREATE INDEX people_potential ON people(potential);

  CREATE TABLE person_names (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name text NOT NULL,
    name_key text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX person_names_key ON person_names(name_key);
  CREATE INDEX person_names_person ON person_names(person_id);

  CREATE TABLE meetings (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    held_at timestamptz NOT NULL,
    goal text NOT NULL CHECK (goal IN ('recruitment', 'maintenance', 'escalation')),
    template text NOT NULL,
    planned_minutes double precision NOT NULL CHECK (planned_minutes > 0),
    status text NOT NULL CHECK (status IN ('draft', 'complete')),
    step text,
    current_phase integer,
    planned_ask text,
    agitation text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    completed_at timestamptz,
    claimed_by text
  );
  CREATE INDEX meetings_person ON meetings(person_id, held_at);
  CREATE INDEX meetings_held_at ON meetings(held_at);
  CREATE INDEX meetings_status ON meetings(status, updated_at);

  CREATE TABLE meeting_phases (
    meeting_id bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position integer NOT NULL,
    phase_key text NOT NULL,
    title text NOT NULL,
    planned_seconds integer NOT NULL,
    max_talk_share double precision NOT NULL,
    actual_seconds integer,
    organizer_talk_seconds integer,
    other_talk_seconds integer,
    extra_seconds integer NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, position)
  );

  CREATE TABLE rung_changes (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    from_rung text,
    to_rung text NOT NULL,
    reason text,
    meeting_id bigint REFERENCES meetings(id) ON DELETE SET NULL,
    changed_at timestamptz NOT NULL,
    cause text NOT NULL DEFAULT 'manual' CHECK (cause IN ('added', 'meeting', 'import', 'manual')),
    detail text
  );
  CREATE INDEX rung_changes_person ON rung_changes(person_id, changed_at);
  CREATE INDEX rung_changes_when ON rung_changes(changed_at);
  CREATE INDEX rung_changes_meeting ON rung_changes(meeting_id);

  CREATE TABLE notes (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    meeting_id bigint REFERENCES meetings(id) ON DELETE CASCADE,
    tag text NOT NULL CHECK (tag IN ('value', 'interest', 'motivation', 'issue', 'skill', 'capacity', 'story', 'lead-in', 'note')),
    text text NOT NULL,
    phase_key text,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX notes_person ON notes(person_id, created_at);
  CREATE INDEX notes_meeting ON notes(meeting_id);

  CREATE TABLE asks (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    meeting_id bigint REFERENCES meetings(id) ON DELETE CASCADE,
    text text NOT NULL CHECK (length(btrim(text)) > 0),
    due_at timestamptz,
    barriers text,
    support text,
    outcome text CHECK (outcome IN ('yes', 'maybe', 'no')),
    result text CHECK (result IN ('kept', 'broken')),
    checkin_at timestamptz,
    checked_at timestamptz,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX asks_person ON asks(person_id);
  CREATE INDEX asks_meeting ON asks(meeting_id);
  CREATE INDEX asks_open_checkins ON asks(checked_at, outcome, due_at);

  CREATE TABLE followups (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    meeting_id bigint REFERENCES meetings(id) ON DELETE SET NULL,
    ask_id bigint REFERENCES asks(id) ON DELETE SET NULL,
    text text,
    due_at timestamptz NOT NULL,
    done_at timestamptz,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX followups_open ON followups(done_at, due_at);
  CREATE INDEX followups_person ON followups(person_id);
  CREATE INDEX followups_meeting ON followups(meeting_id);
  CREATE INDEX followups_ask ON followups(ask_id);

  CREATE TABLE settings (
    key text PRIMARY KEY,
    value text NOT NULL
  );
`;

const WEB_SCHEMA = `
  CREATE TABLE relationships (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    other_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('family', 'coworker', 'neighbor', 'same-building', 'congregation', 'friend', 'leads', 'other')),
    note text,
    created_at timestamptz NOT NULL,
    ended_at timestamptz,
    CHECK (person_id <> other_id)
  );
  CREATE UNIQUE INDEX relationships_open ON relationships(person_id, other_id, kind) WHERE ended_at IS NULL;
  CREATE INDEX relationships_person ON relationships(person_id);
  CREATE INDEX relationships_other ON relationships(other_id);
  CREATE TABLE units (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    name_key text NOT NULL UNIQUE,
    kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('building', 'worksite', 'shift', 'school', 'congregation', 'block', 'other')),
    size integer CHECK (size > 0),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE TABLE unit_members (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    unit_id bigint NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    UNIQUE (unit_id, person_id)
  );
  CREATE INDEX unit_members_person ON unit_members(person_id);
`;

const CONTACTS_SCHEMA = `
  ALTER TABLE people ADD COLUMN assessment integer NOT NULL DEFAULT 0 CHECK (assessment BETWEEN 0 AND 5);
  CREATE INDEX people_assessment ON people(assessment) WHERE assessment > 0;
  CREATE TABLE assessment_changes (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    from_level integer NOT NULL CHECK (from_level BETWEEN 0 AND 5),
    to_level integer NOT NULL CHECK (to_level BETWEEN 0 AND 5),
    cause text NOT NULL CHECK (cause IN ('meeting', 'import', 'manual')),
    reason text,
    meeting_id bigint REFERENCES meetings(id) ON DELETE SET NULL,
    changed_at timestamptz NOT NULL
  );
  CREATE INDEX assessment_changes_person ON assessment_changes(person_id, changed_at);
  CREATE INDEX assessment_changes_when ON assessment_changes(changed_at);
  CREATE INDEX assessment_changes_meeting ON assessment_changes(meeting_id);
  CREATE TABLE touches (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    by text NOT NULL CHECK (by IN ('call', 'text', 'door', 'event', 'other')),
    note text,
    touched_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX touches_person ON touches(person_id, touched_at);
  CREATE INDEX touches_when ON touches(touched_at);
  ALTER TABLE meetings ADD COLUMN mode text CHECK (mode IN ('in-person', 'house-visit', 'phone', 'video')), ADD COLUMN place text;
`;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { name: '007-schema', sql: SCHEMA + FIGURES + JOURNAL + SEARCH_SCHEMA },
  // SQLite's drafts were dated when prepared; no server ever held one.
  { name: '008-drafts-dated-when-begun', sql: '' },
  // The talk clock's longest stretch of the organizer's talk, per phase; NULL where it was never measured.
  { name: '009-longest-monologue', sql: 'ALTER TABLE meeting_phases ADD COLUMN longest_monologue_seconds integer;' },
  // The open questions and reflections the organizer marked (q, r), per phase; NULL where the guide did not count them.
  { name: '010-open-questions-and-reflections', sql: 'ALTER TABLE meeting_phases ADD COLUMN open_questions integer, ADD COLUMN reflections integer;' },
  // The debrief's checklist, the scorecard as scored when the meeting ended (never recomputed), the organizer's reflection.
  { name: '011-scorecard-and-reflection', sql: 'ALTER TABLE meetings ADD COLUMN checklist text, ADD COLUMN scorecard text, ADD COLUMN reflection text;' },
  // Who knows whom and the places people share (see SQLite's step of the same name).
  { name: '012-web-of-relationships', sql: WEB_SCHEMA + journalTriggers(WEB_JOURNALED_KEYS) + WEB_ON_EXISTING_TEAM },
  // Assessments with their history, contacts that are not one-on-ones, how and where a meeting was held (as SQLite's).
  { name: '013-assessments-and-contacts', sql: CONTACTS_SCHEMA + journalTriggers(CONTACT_JOURNALED_KEYS) + CONTACTS_ON_EXISTING_TEAM },
  // The team's words for the assessment scale, an admin's to change like its sensitive words (on a team server).
  { name: '014-team-scale', sql: SCALE_ON_EXISTING_TEAM },
  // A replaced function loses SECURITY DEFINER, which a team's figures need (a teammate's rows count too).
  { name: '015-last-touch', sql: LAST_TOUCH + FIGURES_ON_EXISTING_TEAM },
  // The language someone would rather meet in and whether a meeting needs an interpreter (0 or 1, as SQLite keeps it).
  {
    name: '016-language-and-interpreter',
    sql: `ALTER TABLE people ADD COLUMN language text CHECK (language IN ('en', 'es')),
      ADD COLUMN interpreter integer NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1));`,
  },
];
