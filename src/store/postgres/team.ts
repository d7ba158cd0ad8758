/**
 * The team on a server: organizers are PostgreSQL login roles in a group role, and the database itself decides what
 * each may read, through row-level security enabled and forced on the tables that hold what was said in confidence.
 * `team init` runs this once, as a superuser: the functions it makes are then owned by a role that row security does
 * not bind, so a policy can look a note up whoever asks.
 */
import { UserError } from '../../support/errors.js';
import type { AuditEntry, HandoffInput, HandoffRecord, HandoffResult, Organizer, TeamAdmin, TeamRole, TeamSideOfPerson } from '../contract.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';
import { TEAM_WORDS_SETTING } from '../../meeting/sensitive.js';
import { ASSESSMENT_SCALE_SETTING } from '../../people/assessment.js';
import { SEARCH_SOURCES } from '../sqlite/search-schema.js';
import { PERSON_ROWS as MERGED_ROWS } from './corrections.js';
import { REVIEW_POLICIES, REVIEW_SCHEMA } from './review.js';
import { mergeWebStatements } from './web.js';

export const TEAM_ROLES: readonly TeamRole[] = ['organizer', 'lead', 'director', 'admin'];

/** The note tags whose notes the team reads by default; any other tag ('note' among them) stays with its author. */
const TEAM_TAGS = ['value', 'interest', 'motivation', 'issue', 'skill', 'capacity', 'story', 'lead-in'];

/** Note codes in search_index are below this (one per tag); the index of a note is readable when the note is. */
const FIRST_NON_NOTE_CODE = 9;

/** The tables read only about the people one knows, with what makes a row one's own whoever the person is. */
const KNOWN_ROWS: readonly [table: string, mine: string][] = [
  ['meetings', 'organizer_id = team_me()'],
  ['asks', 'owner_id = team_me()'],
  ['followups', 'owner_id = team_me()'],
  // rung_changes.organizer_id is the weekly review's (REVIEW_SCHEMA, made before these policies).
  ['rung_changes', 'organizer_id = team_me()'],
];

/** Step 013's tables, read as meetings are: by whoever recorded the row, or may read about the person. */
const CONTACT_ROWS: readonly [table: string, mine: string][] = [
  ['assessment_changes', 'organizer_id = team_me()'],
  ['touches', 'organizer_id = team_me()'],
];

const CONTACTS_SCHEMA = CONTACT_ROWS.map(([table]) => `
  ALTER TABLE ${table} ADD COLUMN organizer_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  CREATE INDEX ${table}_organizer ON ${table}(organizer_id);`).join('');

/** Rows that say who held or made them: a meeting, a contact, an assessment; nobody writes one in another's name. */
const IN_ONES_OWN_NAME = new Set(['meetings', ...CONTACT_ROWS.map(([table]) => table)]);

function knownRowPolicies(rows: readonly [table: string, mine: string][]): string {
  return rows.map(([table, mine]) => `
  ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
  CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (${mine} OR team_knows(person_id));
  CREATE POLICY ${table}_add ON ${table} FOR INSERT WITH CHECK (${IN_ONES_OWN_NAME.has(table) ? 'organizer_id IS NOT DISTINCT FROM team_me()' : 'true'});
  CREATE POLICY ${table}_change ON ${table} FOR UPDATE USING (${mine} OR team_knows(person_id)) WITH CHECK (true);
  CREATE POLICY ${table}_remove ON ${table} FOR DELETE USING (${mine} OR team_knows(person_id));`).join('');
}

/** Search entries other than notes that follow their row: code, table, and the column naming the row's organizer. */
const INDEXED_HOLDERS: readonly [code: number, table: string, holder: string][] = SEARCH_SOURCES
  .filter((source) => source.kind !== 'note' && source.table !== 'people')
  .map((source) => [source.code, source.table, source.table === 'meetings' ? 'organizer_id' : 'owner_id']);

/**
 * Who knows whom is read as meetings are: by whoever recorded it, owns or has met either person (team_knows: their
 * lead, the directors and admins too), and written in one's own name. The places people share are the team's.
 */
const WEB_SCHEMA = `
  ALTER TABLE relationships ADD COLUMN organizer_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  CREATE INDEX relationships_organizer ON relationships(organizer_id);
  -- One open relationship of a kind per recorder: refused as "already there", a login would learn of a teammate's it may not read.
  DROP INDEX relationships_open;
  CREATE UNIQUE INDEX relationships_open ON relationships(person_id, other_id, kind, organizer_id) WHERE ended_at IS NULL;
  -- Whoever may read a relationship may end it (and undo that), never rewrite it: who, how, the note and who recorded it
  -- stay as written, except by the schema's owner (a merge, team_merge_people).
  CREATE FUNCTION relationships_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF (NEW.person_id, NEW.other_id, NEW.kind, NEW.note, NEW.created_at, NEW.organizer_id) IS DISTINCT FROM
       (OLD.person_id, OLD.other_id, OLD.kind, OLD.note, OLD.created_at, OLD.organizer_id)
       AND NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) THEN
      RAISE EXCEPTION 'oneonone: a relationship is ended, never rewritten: end it and record the right one in your own name' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER relationships_guard BEFORE UPDATE ON relationships FOR EACH ROW EXECUTE FUNCTION relationships_guard();
`;
const WEB_POLICIES = `
  ALTER TABLE relationships ENABLE ROW LEVEL SECURITY;
  ALTER TABLE relationships FORCE ROW LEVEL SECURITY;
  CREATE POLICY relationships_read ON relationships FOR SELECT USING (organizer_id = team_me() OR team_knows(person_id) OR team_knows(other_id));
  CREATE POLICY relationships_add ON relationships FOR INSERT WITH CHECK (organizer_id IS NOT DISTINCT FROM team_me());
  CREATE POLICY relationships_change ON relationships FOR UPDATE USING (organizer_id = team_me() OR team_knows(person_id) OR team_knows(other_id)) WITH CHECK (true);
  CREATE POLICY relationships_remove ON relationships FOR DELETE USING (organizer_id = team_me());
  ${['units', 'unit_members'].map((table) => `
  ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
  CREATE POLICY ${table}_team ON ${table} FOR ALL USING (team_me() IS NOT NULL) WITH CHECK (team_me() IS NOT NULL);`).join('')}
`;

