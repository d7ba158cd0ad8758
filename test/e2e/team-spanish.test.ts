/**
 * The team's commands on a real PostgreSQL server say what they did in Spanish: team init, add, list, role, remove,
 * audit, words, week and goal, handoff, push and import-local. The same screens in an English run have the English
 * words the Spanish ones must not (so the check can fail). Skipped where PostgreSQL is not installed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

let team: TeamServer;
const SPANISH = { LANG: 'es_MX.UTF-8' };

/** The words of these screens in English, the role codes among them (the commands shown keep them, as typed). */
const ENGLISH =
  /\b(organizer|lead|director|admin|Added|Took|is now|was|led by|login|you|when|what|detail|word|from|default|team's|week|Week|goal|talk|asks|brought|overdue|verdict|so far|short|Nothing|waiting|Sent|kept|Introduction|follow-up|due|Undo|matched|added|people|person|meetings?|Brought|ambiguous|notes|rung)\b/;

/** What a line says, without the commands it shows, the paths and the logins (which stay as typed). */
const said = (text: string) => text.replace(/oneonone [^\n;()]*/g, '').replace(/\/\S+/g, '').replace(/\\password \S+/g, '').replace(/\b\w+_\d+\b/g, '');

function run(who: string | undefined, args: string[], english = false): string {
  const result = team.box.run(args, { env: { ONEONONE_DB: team.as(who), ...(english ? {} : SPANISH) } });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout + result.stderr;
}

/** A screen in Spanish, none of the English words in it; and the same screen in English, which has them. */
function both(who: string | undefined, args: string[], englishArgs = args): string {
  const spanish = run(who, args);
  expect(said(spanish), spanish).not.toMatch(ENGLISH);
  expect(said(run(who, englishArgs, true))).toMatch(ENGLISH);
  return spanish;
}

describe.skipIf(!socketDir)('the team in Spanish', () => {
  beforeAll(async () => {
    team = await teamServer('team_es', 'es');
  });
  afterAll(() => team?.cleanup());

  it('sets the team up, adds, lists, changes and audits its organizers in Spanish', () => {
    const made = run(undefined, ['team', 'init', 'Rosa Delgado']);
    expect(made).toContain('El equipo quedó listo en este servidor, con Rosa Delgado');
    expect(said(made)).not.toMatch(ENGLISH);
    const added = run(undefined, ['team', 'add', 'Ana Ruiz', '--role', 'organizer', '--login', team.login('ana')]);
    expect(added).toContain(`Agregaste a Ana Ruiz al equipo como organizador/a; su usuario es ${team.login('ana')}, nuevo y todavía sin contraseña`);
    expect(said(added)).not.toMatch(ENGLISH);
    const english = run(undefined, ['team', 'add', 'Ben Ortiz', '--role', 'organizer', '--login', team.login('ben'), '--supervisor', 'Ana Ruiz'], true);
    expect(said(english)).toMatch(ENGLISH);

    const listed = both('ana', ['team', 'list']);
    expect(listed).toMatch(/organizador\/a\s+│ rol\s+│ su líder de equipo\s+│ usuario/);
    expect(listed).toMatch(/Ana Ruiz \(tú\)\s+│ organizador\/a/);

    expect(both(undefined, ['team', 'role', 'Ana Ruiz', '--role', 'lead'], ['team', 'role', 'Ana Ruiz', '--role', 'organizer']))
      .toContain('Ana Ruiz ahora es líder de equipo (antes: organizador/a).');
    expect(run(undefined, ['team', 'role', 'Ana Ruiz', '--role', 'organizer'])).toContain('Ana Ruiz ya es organizador/a; no cambió nada.');

    const audit = both(undefined, ['team', 'audit']);
    expect(audit).toMatch(/cuándo\s+│ usuario\s+│ qué\s+│ detalle/);
    expect(audit).toContain('Ana Ruiz: de organizador/a a líder de equipo');
  });

  it("adds, lists and takes off the team's sensitive words in Spanish", () => {
    expect(both(undefined, ['team', 'words', 'add', 'la corte'], ['team', 'words', 'add', 'work permit']))
      .toContain('Agregaste "la corte" a las palabras sensibles del equipo');
    const list = both(undefined, ['team', 'words', 'list']);
    expect(list).toMatch(/palabra\s+│ origen/);
    expect(list).toMatch(/la corte\s+│ del equipo/);
    expect(list).toContain('predeterminada');
    expect(both(undefined, ['team', 'words', 'remove', 'la corte'], ['team', 'words', 'remove', 'work permit']))
      .toContain('Quitaste "la corte" de las palabras sensibles del equipo.');
  });

  it('sets the goal and shows the week in Spanish; --json keeps the verdict in English', () => {
    expect(both(undefined, ['team', 'goal', '--weekly', '3'])).toContain('La meta semanal del equipo es ahora de 3 reuniones uno a uno a la semana');
    run('ana', ['log', 'Maria Lopez', '--value', 'sus hijos', '--ask', 'venir a la junta', '--outcome', 'yes']);
    const week = both(undefined, ['team', 'week']);
    expect(week).toMatch(/Semana W\d\d, del \p{L}+ \d+ \p{L}+ \d{4} al /u);
    expect(week).toContain('uno a uno / meta');
    expect(week).toContain('le faltan 2 para la meta de 3 por ahora');
    const several = both(undefined, ['team', 'week', '--weeks', '2']);
    expect(several).toContain('Ana Ruiz (organizador/a), las últimas 2 semanas');
    const json = JSON.parse(run(undefined, ['team', 'week', '--json'])) as { organizer: string; verdict: string }[];
    expect(json.find((w) => w.organizer === 'Ana Ruiz')?.verdict).toBe('2 short of the goal of 3 so far');
  });

  it('hands a person off, and removes an organizer, saying so in Spanish; the introduction is written in Spanish', () => {
    const handed = run('ana', ['handoff', 'Maria Lopez', '--to', 'Ben Ortiz', '--note', 'cuida a sus nietos los martes']);
    expect(handed).toContain('Maria Lopez es ahora de Ben Ortiz (antes era de Ana Ruiz); 1 solicitud pendiente y 0 seguimientos pendientes pasaron con la persona.');
    expect(handed).toMatch(/Ben Ortiz tiene la presentación como seguimiento F\d+, para el /);
    expect(said(handed)).not.toMatch(ENGLISH);
    expect(run('ben', ['followups', '--json'])).toContain('Presentación de Ana Ruiz: cuida a sus nietos los martes');
    const english = run('ben', ['handoff', 'Maria Lopez', '--to', 'Ana Ruiz', '--note', 'back to you'], true);
    expect(said(english)).toMatch(ENGLISH);

    run(undefined, ['team', 'add', 'Cy Diaz', '--role', 'organizer', '--login', team.login('cy')]);
    run('cy', ['log', 'Tere Soto', '--note', 'vecina del 4B']);
    expect(run(undefined, ['team', 'remove', 'Cy Diaz', '--to', 'Ana Ruiz'])).toContain(
      `Cy Diaz ya no está en el equipo: 1 persona ahora tiene a Ana Ruiz como organizador/a; sus reuniones y notas conservan su nombre, y el usuario ${team.login('cy')} ya no puede leer nada aquí.`,
    );
  });

  it('push says in Spanish that nothing waits', () => {
    expect(both('ana', ['push'])).toBe('No hay nada esperando para enviarse.\n');
  });

  it("brings an organizer's own file in, saying what it did in Spanish", () => {
    const file = join(team.box.dir, 'mia.db');
    for (const args of [['log', 'Lupe Soto', '--email', 'lupe@example.org', '--note', 'conoce a todo el edificio'], ['log', 'Maria Lopez', '--note', 'otra vez']]) {
      expect(team.box.run(args, { env: { ONEONONE_DB: file } }).code).toBe(0);
    }
    const dry = both('ana', ['team', 'import-local', file, '--dry-run']);
    expect(dry).toContain('agregar Lupe Soto (#1 en tu archivo)');
    expect(dry).toMatch(/se juntaría Maria Lopez \(#2 en tu archivo\) con #\d+ Maria Lopez \(de Ana Ruiz\): el mismo nombre, y ningún correo ni teléfono distinto/);
    expect(dry).toMatch(/Traerías 2 personas de .*mia\.db, a nombre de Ana Ruiz: 1 por agregar, 1 por juntar \(0 por correo, 0 por teléfono, 1 por nombre\), 0 dudosas/);
    expect(dry).toContain('No se escribió nada (prueba).');
    const done = run('ana', ['team', 'import-local', file]);
    expect(done).toMatch(/Trajiste 2 personas de .*: 1 agregada, 1 juntada/);
    expect(said(done)).not.toMatch(ENGLISH);
  });
});
