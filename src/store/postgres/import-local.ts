/**
 * The team server's side of `team import-local`: everyone on the server read once, the marks earlier runs left, and a
 * batch landed set-based — ids taken from the tables' own identity sequences first, so each table is one INSERT … SELECT
 * from a JSON array however many rows it holds, and every row's links are known before it is written. The columns the
 * team adds (people.owner_id, meetings.organizer_id, notes.author_id, asks/followups.owner_id) are left to their
 * default, team_me(): what lands is the importing organizer's, and the row-level security policies check it so.
 * Row triggers (figures, the search index, note visibility, the undo journal) run as for any write.
 */
import type { MeetingRecord } from '../contract.js';
import {
  meetingMarkPrefix, personMarkPrefix, type ImportLocalRepository, type Landed, type LandedPerson, type LandingBatch, type LandingResult,
  type PersonAt, type PersonMeetingRef, type RungStep, type ServerPerson,
} from '../import-local.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';

/** Rows as one JSON parameter, read back typed by json_to_recordset. */
const rowsOf = (rows: object[]) => JSON.stringify(rows);

/** On the store's own connection (`store.importLocal`), so its statements are inside the store's transaction. */
export class PgImportLocal implements ImportLocalRepository {
  constructor(private readonly q: Query) {}

  async serverPeople(): Promise<ServerPerson[]> {
    const owner = (await onTeam(this.q))
      ? `(SELECT o.name FROM organizers o WHERE o.id = p.owner_id)`
      : `NULL::text`;
    return this.q.rows<ServerPerson>(`
      SELECT p.id, p.name, p.name_key AS "nameKey", p.email, p.phone, p.neighborhood, p.organization, p.notes, p.rung, p.potential,
             p.language, p.referred_by AS "referredBy", ${owner} AS owner
      FROM people p ORDER BY p.id`);
  }

  async landed(identity: string): Promise<Landed> {
    const people = new Map<string, LandedPerson>();
    const meetings = new Map<string, number>();
    const rows = await this.q.rows<{ key: string; value: string }>(
      `SELECT key, value FROM settings WHERE starts_with(key, $1) OR starts_with(key, $2) ORDER BY key COLLATE "C"`,
      [personMarkPrefix(identity), meetingMarkPrefix(identity)],
    );
    for (const { key, value } of rows) {
      if (key.startsWith(personMarkPrefix(identity))) people.set(key, JSON.parse(value) as LandedPerson);
      else meetings.set(key, Number(value));
    }
    return { people, meetings };
  }

