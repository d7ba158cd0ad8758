/**
 * The weekly review's SQL and its read model. `team init` makes it, as the superuser: `team_week()` is a SECURITY
 * DEFINER function owned by that role, which row security does not bind, so it counts meetings, asks and the ladder
 * whoever asks; it decides itself which organizers' rows a login gets, and it never returns a note's text.
 */
import { RUNGS } from '../../people/ladder.js';
import { UserError } from '../../support/errors.js';
import type { TeamRole } from '../contract.js';
import type { GoalChange, OrganizerWeekRow, TeamReview } from '../review.js';
import type { Query } from './client.js';
import { onTeam } from './on-team.js';

/** A rung's place on the ladder; a rung the ladder does not know is NULL, so a move to or from it is neither up nor down. */
const level = (column: string) => `CASE ${column} ${RUNGS.map((rung, index) => `WHEN '${rung}' THEN ${index + 1}`).join(' ')} END`;

/**
 * Made by `team init`, after the team's tables, as the superuser.
 * - rung_changes.organizer_id: who moved the person (or added them), so a move counts for whoever made it, in a meeting
 *   or not, and a person brought in stays to the credit of whoever brought them in after a handoff.
 * - team_goals: the weekly 1:1 goal of one organizer, or (organizer_id NULL) the team's, which applies to organizers and
 *   leads (a director or an admin is held to a goal of their own only).
 * - team_week(starts, as_of, only): per organizer the login may see and per week (starts[i] to starts[i + 1]).
 */
