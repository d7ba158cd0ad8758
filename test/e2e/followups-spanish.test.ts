/**
 * The morning list in Spanish: the table, the lines under it, the calendar file, and what done and snooze say they did,
 * with a list of that screen's English words that a Spanish run must not say and an English run does (so it can fail).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayFromMidnight, dayAt, isoAt } from './relative-dates.js';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { TZ: 'UTC', LANG: 'es_MX.UTF-8' };
const ENGLISH = { TZ: 'UTC', LANG: 'en_US.UTF-8' };

/** The list's own English words (whole words), none of them in the Spanish the organizer typed. */
const ENGLISH_WORDS = /\b(when|who|what|LATE|late|Time|every|days?|ago|Did|said|maybe|today|tomorrow|coming|Close|Move|next|monday|Closed|Checked|Moved|Dismissed|with|Wrote|items?|Follow-up|Check-in|follow-ups|due|keep)\b/;

/** Options and commands aside (--kept, counts=one-on-ones), which stay English in every language. */
const words = (text: string) => text.replace(/--[a-z-]+/g, '').replace(/\boneonone \w+/g, '');

let box: Sandbox;
const run = (args: string[], env: NodeJS.ProcessEnv) => {
  const result = box.run(args, { env });
  expect(result.code, `oneonone ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
};

beforeAll(async () => {
  await awayFromMidnight();
  box = sandbox();
  run(['log', 'Ana Ruiz', '--date', dayAt(-40, '10:00'), '--rung', 'leader',
    '--ask', 'hablar en la reunión de inquilinos', '--ask-due', dayAt(-3, '19:00'), '--outcome', 'yes'], ENGLISH);
  run(['log', 'Ben Okafor', '--date', dayAt(-2, '10:00'), '--rung', 'volunteer',
    '--ask', '¿Puedes traer a tus vecinos a la vigilia?', '--ask-due', dayAt(3, '18:00'), '--outcome', 'maybe',
    '--followup', dayAt(2, '09:00'), '--followup-note', 'llamarle para recordarle'], ENGLISH);
  run(['log', 'Carla Diaz', '--date', dayAt(-1, '10:00'), '--ask', 'la vigilia del jueves', '--ask-due', dayAt(10, '19:00'), '--outcome', 'yes'], ENGLISH);
  run(['log', 'Eve Stone', '--date', dayAt(-49, '10:00'), '--rung', 'volunteer'], ENGLISH);
  run(['log', 'Dev Patel', '--date', dayAt(-20, '10:00'), '--followup', dayAt(1, '10:00')], ENGLISH);
  box.sql('UPDATE followups SET due_at = ? WHERE id = 2', [isoAt(-5, '09:00')]);
}, 200_000);
afterAll(() => box?.cleanup());

describe('followups in Spanish', () => {
  it('says the table, the cadence reminders, the check-in questions and the line under it in Spanish', () => {
    const shown = run(['followups'], SPANISH);
    expect(shown.stdout).toMatch(/│ id +│ cuándo +│ quién +│ qué +│/);
    expect(shown.stdout).toMatch(/│ C\d │ VENCIÓ hace 19 días +│ Eve Stone +│ Toca una reunión uno a uno con Eve \(voluntario\/a, cada 30 días; última reunión hace 49 días\) +│/);
    expect(shown.stdout).toMatch(/│ A1 │ VENCIÓ hace 3 días +│ Ana Ruiz +│ ¿Cumplió Ana con hablar en la reunión de inquilinos\? +│/);
    // The ask said to "tú" is asked about in the third person; a maybe is marked.
    expect(shown.stdout).toContain('¿Cumplió Ben con traer a sus vecinos a la vigilia? (dijo que tal vez)');
    expect(shown.stdout).toMatch(/│ F1 │ (mañana|(lun|mar|mié|jue|vie|sáb|dom) \d{1,2} [a-z]{3}) 09:00 +│ Ben Okafor +│ llamarle para recordarle +│/);
    expect(shown.stderr).toMatch(/^4 atrasados, 2 próximos\. Cierra uno con: oneonone done C\d   Muévelo con: oneonone snooze C\d "el próximo lunes"\n$/);
    expect(words(shown.stdout + shown.stderr)).not.toMatch(ENGLISH_WORDS);

    const english = run(['followups'], ENGLISH);
    expect(english.stdout).toContain('Time for a 1:1 with Eve (volunteer, every 30 days; last met 49 days ago)');
    expect(english.stderr).toMatch(/^4 late, 2 coming up\. Close one with/);
    expect(words(english.stdout + english.stderr)).toMatch(ENGLISH_WORDS);
  });

  it('quotes an ask that does not start with a verb, and says an empty window in Spanish', () => {
    expect(run(['followups', '--person', 'Carla'], SPANISH).stdout).toContain('¿Cumplió Carla con "la vigilia del jueves"?');
    expect(run(['followups', '--person', 'Carla', '--overdue'], SPANISH).stderr).toBe('Nada atrasado con Carla Diaz.\n');
  });

  it('writes the calendar in Spanish', () => {
    const file = join(box.dir, 'semana.ics');
    const wrote = run(['followups', '--ics', file], SPANISH);
    expect(wrote.stderr).toMatch(new RegExp(`^Se guardaron 6 pendientes en ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(solo tú puedes leerlo: tiene nombres de personas\\)\\.\\n`));
    const calendar = readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain('X-WR-CALNAME:oneonone pendientes');
    expect(calendar).toContain('DESCRIPTION:Revisar una solicitud con Ana Ruiz.\\nCiérralo con: oneonone done A1\\nMuévelo con: oneonone snooze A1 "el próximo lunes"');
    expect(words(calendar.replace(/^(?!SUMMARY|DESCRIPTION|X-WR-CALNAME).*$/gm, ''))).not.toMatch(ENGLISH_WORDS);
  });

  it('says what done and snooze did in Spanish, and the same in English without it', () => {
    const said = [
      run(['done', 'A1'], SPANISH).stderr,
      run(['done', 'A1', '--kept'], SPANISH).stderr,
      run(['snooze', 'F1', 'el próximo lunes a las 9'], SPANISH).stderr,
      run(['snooze', 'A2', 'mañana'], SPANISH).stderr,
      run(['done', 'F2'], SPANISH).stderr,
    ].join('');
    expect(said).toContain('Revisaste A1: Ana Ruiz, "hablar en la reunión de inquilinos". Anota si cumplió con: oneonone done A1 --kept (o --broken)\n');
    expect(said).toContain('Revisaste A1: Ana Ruiz cumplió con "hablar en la reunión de inquilinos". Cuenta en: oneonone leaders\n');
    expect(said).toMatch(/Moviste F1 \(Ben Okafor: llamarle para recordarle\) al lun \d{1,2} [a-z]{3} \d{4}, 09:00\.\n/);
    expect(said).toMatch(/Moviste la revisión A2 \(Ben Okafor: "¿Puedes traer a tus vecinos a la vigilia\?"\) al (lun|mar|mié|jue|vie|sáb|dom) /);
    expect(said).toContain('Cerraste F2: Dev Patel: Dar seguimiento a Dev Patel.\n');
    const eve = JSON.parse(run(['followups', '--json', '--person', 'Eve'], ENGLISH).stdout) as { id: string }[];
    const dismissed = run(['done', eve[0]!.id], SPANISH).stderr;
    expect(dismissed).toMatch(new RegExp(`^Descartaste ${eve[0]!.id}: la próxima reunión uno a uno con Eve Stone toca el .+ \\(voluntario/a: cada 30 días\\)\\.\\n$`));
    expect(words(said + dismissed)).not.toMatch(ENGLISH_WORDS);
    // A refusal's date is said as the rest of it is (the refusal's words are errors'): "el vie 4 dic 2026, 22:46".
    const again = box.run(['done', 'F2'], { env: SPANISH });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/ el (lun|mar|mié|jue|vie|sáb|dom) \d{1,2} [a-z]{3} \d{4}, \d\d:\d\d\n/);
    const english = run(['snooze', 'A2', 'tomorrow'], ENGLISH).stderr;
    expect(english).toMatch(/^Moved the check-in A2 /);
    expect(words(english)).toMatch(ENGLISH_WORDS);
  });
});