/** A merge as the schema's owner, after checking the role: every row about the duplicate moves, teammates' among them. */
const MERGE_PEOPLE = `
  CREATE OR REPLACE FUNCTION team_merge_people(dup bigint, kept bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    PERFORM team_must_erase();
    DELETE FROM rung_changes WHERE person_id = dup AND cause = 'added';
    ${[...MERGED_ROWS, 'handoffs'].map((table) => `UPDATE ${table} SET person_id = kept WHERE person_id = dup;`).join(' ')}
    ${mergeWebStatements('dup', 'kept').map((statement) => `${statement};`).join('\n    ')}
    UPDATE people SET referred_by = CASE WHEN id = kept THEN NULL ELSE kept END WHERE referred_by = dup;
    DELETE FROM people WHERE id = dup;
  END $$;
`;

/**
 * Migration 012 on a server whose team was set up before it: the web's rules as team init now makes them, the grants
 * init gave every table then, and the merge that carries relationships and places (the old one would lose them to the
 * cascade). Nothing on a server without a team.
 */
export const WEB_ON_EXISTING_TEAM = `
  DO $web$ BEGIN
    IF to_regclass('organizers') IS NOT NULL THEN
      EXECUTE ${quoteLiteral(`${WEB_SCHEMA}
${WEB_POLICIES}
${webGrants()}
${MERGE_PEOPLE}`)};
    END IF;
  END $web$;
`;

/** Migration 013 on a server whose team was set up before it, as WEB_ON_EXISTING_TEAM is for 012. */
/**
 * The team's settings that are an admin's to change, whatever SQL a member runs: its own sensitive words, and its
 * words for the assessment scale.
 */
const SETTINGS_GUARD = `
  CREATE OR REPLACE FUNCTION team_words_guard() RETURNS trigger LANGUAGE plpgsql AS $guard$
  DECLARE
    changed text := CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END;
  BEGIN
    IF changed IN ('${TEAM_WORDS_SETTING}', '${ASSESSMENT_SCALE_SETTING}')
       AND NOT coalesce(team_role() = 'admin' OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
      RAISE EXCEPTION 'oneonone: only an admin can change %',
        CASE WHEN changed = '${TEAM_WORDS_SETTING}' THEN 'the team''s sensitive words' ELSE 'the team''s words for the assessment scale' END
        USING ERRCODE = '42501';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END $guard$;`;

/** A team made before the scale could be renamed guards it too. */
/** The figures are recounted from every row about the person, whoever's change set it off. */
const FIGURES_AS_DEFINER = `  ALTER FUNCTION refresh_person_figures(bigint) SECURITY DEFINER;
  ALTER FUNCTION refresh_person_figures(bigint) SET search_path FROM CURRENT;`;

/** Migration 015 replaces the figures' function; on a server whose team was set up, it runs as its owner again. */
export const FIGURES_ON_EXISTING_TEAM = `
  DO $figures$ BEGIN
    IF to_regclass('organizers') IS NOT NULL THEN
      EXECUTE ${quoteLiteral(FIGURES_AS_DEFINER)};
    END IF;
  END $figures$;
`;

export const SCALE_ON_EXISTING_TEAM = `
  DO $scale$ BEGIN
    IF to_regprocedure('team_words_guard()') IS NOT NULL THEN
      EXECUTE ${quoteLiteral(SETTINGS_GUARD)};
    END IF;
  END $scale$;
`;

export const CONTACTS_ON_EXISTING_TEAM = `
  DO $contacts$ BEGIN
    IF to_regclass('organizers') IS NOT NULL THEN
      EXECUTE ${quoteLiteral(`${CONTACTS_SCHEMA}
${knownRowPolicies(CONTACT_ROWS)}
${contactGrants()}
${MERGE_PEOPLE}`)};
    END IF;
  END $contacts$;
`;

function contactGrants(): string {
  const everyone = TEAM_ROLES.map(quoteIdent).join(', ');
  return `
  GRANT SELECT, INSERT, UPDATE, DELETE ON ${CONTACT_ROWS.map(([table]) => table).join(', ')} TO ${everyone};
  GRANT USAGE, SELECT, UPDATE ON SEQUENCE ${CONTACT_ROWS.map(([table]) => `${table}_id_seq`).join(', ')} TO ${everyone};`;
}

