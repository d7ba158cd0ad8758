import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };

/** The English of the record's screens, whole words: headings, columns, the read-back's and the confirmations' words. */
const ENGLISH = {
  show: /\b(What they care about|Asks|Follow-ups|Ladder|Connected you to|Meetings, newest first|last met|leadership potential|referred by|no answer yet|open|added|after the meeting of|talked|maybe|supporter|participant|leader|self-interest|issue|value)\b/,
  people: /\b(name|rung|potential|last met|meetings|open asks|follow-ups|leader|participant|days ago)\b/,
  log: /\b(Saved meeting|ask|follow-up|rung|leadership potential|agitation|maybe|participant|issue|by)\b/,
  search: /\b(matches|match|for|best first|issue|Nothing found|in notes tagged|Try without)\b/,
  edit: /\b(Corrected|rung|email|Undo with|participant|volunteer)\b/,
  deleted: /\b(Deleted|the 1:1 with|with|note|ask|follow-up|Undo with)\b/,
  undone: /\b(Undid|deleting|made)\b/,
  merged: /\b(Merged|into|moved|meetings?|notes?|asks?|follow-ups?|referrals?|still finds them|Undo with)\b/,
};

let box: Sandbox;
/** Each screen run once in English (must show the English words) and once in Spanish (none of them). */
const both = (args: string[]) => ({ en: box.run(args), es: box.run(args, { env: SPANISH }) });

beforeAll(() => {
  box = sandbox();
  const ok = (args: string[]) => expect(box.run(args).stderr, args.join(' ')).not.toMatch(/^oneonone: /m);
  ok(['log', 'Ana Ruiz', '--date', '20 days ago', '--value', 'sus hijos', '--issue', 'subió la renta', '--ask', 'hablar en la asamblea', '--ask-due', 'in 7 days',
    '--outcome', 'maybe', '--rung', 'leader', '--potential', '5', '--referral', 'José Núñez', '--followup', 'in 2 days', '--followup-note', 'llamarla']);
});

afterAll(() => box.cleanup());