export const REVIEW_SCHEMA = `
  ALTER TABLE rung_changes ADD COLUMN organizer_id bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me();
  -- Asks written outside a meeting are dated by their own writing; this keeps their week a range of an index.
  CREATE INDEX asks_alone_made ON asks(created_at) WHERE meeting_id IS NULL;

  CREATE TABLE team_goals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organizer_id bigint REFERENCES organizers(id) ON DELETE CASCADE,
    weekly integer NOT NULL CHECK (weekly BETWEEN 1 AND 100),
    set_by bigint REFERENCES organizers(id) ON DELETE SET NULL DEFAULT team_me(),
    set_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE UNIQUE INDEX team_goals_whose ON team_goals ((coalesce(organizer_id, 0)));

  -- Goals are set by a director or an admin, for anyone or the team; by a lead, for themselves and their organizers.
  CREATE FUNCTION team_may_set_goal(whose bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT coalesce(team_role() IN ('director', 'admin')
      OR (team_role() = 'lead' AND whose IS NOT NULL
          AND (whose = team_me() OR EXISTS (SELECT 1 FROM organizers o WHERE o.id = whose AND o.supervisor_id = team_me()))), false)
  $$;

  CREATE FUNCTION team_week(starts timestamptz[], as_of timestamptz, only_id bigint DEFAULT NULL)
  RETURNS TABLE (organizer text, login name, role text, week_start timestamptz, one_on_ones bigint, goal integer, talk jsonb,
                 asks_made bigint, asks_yes bigint, asks_kept bigint, brought_in bigint, moves_up bigint, moves_down bigint,
                 overdue_followups bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH wk AS (
      SELECT b.n, b.s, starts[b.n + 1] AS e, least(starts[b.n + 1], as_of) AS upto
      FROM unnest(starts[1:cardinality(starts) - 1]) WITH ORDINALITY AS b(s, n)
    ),
    -- An organizer sees their own row, a lead also their organizers', a director or an admin everyone's.
    seen AS (
      SELECT o.id, o.name, o.login, o.role FROM organizers o
      WHERE o.removed_at IS NULL AND (only_id IS NULL OR o.id = only_id)
        AND (o.id = team_me() OR o.supervisor_id = team_me() OR coalesce(team_role() IN ('director', 'admin'), false)
             OR coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false))
    ),
    held AS (
      SELECT m.id, m.held_at, m.organizer_id AS who, wk.n
      FROM meetings m JOIN wk ON m.held_at >= wk.s AND m.held_at < wk.e
      WHERE m.status = 'complete' AND m.held_at >= starts[1] AND m.held_at < starts[cardinality(starts)]
        AND m.organizer_id IN (SELECT id FROM seen)
    ),
    counted AS (SELECT who, n, count(*) AS held FROM held GROUP BY who, n),
    talked AS (
      SELECT h.who, h.n, jsonb_agg(jsonb_build_object('id', h.id, 'heldAt', h.held_at, 'organizerSeconds', t.mine, 'otherSeconds', t.theirs)
                                   ORDER BY h.held_at, h.id) AS talk
      FROM held h CROSS JOIN LATERAL (
        SELECT sum(coalesce(ph.organizer_talk_seconds, 0)) AS mine, sum(coalesce(ph.other_talk_seconds, 0)) AS theirs,
               count(ph.organizer_talk_seconds) + count(ph.other_talk_seconds) AS recorded
        FROM meeting_phases ph WHERE ph.meeting_id = h.id) t
      WHERE t.recorded > 0
      GROUP BY h.who, h.n
    ),
    -- An ask counts in the week its meeting was held (or, outside a meeting, it was written down), as stats counts it.
    made AS (
      SELECT m.organizer_id AS who, m.held_at AS at, a.outcome, a.result
      FROM meetings m JOIN asks a ON a.meeting_id = m.id
      WHERE m.held_at >= starts[1] AND m.held_at < starts[cardinality(starts)]
      UNION ALL
      SELECT a.owner_id, a.created_at, a.outcome, a.result FROM asks a
      WHERE a.meeting_id IS NULL AND a.created_at >= starts[1] AND a.created_at < starts[cardinality(starts)]
    ),
    asked AS (
      SELECT made.who, wk.n, count(*) AS made, count(*) FILTER (WHERE made.outcome = 'yes') AS yes, count(*) FILTER (WHERE made.result = 'kept') AS kept
      FROM made JOIN wk ON made.at >= wk.s AND made.at < wk.e
      WHERE made.who IN (SELECT id FROM seen)
      GROUP BY made.who, wk.n
    ),
    -- "Brought in" as the leaders list counts it: people first added through a referral.
    laddered AS (
      SELECT r.organizer_id AS who, wk.n,
        count(*) FILTER (WHERE r.cause = 'added' AND p.source = 'referral' AND p.referred_by IS NOT NULL) AS brought,
        count(*) FILTER (WHERE ${level('r.to_rung')} > ${level('r.from_rung')}) AS up,
        count(*) FILTER (WHERE ${level('r.to_rung')} < ${level('r.from_rung')}) AS down
      FROM rung_changes r JOIN wk ON r.changed_at >= wk.s AND r.changed_at < wk.e
        LEFT JOIN people p ON p.id = r.person_id AND r.cause = 'added'
      WHERE r.changed_at >= starts[1] AND r.changed_at < starts[cardinality(starts)] AND r.organizer_id IN (SELECT id FROM seen)
      GROUP BY r.organizer_id, wk.n
    ),
    -- Open and past due at the week's end (this week: now), among the people the organizer owns.
    late AS (
      SELECT p.owner_id AS who, wk.n, count(*) AS overdue
      FROM followups f JOIN people p ON p.id = f.person_id
        JOIN wk ON f.due_at < wk.upto AND f.created_at <= wk.upto AND (f.done_at IS NULL OR f.done_at > wk.upto)
      WHERE (f.done_at IS NULL OR f.done_at > starts[1]) AND f.due_at < as_of AND p.owner_id IN (SELECT id FROM seen)
      GROUP BY p.owner_id, wk.n
    )
    SELECT o.name, o.login, o.role, wk.s, coalesce(c.held, 0), coalesce(own.weekly, team.weekly), coalesce(t.talk, '[]'::jsonb),
           coalesce(a.made, 0), coalesce(a.yes, 0), coalesce(a.kept, 0), coalesce(l.brought, 0), coalesce(l.up, 0), coalesce(l.down, 0),
           coalesce(x.overdue, 0)
    FROM seen o CROSS JOIN wk
      LEFT JOIN counted c ON c.who = o.id AND c.n = wk.n
      LEFT JOIN talked t ON t.who = o.id AND t.n = wk.n
      LEFT JOIN asked a ON a.who = o.id AND a.n = wk.n
      LEFT JOIN laddered l ON l.who = o.id AND l.n = wk.n
      LEFT JOIN late x ON x.who = o.id AND x.n = wk.n
      LEFT JOIN team_goals own ON own.organizer_id = o.id
      LEFT JOIN team_goals team ON team.organizer_id IS NULL AND o.role IN ('organizer', 'lead')
    ORDER BY wk.n, o.name, o.id
  $$;

  -- This week in the session's time zone, for a look with psql.
  CREATE VIEW team_week_now AS
    SELECT * FROM team_week(ARRAY[date_trunc('week', now()), date_trunc('week', now()) + interval '1 week'], now());
`;

const EVERY_ROLE = `"organizer", "lead", "director", "admin"`;

/** Run by `team init` after the team's grants (every team role may read and write every table): what to take back. */
export const REVIEW_POLICIES = `
  -- What was on the server before the team: moved by whoever held the meeting, or the first admin.
  UPDATE rung_changes r SET organizer_id = coalesce((SELECT m.organizer_id FROM meetings m WHERE m.id = r.meeting_id),
    (SELECT o.id FROM organizers o WHERE o.login = session_user)) WHERE r.organizer_id IS NULL;

  ALTER TABLE team_goals ENABLE ROW LEVEL SECURITY;
  ALTER TABLE team_goals FORCE ROW LEVEL SECURITY;
  CREATE POLICY team_goals_read ON team_goals FOR SELECT USING (true);
  CREATE POLICY team_goals_set ON team_goals FOR INSERT WITH CHECK (team_may_set_goal(organizer_id) AND set_by IS NOT DISTINCT FROM team_me());
  CREATE POLICY team_goals_change ON team_goals FOR UPDATE USING (team_may_set_goal(organizer_id))
    WITH CHECK (team_may_set_goal(organizer_id) AND set_by IS NOT DISTINCT FROM team_me());
  CREATE POLICY team_goals_remove ON team_goals FOR DELETE USING (team_may_set_goal(organizer_id));
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON team_goals FROM "organizer";
  REVOKE TRUNCATE ON team_goals FROM ${EVERY_ROLE};
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON team_week_now FROM ${EVERY_ROLE};
  REVOKE EXECUTE ON FUNCTION team_week(timestamptz[], timestamptz, bigint), team_may_set_goal(bigint) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION team_week(timestamptz[], timestamptz, bigint), team_may_set_goal(bigint) TO ${EVERY_ROLE};
`;

