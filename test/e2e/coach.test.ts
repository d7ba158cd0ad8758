/**
 * Coach's notes on a real PostgreSQL cluster: who may write one (a lead on their own organizers' meetings, a director,
 * an admin), who reads it (its author, the organizer who held the meeting, their lead, directors and admins), and who
 * may mark it read (the organizer alone), each checked through the CLI and through a raw connection of the login's
 * own, so it is the database that enforces it. Skipped where PostgreSQL is not installed; CI requires it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/postgres.js';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
const cli = (who: string | undefined, args: string[]) => team.cli(who, args);
const ok = (who: string | undefined, args: string[]) => team.ok(who, args);
const raw = <T = Record<string, unknown>>(who: string | undefined, sql: string, params: unknown[] = []) => team.raw<T>(who, sql, params);

/** The meeting Ana held with Maria Lopez, and Lee's note on it. */
let held: number;
const NOTE = 'Great credential. Next time ask who else before the follow-up.';

const notesSeenBy = async (who: string | undefined) => (await raw<{ text: string }>(who, `SELECT text FROM coach_notes ORDER BY id`)).map(({ text }) => text);
const notesCount = async () => Number((await raw<{ n: string }>(undefined, `SELECT count(*) AS n FROM coach_notes`))[0]!.n);

/** Exit 1, one line `oneonone: …` and one `hint: …`, and nothing about the database's own refusal. */
function refusedInOneLine(result: { code: number | null; stdout: string; stderr: string }, words: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[0]).toMatch(/^oneonone: /);
  expect(lines[0]).toMatch(words);
  expect(lines[1]).toMatch(/^hint: /);
  expect(result.stderr).not.toMatch(/permission denied|row-level security|at .*\.js/);
  expect(result.stdout).toBe('');
}

