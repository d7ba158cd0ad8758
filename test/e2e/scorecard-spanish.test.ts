import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

/** The scorecard and `review` in Spanish: the built binary on a real record, by --lang and by the locale. */
let box: Sandbox;

beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const MEETING = [
  'Ana Ruiz', '--value', 'la familia', '--ask', 'venir a la reunión de inquilinos', '--ask-due', 'el próximo jueves a las 7 de la tarde',
  '--outcome', 'no', '--ask', 'firmar la carta', '--outcome', 'yes', '--did', 'purpose',
];

/** English words of the scorecard's own (the organizer's words and the commands are left out before looking). */
const ENGLISH = /\b(Scorecard|Kept|Tip|of|the|you|your|no ask|self-interest|follow-up|heard|story|agitation|reflection|meeting|with|Added|What)\b/;

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const result = box.run(args, { env });
  expect(result.code, result.stderr).toBe(0);
  return result;
};

/** From the scorecard's title to the end of its items. */
function scorecardOf(output: string, title: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith(`${title}:`));
  expect(start, output).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, at) => at > start && !/^ {4}[✓✗]/.test(line));
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('the scorecard in Spanish', () => {
  test('log --lang es shows it in Spanish, and the record keeps its codes', () => {
    const card = scorecardOf(run(['--lang', 'es', 'log', ...MEETING]).stdout, 'Autoevaluación');
    expect(card[0]).toBe('  Autoevaluación: 4 de 11');
    expect(card[1]).toBe(
      '    ✓ Cumpliste: dijiste por qué se reunían y cómo conseguiste su nombre; escuchaste un valor; hiciste una solicitud específica con día y hora; respondiste a un no con una solicitud más pequeña.',
    );
    expect(card).toContain('    ✗ No anotaste ningún interés propio. Consejo: Pregúntale qué está en juego para su vida ("¿Qué cambiaría para tu familia si…?").');
    expect(card).toContain('    ✗ No acordaste ningún seguimiento. Consejo: Di claramente cómo le vas a dar seguimiento ("Te llamo el lunes para recordártelo").');
    for (const line of card) expect(line.replace(/venir a la reunión de inquilinos|firmar la carta|la familia/g, ''), line).not.toMatch(ENGLISH);
    const [meeting] = box.json<{ meetings: { scorecard: { lines: { item: string; met: boolean }[] }; asks: { outcome: string }[] }[] }>(['--lang', 'es', 'show', 'Ana Ruiz', '--json']).meetings;
    expect(meeting!.scorecard.lines.filter((line) => !line.met).map((line) => line.item)).toEqual(['interest', 'their-story', 'your-story', 'agitation', 'barriers', 'referral', 'follow-up']);
    expect(run(['--lang', 'es', 'show', 'Ana Ruiz']).stdout).toMatch(/M1 .* · autoevaluación 4 de 11/);
  });

  test('review in a Spanish locale: the card, the reflection and what --add says', () => {
    run(['log', ...MEETING]);
    const spanish = { LANG: 'es_MX.UTF-8' };
    const empty = run(['review', 'M1'], spanish).stdout;
    expect(empty).toMatch(/^M1 con Ana Ruiz, (lun|mar|mié|jue|vie|sáb|dom) \d{1,2} [a-z]{3} \d{4}, \d\d:\d\d: 4 de 11\n/);
    expect(scorecardOf(empty, 'Autoevaluación')[0]).toBe('  Autoevaluación: 4 de 11');
    expect(empty).toContain('  Lo que harías diferente\n    Todavía no hay reflexión. Agrega una: oneonone review M1 --add "…"');
    const added = run(['review', 'M1', '--add', 'dejarla hablar primero'], spanish);
    expect(added.stderr).toBe('Se agregó a tu reflexión sobre M1.\n');
    expect(added.stdout).toContain('  Lo que harías diferente\n    dejarla hablar primero');
    for (const line of scorecardOf(added.stdout, 'Autoevaluación')) expect(line.replace(/venir a la reunión de inquilinos|firmar la carta|la familia/g, ''), line).not.toMatch(ENGLISH);
    const json = box.json<{ score: { met: number; of: number }; reflection: string }>(['--lang', 'es', 'review', 'M1', '--json']);
    expect(json).toMatchObject({ score: { met: 4, of: 11 }, reflection: 'dejarla hablar primero' });
  });

  test('review refuses in Spanish, in one line and a hint, with the exit codes of English', () => {
    const refused = (args: string[], code: number, message: string) => {
      const result = box.run(['--lang', 'es', 'review', ...args]);
      expect(result.code, result.stderr).toBe(code);
      expect(result.stderr).toMatch(new RegExp(`^oneonone: ${message}\n[^\n]+: [^\n]+\n$`));
      expect(result.stderr).not.toMatch(/\b(meeting|there|is not|hint|Name)\b/);
    };
    refused([], 1, 'todavía no hay ninguna reunión para repasar');
    refused(['Maria'], 2, '"Maria" no es una reunión: escríbela como M12');
    run(['log', ...MEETING]);
    refused(['M7'], 1, 'no hay ninguna reunión M7');
  });

  test('the same record reads in English again without --lang', () => {
    run(['--lang', 'es', 'log', ...MEETING]);
    const review = run(['review', 'M1']).stdout;
    expect(review).toMatch(/^M1 with Ana Ruiz, .*: 4 of 11\n/);
    expect(review).toContain('  Scorecard: 4 of 11\n    ✓ Kept: said why you were meeting and how you got their name;');
    expect(review).toContain('    ✗ No follow-up set. Tip: Be clear about how you will follow up');
    expect(review).not.toMatch(/Autoevaluación|Consejo|Cumpliste/);
  });
});

describe('a follow-up in no words of the organizer\'s own', () => {
  test('reads in Spanish on the screen, and in English in every --json', () => {
    run(['log', 'Ana Ruiz', '--ask', 'firmar la carta', '--outcome', 'yes', '--followup', 'in 2 days']);
    expect(run(['--lang', 'es', 'show', 'Ana Ruiz']).stdout).toContain('Dar seguimiento a Ana Ruiz');
    expect(run(['--lang', 'es', 'followups']).stdout).toContain('Dar seguimiento a Ana Ruiz');
    const shown = box.json<{ followups: { text: string }[] }>(['--lang', 'es', 'show', 'Ana Ruiz', '--json']);
    expect(shown.followups.map((f) => f.text)).toEqual(['Follow up with Ana Ruiz']);
    const due = box.json<{ kind: string; text: string }[]>(['--lang', 'es', 'followups', '--json']);
    expect(due.filter((item) => item.kind === 'followup').map((item) => item.text)).toEqual(['Follow up with Ana Ruiz']);
    const logged = box.json<{ followups: { text: string }[] }>(['--lang', 'es', 'log', 'Bo Chen', '--followup', 'mañana', '--json']);
    expect(logged.followups.map((f) => f.text)).toEqual(['Follow up with Bo Chen']);
    expect(run(['show', 'Ana Ruiz']).stdout, 'English again without --lang').toContain('Follow up with Ana Ruiz');
  });
});