  async land(batch: LandingBatch): Promise<LandingResult> {
    const result: LandingResult = { people: [], meetings: [], alreadyPeople: [], alreadyMeetings: [] };
    // What another run of the same file landed since this one read the marks: it stays as it is.
    const marks = [...batch.added.map((p) => p.mark), ...batch.matched.map((p) => p.mark), ...batch.meetings.map((m) => m.mark)];
    const found = new Map((await this.q.rows<{ key: string; value: string }>(`SELECT key, value FROM settings WHERE key = ANY($1::text[])`, [marks]))
      .map(({ key, value }) => [key, value]));
    const serverOf = new Map<number, number>();
    // A person another run landed meanwhile is left out, and known by the server id it was given.
    const notYetLanded = (person: { local: number; mark: string }) => {
      const mark = found.get(person.mark);
      if (mark === undefined) return true;
      const { server } = JSON.parse(mark) as LandedPerson;
      serverOf.set(person.local, server);
      result.alreadyPeople.push([person.local, server]);
      return false;
    };
    const added = batch.added.filter(notYetLanded);
    const matched = batch.matched.filter(notYetLanded);
    const meetings = batch.meetings.filter((meeting) => {
      const mark = found.get(meeting.mark);
      if (mark === undefined) return true;
      result.alreadyMeetings.push([meeting.local, Number(mark)]);
      return false;
    });

    const personIds = await this.ids('people', added.length);
    added.forEach((person, i) => serverOf.set(person.local, personIds[i]!));
    for (const person of matched) serverOf.set(person.local, person.server);
    const personOf = (at: PersonAt): number | null => ('server' in at ? at.server : serverOf.get(at.local) ?? null);

    const meetingIds = await this.ids('meetings', meetings.length);
    const meetingOf = new Map<number, number>(meetings.map((m, i) => [m.local, meetingIds[i]!]));
    const askIds = await this.ids('asks', meetings.reduce((n, m) => n + m.meeting.asks.length, 0));
    const askOf = new Map<number, number>();
    let nextAsk = 0;
    for (const { meeting } of meetings) for (const ask of meeting.asks) askOf.set(ask.id, askIds[nextAsk++]!);
    const landedMeeting = (ref: PersonMeetingRef | null): number | null => (ref === null ? null : 'server' in ref ? ref.server : meetingOf.get(ref.local) ?? null);

    await this.insertPeople(added, personIds, personOf, batch.now);
    await this.insertMeetings(meetings.map((m, i) => ({ id: meetingIds[i]!, personId: personOf(m.person)!, meeting: m.meeting })), askOf);

    const steps: (RungStep & { personId: number; meetingId: number | null })[] = [];
    added.forEach((person, i) => {
      for (const step of person.history) steps.push({ ...step, personId: personIds[i]!, meetingId: landedMeeting(step.meeting) });
    });
    const moved = await this.matchPeople(matched, personOf, batch.now);
    for (const person of matched) {
      if (!moved.has(person.server)) continue;
      for (const step of person.moves) steps.push({ ...step, personId: person.server, meetingId: landedMeeting(step.meeting) });
    }
    await this.q.run(`
      INSERT INTO rung_changes (person_id, from_rung, to_rung, cause, reason, detail, meeting_id, changed_at)
      SELECT x.person_id, x.from_rung, x.to_rung, x.cause, x.reason, x.detail, x.meeting_id, x.changed_at
      FROM json_to_recordset($1::json) AS x(n integer, person_id bigint, from_rung text, to_rung text, cause text, reason text, detail text,
                                           meeting_id bigint, changed_at timestamptz)
      ORDER BY x.n`,
    [rowsOf(steps.map((s, n) => ({
      n, person_id: s.personId, from_rung: s.fromRung, to_rung: s.toRung, cause: s.cause, reason: s.reason, detail: s.detail, meeting_id: s.meetingId, changed_at: s.at,
    })))]);

    const keys: string[] = [];
    const values: string[] = [];
    added.forEach((person, i) => {
      keys.push(person.mark);
      values.push(JSON.stringify({ server: personIds[i]!, as: 'added' } satisfies LandedPerson));
      result.people.push([person.local, personIds[i]!]);
    });
    for (const person of matched) {
      keys.push(person.mark);
      values.push(JSON.stringify({ server: person.server, as: 'matched' } satisfies LandedPerson));
      result.people.push([person.local, person.server]);
    }
    meetings.forEach((meeting, i) => {
      keys.push(meeting.mark);
      values.push(String(meetingIds[i]!));
      result.meetings.push([meeting.local, meetingIds[i]!]);
    });
    await this.q.run(`INSERT INTO settings (key, value) SELECT * FROM unnest($1::text[], $2::text[])`, [keys, values]);
    return result;
  }