describe.skipIf(!socketDir)("coach's notes on a team server", () => {
  beforeAll(async () => {
    team = await teamServer('coach', 'coach_');
    ok(undefined, ['team', 'init', 'Rosa Admin']);
    const add = (name: string, role: string, who: string, supervisor?: string) =>
      ok(undefined, ['team', 'add', name, '--role', role, '--login', team.login(who), ...(supervisor ? ['--supervisor', supervisor] : [])]);
    add('Ada Admin', 'admin', 'ada');
    add('Lee Lead', 'lead', 'lee');
    add('Kim Lead', 'lead', 'kim');
    add('Ana Ruiz', 'organizer', 'ana', 'Lee Lead');
    add('Ben Ortiz', 'organizer', 'ben', 'Lee Lead');
    add('Oz Park', 'organizer', 'oz', 'Kim Lead');
    add('Dee Diaz', 'director', 'dee');
    ok('ana', ['log', 'Maria Lopez', '--value', 'her kids safety', '--ask', 'come to the tenants meeting', '--outcome', 'yes']);
    // Raw connections read a bigint as a string.
    held = Number((await raw<{ id: string }>('ana', `SELECT id FROM meetings ORDER BY id DESC LIMIT 1`))[0]!.id);
  });
  afterAll(() => team?.cleanup());

  it('the lead of the organizer who held the meeting coaches it: one line on stderr, the note as JSON on stdout', () => {
    const result = cli('lee', ['coach', `M${held}`, '--note', NOTE, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^Noted on M${held} with Maria Lopez on \\w{3} \\d+ \\w{3} \\d{4}, held by Ana Ruiz: it is at the top of their followups until they read it in oneonone review M${held}\\.\\n$`));
    const note = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(note).toMatchObject({ meetingId: held, personName: 'Maria Lopez', organizer: 'Ana Ruiz', coach: 'Lee Lead', text: NOTE, readAt: null });
    expect(Date.parse(String(note.at))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('the organizer who held it finds it at the top of their followups, in words and in --json; their teammate finds nothing', () => {
    const shown = ok('ana', ['followups']);
    expect(shown.split('\n').slice(0, 5)).toEqual([
      "1 coach's note for you, not read yet:",
      expect.stringMatching(new RegExp(`^Lee Lead on M${held} with Maria Lopez on \\w{3} \\d+ \\w{3} \\d{4}:$`)),
      `  ${NOTE}`,
      `  read it with: oneonone review M${held}`,
      '',
    ]);
    expect(shown.indexOf(NOTE)).toBeLessThan(shown.indexOf('Did Maria come to the tenants meeting?'));
    const rows = JSON.parse(ok('ana', ['followups', '--json'])) as { id: string; kind: string; person: string; text: string; coachNote?: Record<string, unknown> }[];
    expect(rows[0]).toMatchObject({ id: `M${held}`, kind: 'coach', person: 'Maria Lopez', coachNote: { meetingId: held, coach: 'Lee Lead', text: NOTE, readAt: null } });
    expect(rows.slice(1).map(({ kind }) => kind)).toEqual(['ask']);
    expect(ok('ben', ['followups'])).not.toContain(NOTE);
    expect(ok('lee', ['followups', '--json'])).not.toContain(NOTE);
  });

  it("an organizer, and a lead of other organizers, cannot coach the meeting: one line in words, nothing written", async () => {
    const before = await notesCount();
    refusedInOneLine(cli('ben', ['coach', `M${held}`, '--note', 'try this']), /^oneonone: only a lead, a director or an admin can coach a meeting \(you are Ben Ortiz, organizer\)$/);
    refusedInOneLine(cli('kim', ['coach', String(held), '--note', 'try this']), new RegExp(`^oneonone: M${held} was not held by an organizer you lead, so you cannot coach it \\(you are Kim Lead, lead\\)$`));
    refusedInOneLine(cli('lee', ['coach', 'M99999', '--note', 'try this']), /^oneonone: there is no meeting M99999 on the server$/);
    refusedInOneLine(cli('ana', ['coach', `M${held}`, '--note', 'note to self']), /only a lead, a director or an admin/);
    ok('dee', ['log', 'Joe Park', '--value', 'faith']);
    const [own] = await raw<{ id: string }>('dee', `SELECT id FROM meetings WHERE organizer_id = (SELECT id FROM organizers WHERE name = 'Dee Diaz')`);
    const ownResult = cli('dee', ['coach', `M${own!.id}`, '--note', 'note to self']);
    refusedInOneLine(ownResult, new RegExp(`^oneonone: M${own!.id} is your own meeting: a coach's note is for someone else's$`));
    expect(ownResult.stderr).toContain(`hint: look back on it yourself with: oneonone review M${own!.id} --add`);
    expect(await notesCount()).toBe(before);
  });

  it('nor can they write one with raw SQL, in their own name or another\'s', async () => {
    const [lee] = await raw<{ id: number }>('ben', `SELECT id FROM organizers WHERE name = 'Lee Lead'`);
    for (const who of ['ben', 'kim', 'oz']) {
      await expect(raw(who, `INSERT INTO coach_notes (meeting_id, text, at) VALUES ($1, 'forged', now())`, [held]), who).rejects.toThrow(/row-level security/);
      await expect(raw(who, `INSERT INTO coach_notes (meeting_id, coach_id, text, at) VALUES ($1, $2, 'forged', now())`, [held, lee!.id]), who).rejects.toThrow(/row-level security/);
    }
    const [dee] = await raw<{ id: number }>('lee', `SELECT id FROM organizers WHERE name = 'Dee Diaz'`);
    await expect(raw('lee', `INSERT INTO coach_notes (meeting_id, coach_id, text, at) VALUES ($1, $2, 'in her name', now())`, [held, dee!.id])).rejects.toThrow(/row-level security/);
    expect(await notesSeenBy(undefined)).toEqual([NOTE]);
  });

  it('it is read by its author, the organizer who held the meeting, their lead, a director and an admin; by nobody else, even with raw SQL', async () => {
    for (const who of ['lee', 'ana', 'dee', 'ada']) expect(await notesSeenBy(who), who).toEqual([NOTE]);
    for (const who of ['ben', 'kim', 'oz']) {
      expect(await notesSeenBy(who), who).toEqual([]);
      expect(await raw(who, `SELECT * FROM coach_notes WHERE meeting_id = $1`, [held]), who).toEqual([]);
    }
  });

  it('a director coaches any organizer\'s meeting, and an admin too; the organizer then has all three to read', async () => {
    ok('dee', ['coach', `M${held}`, '--note', 'Ask for a day and a time.']);
    ok('ada', ['coach', `M${held}`, '--note', 'Good value heard.']);
    expect(await notesSeenBy('ana')).toEqual([NOTE, 'Ask for a day and a time.', 'Good value heard.']);
    expect(await notesSeenBy('kim')).toEqual([]);
    expect(ok('ana', ['followups'])).toMatch(/^3 coach's notes for you, not read yet:\nLee Lead on .*\n.*\n.*\nDee Diaz on .*\n.*\n.*\nAda Admin on /);
  });

  it('only the organizer who held the meeting sets when it was read: a lead\'s or director\'s raw UPDATE changes nothing, and nobody edits the text', async () => {
    for (const who of ['lee', 'dee', 'ada', 'ben']) {
      expect(await raw(who, `UPDATE coach_notes SET read_at = now() RETURNING id`), who).toEqual([]);
    }
    expect(await raw(undefined, `SELECT id FROM coach_notes WHERE read_at IS NOT NULL`)).toEqual([]);
    for (const who of ['ana', 'lee']) {
      await expect(raw(who, `UPDATE coach_notes SET text = 'rewritten'`), who).rejects.toThrow(/permission denied/);
    }
    const marked = await raw<{ id: number }>('ana', `UPDATE coach_notes SET read_at = now() WHERE coach_id = (SELECT id FROM organizers WHERE name = 'Ada Admin') RETURNING id`);
    expect(marked).toHaveLength(1);
    expect(await raw(undefined, `SELECT count(*)::int AS n FROM coach_notes WHERE read_at IS NOT NULL`)).toEqual([{ n: 1 }]);
    expect(ok('ana', ['followups'])).toMatch(/^2 coach's notes for you, not read yet:/);
  });

  it('review marks them read for the organizer who held the meeting only: after it, their followups show none', async () => {
    ok('lee', ['review', `M${held}`]);
    expect(ok('ana', ['followups'])).toContain(NOTE);
    expect(ok('ana', ['review', `M${held}`])).toContain(NOTE);
    const shown = ok('ana', ['followups']);
    expect(shown).not.toContain("coach's note");
    expect(shown).toContain('Did Maria come to the tenants meeting?');
    expect((JSON.parse(ok('ana', ['followups', '--json'])) as { kind: string }[]).map(({ kind }) => kind)).toEqual(['ask']);
    expect(await raw(undefined, `SELECT count(*)::int AS n FROM coach_notes WHERE read_at IS NULL`)).toEqual([{ n: 0 }]);
  });

  it('a note naming immigration status is not sent: rewrite it', async () => {
    const before = await notesCount();
    refusedInOneLine(cli('lee', ['coach', `M${held}`, '--note', 'ask about her visa']), /^oneonone: not sending "ask about her visa" to the team's server: it names "visa"/);
    expect(await notesCount()).toBe(before);
  });

  it('on a file there is no team: refused in one line with a hint, and no file is made', () => {
    const file = join(team.box.dir, 'solo', 'oneonone.db');
    const result = team.box.run(['coach', 'M1', '--note', 'try this'], { env: { ONEONONE_DB: file } });
    refusedInOneLine(result, /^oneonone: coaching needs a team server: the record is the file .*oneonone\.db, which only you read$/);
    expect(result.stderr).toMatch(/\nhint: .*postgres:\/\//);
    expect(existsSync(file)).toBe(false);
    // followups on a file carries no section, and its --json rows are the agenda's alone.
    expect(team.box.run(['followups', '--json'], { env: { ONEONONE_DB: file } }).stdout).toBe('[]\n');
  });

  it('on a server without a team: refused in one line; followups and review there show no notes and no error', () => {
    const env = { ONEONONE_DB: freshDatabase(socketDir!, 'coachless') };
    refusedInOneLine(team.box.run(['coach', 'M1', '--note', 'try this'], { env }), /^oneonone: this server has no team yet, and coaching is between organizers on a team$/);
    expect(team.box.run(['log', 'Bo Chen', '--value', 'faith'], { env }).code).toBe(0);
    refusedInOneLine(team.box.run(['coach', 'M1', '--note', 'try this'], { env }), /^oneonone: this server has no team yet/);
    const agenda = team.box.run(['followups', '--json'], { env });
    expect([agenda.code, agenda.stderr]).toEqual([0, '']);
    expect((JSON.parse(agenda.stdout) as { kind: string }[]).map(({ kind }) => kind)).toEqual([]);
    const review = team.box.run(['review', 'M1', '--json'], { env });
    expect(review.code, review.stderr).toBe(0);
    expect((JSON.parse(review.stdout) as { coachNotes: unknown[] }).coachNotes).toEqual([]);
  });

  // Last: it takes the table away, as on a team set up before coach's notes existed.
  it("a team set up before coach's notes: coach says so in one line; followups and review work and show none", async () => {
    await raw(undefined, `DROP TABLE coach_notes`);
    refusedInOneLine(cli('lee', ['coach', `M${held}`, '--note', 'try this']), /^oneonone: this team was set up before coach's notes existed$/);
    expect(ok('ana', ['followups'])).toContain('Did Maria come to the tenants meeting?');
    const review = JSON.parse(ok('ana', ['review', `M${held}`, '--json'])) as { coachNotes: unknown[] };
    expect(review.coachNotes).toEqual([]);
  });

  it('a meeting that is not an id is a usage error', () => {
    const result = cli('lee', ['coach', 'Maria', '--note', 'try this']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^oneonone: "Maria" is not a meeting: give it as M12\nhint: /);
  });
});
