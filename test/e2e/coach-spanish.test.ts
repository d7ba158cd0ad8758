/**
 * Coach's notes in Spanish on a real PostgreSQL cluster: what the coach is told, what the organizer reads in followups
 * and review, and the refusals, with --json the same in both languages. Skipped where PostgreSQL is not installed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
let held: number;
/** A meeting the lead held himself. */
let own: number;
const NOTE = 'Muy buena credencial. La próxima, pregunta con quién más.';
const es = (args: string[]) => ['--lang', 'es', ...args];

describe.skipIf(!socketDir)("coach's notes in Spanish", () => {
  beforeAll(async () => {
    team = await teamServer('coaches', 'coaches_');
    team.ok(undefined, ['team', 'init', 'Rosa Admin']);
    team.ok(undefined, ['team', 'add', 'Lee Lead', '--role', 'lead', '--login', team.login('lee')]);
    team.ok(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', team.login('ana'), '--supervisor', 'Lee Lead']);
    team.ok('ana', ['log', 'Maria Lopez', '--value', 'sus hijos', '--ask', 'venir a la reunión', '--outcome', 'yes']);
    held = Number((await team.raw<{ id: string }>('ana', 'SELECT id FROM meetings ORDER BY id DESC LIMIT 1'))[0]!.id);
    team.ok('lee', ['log', 'Pat Kim', '--value', 'la escuela']);
    own = Number((await team.raw<{ id: string }>('lee', 'SELECT id FROM meetings ORDER BY id DESC LIMIT 1'))[0]!.id);
  });
  afterAll(() => team?.cleanup());

  it('tells the coach where the note went, and the organizer finds it at the top of followups and in review', () => {
    const coached = team.cli('lee', es(['coach', `M${held}`, '--note', NOTE]));
    expect(coached.code, coached.stderr).toBe(0);
    const day = '(lun|mar|mié|jue|vie|sáb|dom) \\d{1,2} [a-z]{3} \\d{4}';
    expect(coached.stderr).toMatch(new RegExp(`^Nota guardada en M${held} con Maria Lopez el ${day}, reunión de Ana Ruiz: aparece arriba de sus pendientes hasta que la lea en oneonone review M${held}\\.\\n$`));
    const agenda = team.ok('ana', es(['followups']));
    expect(agenda).toMatch(new RegExp(`^1 nota de acompañamiento para ti, sin leer:\\nLee Lead sobre M${held} con Maria Lopez el ${day}:\\n  ${NOTE}\\n  léela con: oneonone review M${held}\\n`));
    expect(team.ok('ana', es(['followups', '--json'])), '--json is the same in both languages').toBe(team.ok('ana', ['followups', '--json']));
    const review = team.ok('ana', es(['review', `M${held}`]));
    expect(review).toMatch(new RegExp(`  Una nota de quien te acompaña, Lee Lead \\(${day}\\)\\n    ${NOTE}`));
    expect(team.ok('ana', es(['followups']))).not.toContain('nota de acompañamiento para ti');
  });

  it('refuses in Spanish: an organizer coaching, your own meeting, an empty note, a meeting that is not an id, a file', () => {
    const refused = (result: { code: number | null; stderr: string }, code: number, words: RegExp) => {
      expect(result.code, result.stderr).toBe(code);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(2);
      expect(lines[0]).toMatch(words);
      expect(result.stderr.replace(/--[a-z]+/g, ''), 'no English of ours, the options aside').not.toMatch(/\b(meeting|note|team|hint|you)\b/);
    };
    refused(team.cli('ana', es(['coach', `M${held}`, '--note', 'bien'])), 1, /^oneonone: solo quien es líder de equipo, director\/a o administrador\/a puede acompañar una reunión \(eres Ana Ruiz, organizador\/a\)$/);
    refused(team.cli('lee', es(['coach', `M${own}`, '--note', 'bien'])), 1, new RegExp(`^oneonone: M${own} es tu propia reunión: una nota de acompañamiento es para la reunión de alguien más$`));
    refused(team.cli('lee', es(['coach', `M${held}`, '--note', '  '])), 2, /^oneonone: la nota está vacía$/);
    refused(team.cli('lee', es(['coach', 'Maria', '--note', 'bien'])), 2, /^oneonone: "Maria" no es una reunión: escríbela como M12$/);
    const file = join(team.box.dir, 'solo', 'oneonone.db');
    refused(team.box.run(es(['coach', 'M1', '--note', 'bien']), { env: { ONEONONE_DB: file } }), 1, /^oneonone: el acompañamiento necesita un servidor de equipo: el registro es el archivo .*oneonone\.db, que solo lees tú$/);
  });

  it('says the same refusal in English without --lang', () => {
    const refused = team.cli('lee', ['coach', `M${own}`, '--note', 'good']);
    expect(refused.stderr).toMatch(new RegExp(`^oneonone: M${own} is your own meeting: a coach's note is for someone else's\\nhint: look back on it yourself`));
  });
});