  /** `count` new ids of a table, from its identity sequence (never given again, as every id of the engine). */
  private async ids(table: 'people' | 'meetings' | 'asks', count: number): Promise<number[]> {
    if (count === 0) return [];
    return (await this.q.rows<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)`, [table, count],
    )).map(({ id }) => id);
  }

  private async insertPeople(added: LandingBatch['added'], ids: number[], personOf: (at: PersonAt) => number | null, now: string): Promise<void> {
    if (added.length === 0) return;
    await this.q.run(`
      INSERT INTO people (id, name, name_key, email, phone, neighborhood, organization, notes, source, source_detail, referred_by, rung,
                          potential, language, interpreter, created_at, updated_at)
      SELECT x.id, x.name, x.name_key, x.email, x.phone, x.neighborhood, x.organization, x.notes, x.source, x.source_detail, x.referred_by,
             x.rung, x.potential, x.language, x.interpreter, x.created_at, x.updated_at
      FROM json_to_recordset($1::json) AS x(id bigint, name text, name_key text, email text, phone text, neighborhood text, organization text,
                                           notes text, source text, source_detail text, referred_by bigint, rung text, potential integer,
                                           language text, interpreter integer, created_at timestamptz, updated_at timestamptz)
      ORDER BY x.id`,
    [rowsOf(added.map((p, i) => ({
      id: ids[i], name: p.name, name_key: p.nameKey, email: p.email, phone: p.phone, neighborhood: p.neighborhood, organization: p.organization,
      notes: p.notes, source: p.source, source_detail: p.sourceDetail, referred_by: p.referredBy === null ? null : personOf(p.referredBy),
      rung: p.rung, potential: p.potential, language: p.language, interpreter: Number(p.interpreter), created_at: p.createdAt, updated_at: p.updatedAt,
    })))]);
    const names = added.flatMap((p, i) => p.formerNames.map((n) => ({ person_id: ids[i], name: n.name, name_key: n.nameKey, created_at: now })));
    if (names.length === 0) return;
    await this.q.run(`
      INSERT INTO person_names (person_id, name, name_key, created_at)
      SELECT x.person_id, x.name, x.name_key, x.created_at FROM json_to_recordset($1::json) AS x(person_id bigint, name text, name_key text, created_at timestamptz)`,
    [rowsOf(names)]);
  }

  /** Meetings with their phases (talk times, minutes added), notes, asks (outcomes and check-ins) and follow-ups. */
  private async insertMeetings(meetings: { id: number; personId: number; meeting: MeetingRecord }[], askOf: Map<number, number>): Promise<void> {
    if (meetings.length === 0) return;
    await this.q.run(`
      INSERT INTO meetings (id, person_id, held_at, goal, template, planned_minutes, status, planned_ask, agitation, checklist, scorecard, reflection,
                            created_at, updated_at, completed_at)
      SELECT x.id, x.person_id, x.held_at, x.goal, x.template, x.planned_minutes, 'complete', x.planned_ask, x.agitation, x.checklist, x.scorecard,
             x.reflection, x.created_at, x.updated_at, x.completed_at
      FROM json_to_recordset($1::json) AS x(id bigint, person_id bigint, held_at timestamptz, goal text, template text, planned_minutes double precision,
                                           planned_ask text, agitation text, checklist text, scorecard text, reflection text,
                                           created_at timestamptz, updated_at timestamptz, completed_at timestamptz)
      ORDER BY x.id`,
    [rowsOf(meetings.map(({ id, personId, meeting: m }) => ({
      id, person_id: personId, held_at: m.heldAt, goal: m.goal, template: m.template, planned_minutes: m.plannedMinutes, planned_ask: m.plannedAsk,
      agitation: m.agitation, checklist: m.checklist.length ? JSON.stringify(m.checklist) : null, scorecard: m.scorecard && JSON.stringify(m.scorecard),
      reflection: m.reflection, created_at: m.createdAt, updated_at: m.updatedAt, completed_at: m.completedAt ?? m.updatedAt,
    })))]);
    await this.q.run(`
      INSERT INTO meeting_phases (meeting_id, position, phase_key, title, planned_seconds, max_talk_share, actual_seconds, organizer_talk_seconds,
                                  other_talk_seconds, extra_seconds, longest_monologue_seconds, open_questions, reflections)
      SELECT x.meeting_id, x.position, x.phase_key, x.title, x.planned_seconds, x.max_talk_share, x.actual_seconds, x.organizer_talk_seconds,
             x.other_talk_seconds, x.extra_seconds, x.longest_monologue_seconds, x.open_questions, x.reflections
      FROM json_to_recordset($1::json) AS x(meeting_id bigint, position integer, phase_key text, title text, planned_seconds integer,
                                           max_talk_share double precision, actual_seconds integer, organizer_talk_seconds integer,
                                           other_talk_seconds integer, extra_seconds integer, longest_monologue_seconds integer, open_questions integer, reflections integer)`,
    [rowsOf(meetings.flatMap(({ id, meeting }) => meeting.phases.map((p) => ({
      meeting_id: id, position: p.position, phase_key: p.key, title: p.title, planned_seconds: p.plannedSeconds, max_talk_share: p.maxTalkShare,
      actual_seconds: p.actualSeconds, organizer_talk_seconds: p.organizerTalkSeconds, other_talk_seconds: p.otherTalkSeconds, extra_seconds: p.extraSeconds,
      longest_monologue_seconds: p.longestMonologueSeconds, open_questions: p.openQuestions, reflections: p.reflections,
    }))))]);
    await this.q.run(`
      INSERT INTO notes (person_id, meeting_id, tag, text, phase_key, created_at)
      SELECT x.person_id, x.meeting_id, x.tag, x.text, x.phase_key, x.created_at
      FROM json_to_recordset($1::json) AS x(n integer, person_id bigint, meeting_id bigint, tag text, text text, phase_key text, created_at timestamptz)
      ORDER BY x.n`,
    [rowsOf(meetings.flatMap(({ id, personId, meeting }) => meeting.notes.map((note) => ({
      person_id: personId, meeting_id: id, tag: note.tag, text: note.text, phase_key: note.phase, created_at: note.createdAt,
    }))).map((row, n) => ({ n, ...row })))]);
    await this.q.run(`
      INSERT INTO asks (id, person_id, meeting_id, text, due_at, barriers, support, outcome, result, checkin_at, checked_at, created_at)
      SELECT x.id, x.person_id, x.meeting_id, x.text, x.due_at, x.barriers, x.support, x.outcome, x.result, x.checkin_at, x.checked_at, x.created_at
      FROM json_to_recordset($1::json) AS x(id bigint, person_id bigint, meeting_id bigint, text text, due_at timestamptz, barriers text, support text,
                                           outcome text, result text, checkin_at timestamptz, checked_at timestamptz, created_at timestamptz)
      ORDER BY x.id`,
    [rowsOf(meetings.flatMap(({ id, personId, meeting }) => meeting.asks.map((a) => ({
      id: askOf.get(a.id), person_id: personId, meeting_id: id, text: a.text, due_at: a.dueAt, barriers: a.barriers, support: a.support,
      outcome: a.outcome, result: a.result, checkin_at: a.checkinAt, checked_at: a.checkedAt, created_at: a.createdAt,
    }))))]);
    await this.q.run(`
      INSERT INTO followups (person_id, meeting_id, ask_id, text, due_at, done_at, created_at)
      SELECT x.person_id, x.meeting_id, x.ask_id, x.text, x.due_at, x.done_at, x.created_at
      FROM json_to_recordset($1::json) AS x(n integer, person_id bigint, meeting_id bigint, ask_id bigint, text text, due_at timestamptz,
                                           done_at timestamptz, created_at timestamptz)
      ORDER BY x.n`,
    [rowsOf(meetings.flatMap(({ id, personId, meeting }) => meeting.followups.map((f) => ({
      person_id: personId, meeting_id: id, ask_id: f.ask ? askOf.get(f.ask.id) ?? null : null, text: f.text, due_at: f.dueAt, done_at: f.doneAt,
      created_at: f.createdAt,
    }))).map((row, n) => ({ n, ...row })))]);
  }

  /**
   * Gaps filled, notes added to (each once), a referrer set where there was none, a rung raised where the file's is
   * higher; nothing the server holds is replaced. Gives back the people whose rung moves: those still on the rung the
   * plan read (a teammate who moved them meanwhile decided; the file's moves are then left out).
   */
  private async matchPeople(matched: LandingBatch['matched'], personOf: (at: PersonAt) => number | null, now: string): Promise<Set<number>> {
    if (matched.length === 0) return new Set();
    const standing = new Map((await this.q.rows<{ id: number; rung: string }>(
      `SELECT id, rung FROM people WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [matched.map((p) => p.server)],
    )).map(({ id, rung }) => [id, rung]));
    const moving = new Set(matched.filter((p) => p.moves.length > 0 && standing.get(p.server) === p.expectRung).map((p) => p.server));
    const rows = matched.map((p) => {
      const referrer = p.referredBy === null ? null : personOf(p.referredBy);
      return {
        id: p.server, email: p.fill.email ?? null, phone: p.fill.phone ?? null, neighborhood: p.fill.neighborhood ?? null,
        organization: p.fill.organization ?? null, language: p.fill.language ?? null, potential: p.fill.potential ?? null, notes: p.notes,
        referred_by: referrer === p.server ? null : referrer,
        rung: moving.has(p.server) ? p.moves.at(-1)!.toRung : null,
      };
    });
    await this.q.run(`
      UPDATE people p SET
        email = coalesce(p.email, x.email), phone = coalesce(p.phone, x.phone), neighborhood = coalesce(p.neighborhood, x.neighborhood),
        organization = coalesce(p.organization, x.organization), language = coalesce(p.language, x.language), potential = coalesce(p.potential, x.potential),
        notes = CASE WHEN x.notes IS NULL THEN p.notes WHEN p.notes IS NULL THEN x.notes WHEN strpos(p.notes, x.notes) > 0 THEN p.notes
                     ELSE p.notes || E'\\n' || x.notes END,
        referred_by = coalesce(p.referred_by, x.referred_by),
        rung = coalesce(x.rung, p.rung),
        updated_at = $2
      FROM json_to_recordset($1::json) AS x(id bigint, email text, phone text, neighborhood text, organization text, language text,
                                           potential integer, notes text, referred_by bigint, rung text)
      WHERE p.id = x.id AND (
        (p.email IS NULL AND x.email IS NOT NULL) OR (p.phone IS NULL AND x.phone IS NOT NULL)
        OR (p.neighborhood IS NULL AND x.neighborhood IS NOT NULL) OR (p.organization IS NULL AND x.organization IS NOT NULL)
        OR (p.language IS NULL AND x.language IS NOT NULL)
        OR (p.potential IS NULL AND x.potential IS NOT NULL) OR (p.referred_by IS NULL AND x.referred_by IS NOT NULL)
        OR (x.notes IS NOT NULL AND (p.notes IS NULL OR strpos(p.notes, x.notes) = 0))
        OR x.rung IS NOT NULL)`, [rowsOf(rows), now]);
    return moving;
  }
}