function webGrants(): string {
  const everyone = TEAM_ROLES.map(quoteIdent).join(', ');
  return `
  GRANT SELECT, INSERT, UPDATE, DELETE ON relationships, units, unit_members TO ${everyone};
  GRANT USAGE, SELECT, UPDATE ON SEQUENCE relationships_id_seq, units_id_seq, unit_members_id_seq TO ${everyone};`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** An ask still waiting to be checked on (asks a), as the agenda lists it. */
const OPEN_ASK = `checked_at IS NULL AND result IS NULL AND (outcome IS NULL OR outcome IN ('yes', 'maybe'))`;

const SCHEMA = `
  CREATE TABLE organizers (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
    login name NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN (${TEAM_ROLES.map((role) => `'${role}'`).join(', ')})),
    supervisor_id bigint REFERENCES organizers(id) ON DELETE SET NULL,
    added_at timestamptz NOT NULL DEFAULT now(),
    -- A removed organizer stays, so what they did keeps its name; their login reads and writes nothing any more.
    removed_at timestamptz
  );
  CREATE TABLE note_visibility (
    tag text PRIMARY KEY,
    visibility text NOT NULL CHECK (visibility IN ('private', 'team'))
  );
  INSERT INTO note_visibility (tag, visibility) VALUES ${TEAM_TAGS.map((tag) => `('${tag}', 'team')`).join(', ')}, ('note', 'private');

  CREATE FUNCTION team_me() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT id FROM organizers WHERE login = session_user AND removed_at IS NULL
  $$;
  CREATE FUNCTION team_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT role FROM organizers WHERE login = session_user AND removed_at IS NULL
  $$;
  ALTER TABLE people ADD COLUMN owner_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  ALTER TABLE meetings ADD COLUMN organizer_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  ALTER TABLE notes ADD COLUMN author_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  ALTER TABLE notes ADD COLUMN visibility text CHECK (visibility IN ('private', 'team'));
  ALTER TABLE changes ADD COLUMN organizer_id bigint REFERENCES organizers(id) ON DELETE CASCADE DEFAULT team_me();
  -- Who holds an open ask or follow-up: whoever made it, until a handoff carries it to the person's new owner.
  ALTER TABLE asks ADD COLUMN owner_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  ALTER TABLE followups ADD COLUMN owner_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  CREATE INDEX asks_owner ON asks(owner_id);
  CREATE INDEX followups_owner ON followups(owner_id);
  CREATE INDEX people_owner ON people(owner_id);
  CREATE INDEX meetings_organizer ON meetings(organizer_id);
  ${WEB_SCHEMA}
  ${CONTACTS_SCHEMA}

  -- A person's handoffs, in their history: from whom, to whom, who did it, the introduction, whether their open
  -- asks and follow-ups went along.
  CREATE TABLE handoffs (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    from_id bigint REFERENCES organizers(id) ON DELETE SET NULL,
    to_id bigint NOT NULL REFERENCES organizers(id),
    by_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me(),
    note text NOT NULL CHECK (length(btrim(note)) > 0),
    carried boolean NOT NULL,
    at timestamptz NOT NULL
  );
  CREATE INDEX handoffs_person ON handoffs(person_id);
  CREATE TRIGGER journal_handoffs AFTER INSERT OR UPDATE OR DELETE ON handoffs FOR EACH ROW EXECUTE FUNCTION journal_row('id');

  -- A person changes owner only by their owner's hand or a lead's, director's or admin's, and never to someone removed.
  CREATE FUNCTION team_may_hand_over(owner bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(owner IS NOT DISTINCT FROM team_me() OR team_role() IN ('lead', 'director', 'admin')
                    OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
  $$;
  CREATE FUNCTION people_owner_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.owner_id IS NOT DISTINCT FROM OLD.owner_id THEN RETURN NEW; END IF;
    IF NOT coalesce(team_may_hand_over(OLD.owner_id)
            OR (SELECT h.by_id = team_me() AND h.to_id = OLD.owner_id AND h.from_id IS NOT DISTINCT FROM NEW.owner_id
                FROM handoffs h WHERE h.person_id = OLD.id ORDER BY h.id DESC LIMIT 1), false) THEN
      RAISE EXCEPTION 'oneonone: only the owner of a person, or a lead, director or admin, can hand them to another organizer'
        USING ERRCODE = '42501';
    END IF;
    IF NEW.owner_id IS NOT NULL AND (SELECT removed_at FROM organizers WHERE id = NEW.owner_id) IS NOT NULL THEN
      RAISE EXCEPTION 'oneonone: that organizer is no longer on the team' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER people_owner BEFORE UPDATE OF owner_id ON people FOR EACH ROW EXECUTE FUNCTION people_owner_guard();
  -- Who may read a note: its author always; a team note, the directors and admins, the author's lead, and whoever owns
  -- or has met the person. A private note, nobody else, whatever their role.
  CREATE FUNCTION team_may_read(author bigint, visibility text, person bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT author = team_me() OR (visibility = 'team' AND (
      team_role() IN ('director', 'admin')
      OR EXISTS (SELECT 1 FROM organizers o WHERE o.id = author AND o.supervisor_id = team_me())
      OR EXISTS (SELECT 1 FROM people p WHERE p.id = person AND p.owner_id = team_me())
      OR EXISTS (SELECT 1 FROM meetings m WHERE m.person_id = person AND m.organizer_id = team_me())))
  $$;
  -- A note's words in the search index follow the note; a note already gone (its row being deleted) hides nothing.
  CREATE FUNCTION team_may_read_note(note bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT coalesce((SELECT team_may_read(n.author_id, n.visibility, n.person_id) FROM notes n WHERE n.id = note), true)
  $$;
  -- Whom an organizer knows, and so reads the meetings, asks, follow-ups and ladder of: the people they own or have
  -- met, and for a lead their organizers' too; a director or an admin everyone. The rest of the team's people they
  -- see by name, rung, owner and figures (last met), to avoid contacting them twice.
  CREATE FUNCTION team_knows(person bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT coalesce(team_role() IN ('director', 'admin'), false)
      OR EXISTS (SELECT 1 FROM people p WHERE p.id = person
                 AND (p.owner_id = team_me() OR p.owner_id IN (SELECT o.id FROM organizers o WHERE o.supervisor_id = team_me())))
      OR EXISTS (SELECT 1 FROM meetings m WHERE m.person_id = person
                 AND (m.organizer_id = team_me() OR m.organizer_id IN (SELECT o.id FROM organizers o WHERE o.supervisor_id = team_me())))
  $$;
  -- A search entry is read when what it indexes is; one whose row is already gone (being deleted) hides nothing.
  CREATE FUNCTION team_may_read_indexed(entry integer, row_id bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN entry < ${FIRST_NON_NOTE_CODE} THEN team_may_read_note(row_id)
      ${INDEXED_HOLDERS.map(([code, table, holder]) => `WHEN entry = ${code} THEN coalesce((SELECT t.${holder} = team_me() OR team_knows(t.person_id) FROM ${table} t WHERE t.id = row_id), true)`).join(' ')}
      ELSE true END
  $$;
${FIGURES_AS_DEFINER}
  -- A note takes its tag's visibility when written unless its author chose one (kept private); a corrected tag can
  -- make it private (value to note), never the other way: a note once private stays so.
  CREATE FUNCTION note_visibility_default() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    by_tag text := coalesce((SELECT v.visibility FROM note_visibility v WHERE v.tag = NEW.tag), 'private');
  BEGIN
    IF NEW.visibility IS NULL OR (TG_OP = 'UPDATE' AND NEW.tag <> OLD.tag AND NEW.visibility = OLD.visibility AND by_tag = 'private') THEN
      NEW.visibility := by_tag;
    END IF;
    RETURN NEW;
  END $$;

  CREATE TRIGGER notes_visibility BEFORE INSERT OR UPDATE OF tag ON notes FOR EACH ROW EXECUTE FUNCTION note_visibility_default();

  -- What matters to a member's safety, written by the database itself (no login may write or change it): a person
  -- erased (never their name), an organizer added, their role changed, their removal.
  CREATE TABLE team_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    login name NOT NULL DEFAULT session_user,
    what text NOT NULL,
    detail text
  );
  CREATE FUNCTION team_audit_person() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    INSERT INTO team_audit (what, detail) VALUES ('person erased', 'a person (forget, merge or undo of their adding)');
    RETURN NULL;
  END $$;
  CREATE TRIGGER audit_people AFTER DELETE ON people FOR EACH ROW EXECUTE FUNCTION team_audit_person();
  CREATE FUNCTION team_audit_organizer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO team_audit (what, detail) VALUES ('organizer added', format('%s (%s) as %s', NEW.name, NEW.login, NEW.role));
    ELSIF NEW.removed_at IS NOT NULL AND OLD.removed_at IS NULL THEN
      INSERT INTO team_audit (what, detail) VALUES ('organizer removed', format('%s (%s)', NEW.name, NEW.login));
    ELSIF NEW.role <> OLD.role THEN
      INSERT INTO team_audit (what, detail) VALUES ('role changed', format('%s: %s to %s', NEW.name, OLD.role, NEW.role));
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER audit_organizers AFTER INSERT OR UPDATE ON organizers FOR EACH ROW EXECUTE FUNCTION team_audit_organizer();
  CREATE FUNCTION team_audit_handoff() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    INSERT INTO team_audit (what, detail) VALUES ('handoff', format('P%s from %s to %s', NEW.person_id,
      coalesce((SELECT name FROM organizers WHERE id = NEW.from_id), 'nobody'), (SELECT name FROM organizers WHERE id = NEW.to_id)));
    RETURN NULL;
  END $$;
  CREATE TRIGGER audit_handoffs AFTER INSERT ON handoffs FOR EACH ROW EXECUTE FUNCTION team_audit_handoff();
  -- Erasing a person (forget, merge) is a lead's, an admin's or the superuser's, and takes every row about them,
  -- teammates' private notes and every organizer's undo journal among them, which no policy would let the login see:
  -- so it runs as the schema's owner, after checking who asks.
  CREATE FUNCTION team_may_erase() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(team_role() IN ('lead', 'admin') OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
  $$;
  CREATE FUNCTION team_must_erase() RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    IF NOT team_may_erase() THEN
      RAISE EXCEPTION 'oneonone: only a lead or an admin can erase a person on a team server' USING ERRCODE = '42501';
    END IF;
  END $$;
  CREATE FUNCTION team_erase_counts(who bigint) RETURNS TABLE (meetings bigint, notes bigint, asks bigint, followups bigint, "rungChanges" bigint, "referralsUnlinked" bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT (SELECT count(*) FROM meetings WHERE person_id = who), (SELECT count(*) FROM notes WHERE person_id = who),
           (SELECT count(*) FROM asks WHERE person_id = who), (SELECT count(*) FROM followups WHERE person_id = who),
           (SELECT count(*) FROM rung_changes WHERE person_id = who), (SELECT count(*) FROM people WHERE referred_by = who)
    WHERE team_may_erase()
  $$;
  CREATE FUNCTION team_erase_person(who bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    PERFORM team_must_erase();
    DELETE FROM people WHERE id = who;
  END $$;
  CREATE FUNCTION team_erase_history(at timestamptz) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    PERFORM team_must_erase();
    DELETE FROM change_rows;
    DELETE FROM changes;
    -- Every organizer's undo then says it stops at a forget.
    INSERT INTO changes (seq, kind, made_at, organizer_id) SELECT 1, 'forget', at, id FROM organizers;
  END $$;
  ${MERGE_PEOPLE}

  ${SETTINGS_GUARD}
  CREATE TRIGGER settings_team_words BEFORE INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION team_words_guard();

  -- An export is recorded by the command that makes it; the entry carries the login, so nobody can write one for another.
  CREATE FUNCTION team_record_export(what text) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO team_audit (what, detail) VALUES ('export', what)
  $$;

  -- A coach's note on a meeting: a lead's on one held by an organizer they lead, or a director's or an admin's on
  -- anyone's but their own. read_at is when the organizer who held the meeting read it (in review).
  CREATE TABLE coach_notes (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    coach_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me(),
    text text NOT NULL CHECK (length(btrim(text)) > 0),
    at timestamptz NOT NULL,
    read_at timestamptz
  );
  CREATE INDEX coach_notes_meeting ON coach_notes(meeting_id);
  -- Why this login may not coach that meeting, as a code (NULL: it may). Asked by the CLI for its one line and by the
  -- policy, so the two never disagree; it tells a lead only that a meeting exists, never whose it is.
  CREATE FUNCTION team_coach_refusal(meeting bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT CASE
      WHEN team_me() IS NULL THEN 'not-on-team'
      WHEN team_role() NOT IN ('lead', 'director', 'admin') THEN 'not-a-coach'
      WHEN m.id IS NULL THEN 'unknown'
      WHEN m.organizer_id IS NOT DISTINCT FROM team_me() THEN 'own'
      WHEN team_role() = 'lead' AND o.supervisor_id IS DISTINCT FROM team_me() THEN 'not-led'
    END
    FROM (SELECT 1) AS one
      LEFT JOIN meetings m ON m.id = meeting
      LEFT JOIN organizers o ON o.id = m.organizer_id AND o.removed_at IS NULL
  $$;
  -- Who reads the coach's notes on a meeting besides their author: the organizer who held it, their lead, the
  -- directors and admins.
  CREATE FUNCTION team_may_read_coaching(meeting bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT coalesce(team_role() IN ('director', 'admin'), false)
      OR EXISTS (SELECT 1 FROM meetings m LEFT JOIN organizers o ON o.id = m.organizer_id
                 WHERE m.id = meeting AND (m.organizer_id = team_me() OR o.supervisor_id = team_me()))
  $$;
  CREATE FUNCTION team_held(meeting bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting AND m.organizer_id = team_me())
  $$;
`;

/** What was there before the team: the first admin's. */
const ADOPT = `
  UPDATE people SET owner_id = $1 WHERE owner_id IS NULL;
  UPDATE meetings SET organizer_id = $1 WHERE organizer_id IS NULL;
  UPDATE notes SET author_id = $1, visibility = coalesce((SELECT v.visibility FROM note_visibility v WHERE v.tag = notes.tag), 'private') WHERE author_id IS NULL;
  UPDATE changes SET organizer_id = $1 WHERE organizer_id IS NULL;
  UPDATE asks SET owner_id = $1 WHERE owner_id IS NULL;
  UPDATE followups SET owner_id = $1 WHERE owner_id IS NULL;
  UPDATE relationships SET organizer_id = $1 WHERE organizer_id IS NULL;
`;

const POLICIES = `
  ALTER TABLE notes ALTER COLUMN visibility SET NOT NULL;
  ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
  ALTER TABLE notes FORCE ROW LEVEL SECURITY;
  CREATE POLICY notes_read ON notes FOR SELECT USING (team_may_read(author_id, visibility, person_id));
  CREATE POLICY notes_write ON notes FOR INSERT WITH CHECK (author_id = team_me());
  CREATE POLICY notes_change ON notes FOR UPDATE USING (author_id = team_me()) WITH CHECK (author_id = team_me());
  CREATE POLICY notes_remove ON notes FOR DELETE USING (author_id = team_me());

  ALTER TABLE search_index ENABLE ROW LEVEL SECURITY;
  ALTER TABLE search_index FORCE ROW LEVEL SECURITY;
  CREATE POLICY search_read ON search_index FOR SELECT USING (team_may_read_indexed(code, id));
  CREATE POLICY search_write ON search_index FOR INSERT WITH CHECK (true);
  CREATE POLICY search_change ON search_index FOR UPDATE USING (true) WITH CHECK (true);
  CREATE POLICY search_remove ON search_index FOR DELETE USING (true);

  -- Meetings, asks, follow-ups and the ladder of the people one knows (team_knows), and always one's own.
  ${knownRowPolicies([...KNOWN_ROWS, ...CONTACT_ROWS])}
  ALTER TABLE meeting_phases ENABLE ROW LEVEL SECURITY;
  ALTER TABLE meeting_phases FORCE ROW LEVEL SECURITY;
  CREATE POLICY meeting_phases_known ON meeting_phases FOR ALL
    USING (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id)) WITH CHECK (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id));

  -- The undo journal holds the rows a change replaced, notes among them: each organizer reads and undoes their own.
  ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
  ALTER TABLE changes FORCE ROW LEVEL SECURITY;
  CREATE POLICY changes_own ON changes FOR ALL USING (organizer_id = team_me()) WITH CHECK (organizer_id = team_me());
  ALTER TABLE change_rows ENABLE ROW LEVEL SECURITY;
  ALTER TABLE change_rows FORCE ROW LEVEL SECURITY;
  CREATE POLICY change_rows_own ON change_rows FOR ALL
    USING (EXISTS (SELECT 1 FROM changes c WHERE c.id = change_id)) WITH CHECK (EXISTS (SELECT 1 FROM changes c WHERE c.id = change_id));

  -- Everyone reads and adds people for now; deleting one (undo of a log that added them) is their owner's or a lead's.
  ALTER TABLE people ENABLE ROW LEVEL SECURITY;
  ALTER TABLE people FORCE ROW LEVEL SECURITY;
  CREATE POLICY people_read ON people FOR SELECT USING (true);
  CREATE POLICY people_add ON people FOR INSERT WITH CHECK (owner_id IS NOT DISTINCT FROM team_me() OR team_role() IN ('lead', 'director', 'admin'));
  CREATE POLICY people_change ON people FOR UPDATE USING (true) WITH CHECK (true);
  CREATE POLICY people_remove ON people FOR DELETE USING (owner_id = team_me() OR team_role() IN ('lead', 'admin'));

  -- A handoff's introduction is read by those it concerns and by the leads; it is written in one's own name only.
  ALTER TABLE handoffs ENABLE ROW LEVEL SECURITY;
  ALTER TABLE handoffs FORCE ROW LEVEL SECURITY;
  CREATE POLICY handoffs_read ON handoffs FOR SELECT USING (team_me() IN (from_id, to_id, by_id) OR team_role() IN ('lead', 'director', 'admin')
    OR EXISTS (SELECT 1 FROM people p WHERE p.id = person_id AND p.owner_id = team_me()));
  CREATE POLICY handoffs_write ON handoffs FOR INSERT WITH CHECK (by_id = team_me());
  CREATE POLICY handoffs_undo ON handoffs FOR DELETE USING (by_id = team_me());

  ALTER TABLE team_audit ENABLE ROW LEVEL SECURITY;
  ALTER TABLE team_audit FORCE ROW LEVEL SECURITY;
  CREATE POLICY team_audit_admin ON team_audit FOR SELECT USING (team_role() = 'admin');

  -- A coach's note is written in one's own name on a meeting one may coach; only the organizer who held the meeting
  -- changes it, and then only read_at (the grants); its author may take it back.
  ALTER TABLE coach_notes ENABLE ROW LEVEL SECURITY;
  ALTER TABLE coach_notes FORCE ROW LEVEL SECURITY;
  CREATE POLICY coach_notes_read ON coach_notes FOR SELECT USING (coach_id = team_me() OR team_may_read_coaching(meeting_id));
  CREATE POLICY coach_notes_write ON coach_notes FOR INSERT WITH CHECK (coach_id = team_me() AND team_coach_refusal(meeting_id) IS NULL AND read_at IS NULL);
  CREATE POLICY coach_notes_read_at ON coach_notes FOR UPDATE USING (team_held(meeting_id)) WITH CHECK (team_held(meeting_id));
  CREATE POLICY coach_notes_remove ON coach_notes FOR DELETE USING (coach_id = team_me());

  ALTER TABLE organizers ENABLE ROW LEVEL SECURITY;
  ALTER TABLE organizers FORCE ROW LEVEL SECURITY;
  CREATE POLICY organizers_read ON organizers FOR SELECT USING (true);
  CREATE POLICY organizers_admin ON organizers FOR ALL USING (team_role() = 'admin') WITH CHECK (team_role() = 'admin');
  ${WEB_POLICIES}
`;

function grants(schema: string): string {
  const everyone = TEAM_ROLES.map(quoteIdent).join(', ');
  return `
    GRANT USAGE ON SCHEMA ${quoteIdent(schema)} TO ${everyone};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quoteIdent(schema)} TO ${everyone};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${quoteIdent(schema)} TO ${everyone};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${quoteIdent(schema)} TO ${everyone};
    REVOKE INSERT, UPDATE, DELETE ON organizers, note_visibility FROM ${TEAM_ROLES.filter((role) => role !== 'admin').map(quoteIdent).join(', ')};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON team_audit FROM ${everyone};
    REVOKE UPDATE ON coach_notes FROM ${everyone};
    GRANT UPDATE (read_at) ON coach_notes TO ${everyone};
  `;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface OrganizerRow {
  id: number;
  name: string;
  login: string;
  role: TeamRole;
  supervisor: string | null;
}

const ORGANIZER = `SELECT o.id, o.name, o.login, o.role, s.name AS supervisor FROM organizers o LEFT JOIN organizers s ON s.id = o.supervisor_id`;

const organizer = (row: OrganizerRow): Organizer => ({ id: row.id, name: row.name, login: row.login, role: row.role, supervisor: row.supervisor ?? undefined });

export class PgTeam implements TeamAdmin {
  constructor(private readonly q: Query) {}

  async isTeam(): Promise<boolean> {
    return onTeam(this.q);
  }

  async me(): Promise<Organizer | undefined> {
    if (!(await this.isTeam())) return undefined;
    const row = await this.q.row<OrganizerRow>(`${ORGANIZER} WHERE o.login = session_user AND o.removed_at IS NULL`);
    return row && organizer(row);
  }

  async whyNotErase(): Promise<string | undefined> {
    if (!(await this.isTeam()) || (await this.q.row<{ may: boolean }>(`SELECT team_may_erase() AS may`))?.may) return undefined;
    const me = await this.me();
    return `on a team server only a lead or an admin can erase a person (you are ${me ? `${me.name}, ${me.role}` : 'not on the team'})`;
  }

  private async superuser(): Promise<boolean> {
    return (await this.q.row<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = session_user`))?.s ?? false;
  }

  /** Once, as a superuser: the group roles, the tables and policies, and whoever runs it as the first admin. */
  async init(name: string): Promise<Organizer> {
    const who = await this.q.row<{ login: string; superuser: boolean; schema: string }>(
      `SELECT session_user AS login, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser, current_schema() AS schema`,
    );
    if (!who?.superuser) {
      throw new UserError(`only a PostgreSQL superuser can set up the team (you are ${who?.login ?? 'unknown'})`, {
        hint: 'run it once as the server\'s administrator: oneonone team init "Your Name" --db postgres://postgres@host/oneonone',
      });
    }
    if (await this.isTeam()) throw new UserError('this server already has a team', { hint: 'see it with: oneonone team list' });
    await this.q.run('BEGIN');
    try {
      await this.q.run(`SELECT pg_advisory_xact_lock(${0x6f6e6574})`);
      for (const role of TEAM_ROLES) await this.q.run(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${quoteIdent(role)} NOLOGIN; END IF; END $$`);
      await this.q.run(SCHEMA);
      if (REVIEW_SCHEMA.trim() !== '') await this.q.run(REVIEW_SCHEMA);
      const admin = await this.q.row<{ id: number }>(`INSERT INTO organizers (name, login, role) VALUES ($1, session_user, 'admin') RETURNING id`, [name]);
      for (const statement of ADOPT.split(';').map((s) => s.trim()).filter(Boolean)) await this.q.run(statement, [admin!.id]);
      await this.q.run(POLICIES);
      await this.q.run(grants(who.schema));
      if (REVIEW_POLICIES.trim() !== '') await this.q.run(REVIEW_POLICIES);
      await this.q.run('COMMIT');
    } catch (error) {
      await this.q.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return (await this.me())!;
  }

  /** An organizer: their login role made (without a password: the administrator sets one) or an existing one given the role. */
  async add(wanted: { name: string; role: TeamRole; login: string; supervisor?: string }): Promise<{ organizer: Organizer; madeLogin: boolean }> {
    await this.mustBeAdmin('add organizers');
    const taken = await this.q.row<OrganizerRow>(`${ORGANIZER} WHERE o.name = $1 OR o.login = $2`, [wanted.name, wanted.login]);
    if (taken) throw new UserError(`${taken.name} (login ${taken.login}) is already on the team`, { hint: `change their role with: oneonone team role "${taken.name}" --role ${wanted.role}` });
    const supervisor = wanted.supervisor === undefined ? undefined : await this.named(wanted.supervisor);
    let exists: unknown;
    await this.q.run('BEGIN');
    try {
      exists = await this.q.row(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [wanted.login]);
      if (!exists) await this.q.run(`CREATE ROLE ${quoteIdent(wanted.login)} LOGIN`);
      await this.q.run(`GRANT ${quoteIdent(wanted.role)} TO ${quoteIdent(wanted.login)}`);
      await this.q.run(`INSERT INTO organizers (name, login, role, supervisor_id) VALUES ($1, $2, $3, $4)`, [wanted.name, wanted.login, wanted.role, supervisor?.id ?? null]);
      await this.q.run('COMMIT');
    } catch (error) {
      await this.q.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { organizer: await this.named(wanted.name), madeLogin: !exists };
  }

  async list(): Promise<Organizer[]> {
    if (!(await this.isTeam())) return [];
    return (await this.q.rows<OrganizerRow>(`${ORGANIZER} WHERE o.removed_at IS NULL ORDER BY o.name`)).map(organizer);
  }

  async changeRole(name: string, role: TeamRole): Promise<{ organizer: Organizer; was: TeamRole }> {
    await this.mustBeAdmin('change roles');
    const before = await this.named(name);
    await this.inOne(async () => {
      await this.q.run(`REVOKE ${quoteIdent(before.role)} FROM ${quoteIdent(before.login)}`);
      await this.q.run(`GRANT ${quoteIdent(role)} TO ${quoteIdent(before.login)}`);
      await this.q.run(`UPDATE organizers SET role = $2 WHERE id = $1`, [before.id, role]);
    });
    return { organizer: await this.named(name), was: before.role };
  }

  /** Their people go to `to`; they stay on record by name, and their login loses the team's grants. */
  async remove(name: string, to: string): Promise<{ organizer: Organizer; to: Organizer; people: number }> {
    await this.mustBeAdmin('remove organizers');
    const leaving = await this.named(name);
    const heir = await this.named(to);
    if (heir.id === leaving.id) throw new UserError(`${leaving.name}'s people need someone else to go to`, { hint: 'name another organizer: --to NAME' });
    let people = 0;
    await this.inOne(async () => {
      people = await this.q.run(`UPDATE people SET owner_id = $2 WHERE owner_id = $1`, [leaving.id, heir.id]);
      await this.q.run(`UPDATE organizers SET removed_at = now(), supervisor_id = NULL WHERE id = $1`, [leaving.id]);
      await this.q.run(`UPDATE organizers SET supervisor_id = NULL WHERE supervisor_id = $1`, [leaving.id]);
      await this.q.run(`REVOKE ${quoteIdent(leaving.role)} FROM ${quoteIdent(leaving.login)}`);
    });
    return { organizer: leaving, to: heir, people };
  }

  async audit(): Promise<AuditEntry[]> {
    await this.mustBeAdmin('read the audit log');
    return this.q.rows<AuditEntry>(`SELECT at, login, what, detail FROM team_audit ORDER BY id`);
  }

  organizer(name: string): Promise<Organizer> {
    return this.named(name);
  }

  /** Inside the command's write, so the journal takes it and `undo` can put it back; the database checks who may. */
  async handoff(h: HandoffInput): Promise<HandoffResult> {
    const to = await this.named(h.to);
    const person = await this.q.row<{ owner: number | null }>(`SELECT owner_id AS owner FROM people WHERE id = $1 FOR UPDATE`, [h.personId]);
    if (!person) throw new UserError('that person is no longer on the server', { hint: 'see who is: oneonone people' });
    const from = person.owner === null ? undefined : await this.byId(person.owner);
    if (from?.id === to.id) throw new UserError(`they are already ${to.name}'s`, { hint: 'hand them to someone else: --to NAME' });
    // The trigger on people has the last word; asked first, so a refusal is its one line and not a policy's on the way.
    const may = await this.q.row<{ may: boolean }>(`SELECT team_may_hand_over($1::bigint) AS may`, [person.owner]);
    if (!may?.may) throw new UserError('only the owner of a person, or a lead, director or admin, can hand them to another organizer', { hint: 'ask their owner, or your lead, to do it' });
    // Everything is written before the owner changes: the handoff, so that undo (newest first) still finds it when it
    // gives the person back; the asks, follow-ups and introduction while the login still knows the person.
    await this.q.run(`INSERT INTO handoffs (person_id, from_id, to_id, note, carried, at) VALUES ($1, $2, $3, $4, $5, $6)`, [h.personId, from?.id ?? null, to.id, h.note, h.carry, h.now]);
    let asksMoved = 0;
    let followUpsMoved = 0;
    if (h.carry) {
      asksMoved = await this.q.run(`UPDATE asks SET owner_id = $2 WHERE person_id = $1 AND ${OPEN_ASK} AND owner_id IS DISTINCT FROM $2`, [h.personId, to.id]);
      followUpsMoved = await this.q.run(`UPDATE followups SET owner_id = $2 WHERE person_id = $1 AND done_at IS NULL AND owner_id IS DISTINCT FROM $2`, [h.personId, to.id]);
    }
    const introduction = await this.q.row<{ id: number }>(
      `INSERT INTO followups (person_id, text, due_at, created_at, owner_id) VALUES ($1, $2, $3, $5, $4) RETURNING id`,
      [h.personId, h.introduction(from?.name, h.note), h.dueAt, to.id, h.now],
    );
    await this.q.run(`UPDATE people SET owner_id = $2 WHERE id = $1`, [h.personId, to.id]);
    return { from, to, asksMoved, followUpsMoved, introductionId: introduction!.id, introductionDue: h.dueAt };
  }

  async handoffsOf(personId: number): Promise<HandoffRecord[]> {
    if (!(await this.isTeam())) return [];
    return this.q.rows<HandoffRecord>(`
      SELECT h.at, f.name AS "from", t.name AS "to", coalesce(b.name, 'an administrator') AS by, h.note, h.carried
      FROM handoffs h LEFT JOIN organizers f ON f.id = h.from_id JOIN organizers t ON t.id = h.to_id LEFT JOIN organizers b ON b.id = h.by_id
      WHERE h.person_id = $1 ORDER BY h.id`, [personId]);
  }

  async organizersOf(personId: number): Promise<TeamSideOfPerson> {
    const figures = await this.q.row<{ meetings: number; lastMet: string | null }>(
      `SELECT meetings::int AS meetings, last_met AS "lastMet" FROM person_figures WHERE person_id = $1`, [personId]);
    if (!(await this.isTeam())) return { owner: null, meetings: {}, figures: figures ?? { meetings: 0, lastMet: null } };
    const owner = await this.q.row<{ name: string | null }>(`SELECT o.name FROM people p LEFT JOIN organizers o ON o.id = p.owner_id WHERE p.id = $1`, [personId]);
    const rows = await this.q.rows<{ id: number; name: string }>(`SELECT m.id, o.name FROM meetings m JOIN organizers o ON o.id = m.organizer_id WHERE m.person_id = $1`, [personId]);
    return { owner: owner?.name ?? null, meetings: Object.fromEntries(rows.map(({ id, name }) => [id, name])), figures: figures ?? { meetings: 0, lastMet: null } };
  }

  private async byId(id: number): Promise<Organizer | undefined> {
    const row = await this.q.row<OrganizerRow>(`${ORGANIZER} WHERE o.id = $1`, [id]);
    return row && organizer(row);
  }

  private async inOne(work: () => Promise<void>): Promise<void> {
    await this.q.run('BEGIN');
    try {
      await work();
      await this.q.run('COMMIT');
    } catch (error) {
      await this.q.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async named(name: string): Promise<Organizer> {
    const row = await this.q.row<OrganizerRow>(`${ORGANIZER} WHERE (lower(o.name) = lower($1) OR o.login = $1) AND o.removed_at IS NULL`, [name]);
    if (!row) throw new UserError(`there is no organizer named ${name} on the team`, { hint: 'see who is: oneonone team list' });
    return organizer(row);
  }

  private async mustBeAdmin(what: string): Promise<void> {
    if (!(await this.isTeam())) throw new UserError('this server has no team yet', { hint: 'set it up once, as the server\'s superuser: oneonone team init "Your Name"' });
    const me = await this.me();
    if (me?.role !== 'admin' && !(await this.superuser())) throw new UserError(`only an admin can ${what} (you are ${me ? `${me.name}, ${me.role}` : 'not on the team'})`, { hint: 'ask the team\'s admin' });
  }
}