describe('the record of people in Spanish', () => {
  it('log reads back what it saved in Spanish', () => {
    const args = ['log', 'Bo Chen', '--date', '3 days ago', '--issue', 'sin calefacción', '--ask', 'traer a dos vecinos', '--outcome', 'maybe', '--rung', 'participant', '--potential', '3'];
    const en = box.run(args);
    expect(en.stdout).toMatch(ENGLISH.log);
    const es = box.run([...args.slice(0, 2).map((a) => (a === 'Bo Chen' ? 'Eva Paz' : a)), ...args.slice(2)], { env: SPANISH });
    expect(es.code).toBe(0);
    expect(es.stdout).toMatch(/^Reunión M\d+ con Eva Paz \(#\d+\) guardada/);
    expect(es.stdout).toContain('  tema: sin calefacción');
    expect(es.stdout).toMatch(/ {2}solicitud A\d+: traer a dos vecinos — tal vez/);
    expect(es.stdout).toContain('  peldaño: participante · potencial de liderazgo 3/5');
    expect(es.stdout).not.toMatch(ENGLISH.log);
  });

  it('show gives the whole profile in Spanish', () => {
    const { en, es } = both(['show', 'Ana Ruiz']);
    expect(en.stdout).toMatch(ENGLISH.show);
    expect(es.code).toBe(0);
    expect(es.stdout).toMatch(/^Ana Ruiz \(#1\) — líder, potencial de liderazgo 5\/5/);
    expect(es.stdout).toMatch(/última reunión: hace 20 días · reuniones: 1/);
    for (const heading of ['Lo que le importa', 'Solicitudes', 'Seguimientos', 'Escalera de participación', 'Te conectó con', 'Reuniones, de la más reciente a la más antigua']) {
      expect(es.stdout).toContain(`\n${heading}\n`);
    }
    expect(es.stdout).toMatch(/A1: hablar en la asamblea para el \S+ \d+ \S+ \d{4}, \d\d:\d\d — tal vez/);
    expect(es.stdout).toMatch(/F1 pendiente: llamarla — /);
    expect(es.stdout).toMatch(/→ líder \(después de la reunión del \S+ \d+ \S+ \d{4}\)/);
    expect(es.stdout).toContain('José Núñez (#2, contacto)');
    expect(es.stdout).not.toMatch(ENGLISH.show);
  });

  it('people lists with Spanish columns, rungs and days', () => {
    const { en, es } = both(['people']);
    expect(en.stdout).toMatch(ENGLISH.people);
    expect(es.stdout).toMatch(/│ id +│ nombre +│ peldaño +│ potencial +│ última reunión +│ reuniones +│ solicitudes pendientes +│ seguimientos +│/);
    expect(es.stdout).toMatch(/│ #1 +│ Ana Ruiz +│ líder +│ 5 +│ hace 20 días +│/);
    expect(es.stdout).not.toMatch(ENGLISH.people);
  });

  it('search says its hits and its footer in Spanish', () => {
    const { en, es } = both(['search', 'renta']);
    expect(en.stdout + en.stderr).toMatch(ENGLISH.search);
    expect(es.stdout).toMatch(/^1\. Ana Ruiz \(#1\) · tema · /);
    expect(es.stdout + es.stderr).toContain('1 resultado para "renta", los mejores primero.');
    expect(es.stdout + es.stderr).not.toMatch(ENGLISH.search);
    const none = box.run(['search', 'zanahoria', '--tag', 'issue'], { env: SPANISH });
    expect(none.stdout + none.stderr).toContain('No se encontró nada para "zanahoria" en notas de tipo «tema». Prueba sin --tag para buscar en todo.');
    const byLabel = box.run(['search', 'renta', '--tag', 'Tema'], { env: SPANISH });
    expect(byLabel.stdout).toMatch(/^1\. Ana Ruiz \(#1\) · tema · /);
  });

  it('a name that could be several people lists them in Spanish', () => {
    expect(box.run(['log', 'Ana Ortiz', '--new']).code).toBe(0);
    const en = box.run(['show', 'Ana']);
    expect(en.stderr).toMatch(/#1 Ana Ruiz: leader, last met /);
    const es = box.run(['show', 'Ana'], { env: SPANISH });
    expect(es.stderr).toMatch(/#1 Ana Ruiz: líder, última reunión \S+ \d+ \S+ \d{4}; #\d+ Ana Ortiz: contacto, última reunión /);
    expect(es.stderr).not.toMatch(/\b(last met|never met|leader|contact)\b/);
  });

  it('edit, delete, undo and merge confirm in Spanish; their --json stays English', () => {
    const edited = box.run(['edit', 'Ana Ruiz', '--rung', 'volunteer', '--email', 'ana@example.org'], { env: SPANISH });
    expect(edited.stdout + edited.stderr).toMatch(/Corregido Ana Ruiz \(#1\):\n {2}correo: \(nada\) → ana@example\.org\n {2}peldaño: líder → voluntario\/a\nPara deshacerlo: oneonone undo/);
    expect(edited.stdout + edited.stderr).not.toMatch(ENGLISH.edit);
    const deleted = box.run(['delete', 'M1', '--json'], { env: SPANISH });
    expect(JSON.parse(deleted.stdout).words).toMatch(/^M1, the 1:1 with Ana Ruiz of .*, with 2 notes, 1 ask and 1 follow-up$/);
    expect(deleted.stderr).toMatch(/Borrado: M1, la reunión uno a uno con Ana Ruiz del .*, con 2 notas, 1 solicitud y 1 seguimiento\. Para deshacerlo: oneonone undo/);
    expect(deleted.stderr).not.toMatch(ENGLISH.deleted);
    const undone = box.run(['undo'], { env: SPANISH });
    expect(undone.stdout + undone.stderr).toMatch(/Se deshizo el borrado de M1 \(Ana Ruiz\), hecho el /);
    expect(undone.stdout + undone.stderr).not.toMatch(ENGLISH.undone);
    const merged = box.run(['merge', 'Eva Paz', 'Bo Chen'], { env: SPANISH });
    expect(merged.stdout + merged.stderr).toMatch(/Eva Paz \(#\d+\) quedó unido\/a a Bo Chen \(#\d+\); se movieron: 1 reunión, 1 nota, 1 solicitud, 0 seguimientos, 0 referidos\./);
    expect(merged.stdout + merged.stderr).not.toMatch(ENGLISH.merged);
    const english = box.run(['undo']);
    expect(english.stdout + english.stderr).toMatch(/^Undid merging Eva Paz/m);
  });
});
