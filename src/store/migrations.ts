/**
 * Ordered, named schema steps. Each runs once, in its own transaction, and is recorded in `migrations`.
 * Plain SQL with ISO-8601 text dates so the same steps can later run on PostgreSQL.
 * Never edit a step that has shipped: add a new one.
 */
export interface Migration {
  name: string;
  sql: string;
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
];