interface WeekRow {
  organizer: string;
  login: string;
  role: TeamRole;
  week_start: string;
  one_on_ones: number;
  goal: number | null;
  talk: OrganizerWeekRow['talk'];
  asks_made: number;
  asks_yes: number;
  asks_kept: number;
  brought_in: number;
  moves_up: number;
  moves_down: number;
  overdue_followups: number;
}

const asWeek = (row: WeekRow): OrganizerWeekRow => ({
  organizer: row.organizer,
  login: row.login,
  role: row.role,
  weekStart: row.week_start,
  oneOnOnes: row.one_on_ones,
  goal: row.goal,
  talk: row.talk.map((meeting) => ({ ...meeting, heldAt: new Date(meeting.heldAt).toISOString() })),
  asks: { made: row.asks_made, yes: row.asks_yes, kept: row.asks_kept },
  broughtIn: row.brought_in,
  moves: { up: row.moves_up, down: row.moves_down },
  overdueFollowUps: row.overdue_followups,
});

const NO_TEAM = { hint: 'set it up once, as the server\'s superuser: oneonone team init "Your Name"' };
/** What the server says when a statement reads a table or function it does not have. */
const MISSING = new Set(['42P01', '42883']);

export class PgReview implements TeamReview {
  constructor(private readonly q: Query) {}

  async weeks(request: { starts: string[]; now: string; organizer?: string }): Promise<OrganizerWeekRow[]> {
    return this.onTeam(async () => {
      const only = request.organizer === undefined ? null : (await this.organizerNamed(request.organizer)).id;
      const rows = await this.q.rows<WeekRow>(`SELECT * FROM team_week($1::timestamptz[], $2, $3)`, [request.starts, request.now, only]);
      return rows.map(asWeek);
    });
  }

  async setGoal(goal: { weekly: number; organizer?: string }): Promise<GoalChange> {
    return this.onTeam(async () => {
      const whose = goal.organizer === undefined ? undefined : await this.organizerNamed(goal.organizer);
      const was = await this.q.row<{ weekly: number }>(`SELECT weekly FROM team_goals WHERE organizer_id IS NOT DISTINCT FROM $1`, [whose?.id ?? null]);
      try {
        await this.q.run(`
          INSERT INTO team_goals (organizer_id, weekly) VALUES ($1, $2)
          ON CONFLICT ((coalesce(organizer_id, 0))) DO UPDATE SET weekly = excluded.weekly, set_by = team_me(), set_at = now()`,
        [whose?.id ?? null, goal.weekly]);
      } catch (error) {
        if ((error as { code?: string }).code !== '42501') throw error;
        throw await this.goalRefused(whose?.name);
      }
      return { organizer: whose?.name, weekly: goal.weekly, was: was?.weekly ?? null };
    });
  }

  /** The database refused (a grant or a policy): said in one line, with who the login is. */
  private async goalRefused(whose: string | undefined): Promise<UserError> {
    const me = await this.q.row<{ name: string; role: TeamRole }>(`SELECT name, role FROM organizers WHERE login = session_user AND removed_at IS NULL`);
    const you = me ? `you are ${me.name}, ${me.role}` : 'you are not on the team';
    const what = whose === undefined ? "the team's weekly goal" : `${whose}'s weekly goal`;
    const who = whose === undefined ? 'a director or an admin' : 'their lead, a director or an admin';
    return new UserError(`only ${who} can set ${what} (${you})`, { hint: 'ask your lead or the team\'s director' });
  }

  private async organizerNamed(name: string): Promise<{ id: number; name: string }> {
    const row = await this.q.row<{ id: number; name: string }>(
      `SELECT id, name FROM organizers WHERE (lower(name) = lower($1) OR login = $1) AND removed_at IS NULL`, [name]);
    if (!row) throw new UserError(`there is no organizer named ${name} on the team`, { hint: 'see who is: oneonone team list' });
    return row;
  }

  /** A server without a team (or whose team was set up before the weekly review was) says so in one line. */
  private async onTeam<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!MISSING.has((error as { code?: string }).code ?? '')) throw error;
      if (!(await onTeam(this.q))) throw new UserError('this server has no team yet', NO_TEAM);
      throw new UserError('this team was set up before the weekly review existed', { hint: 'ask the server\'s administrator to add it (oneonone team init makes it on a new server)' });
    }
  }
}
