import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { answer, openTerminal, type Terminal } from './terminal.js';

/**
 * Issue 13's first Done-when line: a whole guided meeting in a Spanish locale, driven in a real pseudo-terminal — the
 * prep card, every live key, a note, the ask with a Spanish date, a no and a smaller ask, the debrief and the summary —
 * and not one English word of the tool's own on any screen. What the organizer typed, the guide's own text (a Spanish
 * template) and command lines (`oneonone start --resume`) are the only words not the tool's.
 */

const SPANISH = { LANG: 'es_MX.UTF-8' };
const DOWN = '\u001b[B';

// The debrief's questions, as a Spanish-speaking organizer reads them.
const ASK_QUESTION = 'La solicitud específica: ¿qué le pediste';
const DUE_QUESTION = '¿Para cuándo?';
const BARRIERS_QUESTION = '¿Qué se le podría atravesar?';
const OUTCOME_QUESTION = '¿Qué te respondió a';
const AFTER_NO = 'Un no es normal y está bien';
const WHAT_NEXT = '¿Y ahora?';
const SMALLER_ASK = 'La solicitud más pequeña';
const QUICK_NOTES = 'Tus notas rápidas';
const HEARD = [
  '¿Qué valores escuchaste?', '¿Qué intereses propios', '¿Sobre qué temas', '¿Qué habilidades tiene?', '¿Cuánta capacidad', 'Agitar:',
  'La historia tuya', '¿En qué peldaño', '¿Qué potencial de liderazgo', 'ante la campaña?', '¿De qué edificio', '¿Te conectó con alguien?',
  '¿Cuáles de estas hiciste?',
];
const FOLLOW_UP_QUESTION = '¿Cuándo le vas a dar seguimiento?';
const NEXT_STEP = 'Tu próximo paso';
const REFLECTION_QUESTION = '¿Qué harías diferente la próxima vez?';

/**
 * English the tool would say if a message fell back to its English catalogue: the live screen's, the prompts' chrome,
 * the debrief's, the summary's and the scorecard's. Whole words, so "contacto" does not count as "contact".
 */
const ENGLISH = [
  'Phase', 'phase', 'Talking', 'talking', 'Keys', 'Press', 'press', 'Ready', 'Yes', 'navigate', 'select', 'submit', 'Reminder',
  'OVERTIME', 'PAUSED', 'MINUTE', 'left', 'done', 'after', 'the', 'you', 'You', 'them', 'meeting', 'Meeting', 'Ask', 'ask',
  'Note', 'note', 'Noted', 'value', 'self-interest', 'issue', 'skill', 'capacity', 'story', 'lead-in', 'contact', 'supporter',
  'participant', 'volunteer', 'leader', 'organizer', 'yes', 'maybe', 'Follow-up', 'follow-up', 'Rung', 'Notes', 'kept', 'Kept',
  'Scorecard', 'Tip', 'saved', 'When', 'What', 'Which', 'Where', 'How', 'Who', 'Did', 'Enter to', 'skip', 'Right', 'That is',
  'Remind', 'about', 'recruitment', 'Whole', 'planned', 'actual', 'Talk', 'Longest', 'none', 'not sure', 'potential', 'space',
];

let box: Sandbox;
let terminal: Terminal | undefined;

beforeEach(() => {
  box = sandbox();
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/rapida.yaml'), join(templates, 'rapida.yaml'));
});
afterEach(() => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  box.cleanup();
});

/** The screen with what is not the tool's own taken out: what was typed, the guide's text, command lines. */
function toolsWords(screen: string, typed: string[]): string {
  let text = screen;
  for (const words of typed) text = text.split(words).join(' ');
  return text.replace(/oneonone [a-z]+( --?[a-z-]+)*( \S+)?/g, ' ');
}

function englishIn(text: string): string[] {
  return ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}-])${word}(?![\\p{L}-])`, 'u').test(text));
}

describe('a whole meeting in Spanish', { timeout: 90_000 }, () => {
  test('prep card, every live key, a note, the ask with a Spanish date, a no and a smaller ask, the debrief and the summary', async () => {
    expect(box.run(['log', 'Ana Ruiz', '--value', 'la familia', '--date', '2 days ago'], { env: SPANISH }).code).toBe(0);
    expect(box.run(['config', 'set', 'count-questions', 'yes']).code).toBe(0);
    const plannedAsk = 'venir a la reunión de inquilinos';
    const smallerAsk = 'tocar tres puertas';
    const note = 'trabaja de noche';
    const reflection = 'la dejé hablar primero';
    const t = openTerminal(box, ['start', 'Ana Ruiz', '-t', 'rapida', '-g', 'recruitment', '--plan-ask', plannedAsk], SPANISH);
    terminal = t;

    // The prep card, then the first phase: every key of the live screen.
    const card = await t.waitFor('¿Empezamos la primera fase?');
    expect(card).toContain('Última reunión: hace 2 días · 1 reunión antes');
    expect(card).toContain('valor: la familia');
    t.write('\r');
    await answer(t, 'Fase 1 de 3: Escuchar', ' ');
    await answer(t, 'Hablas tú.', 't');
    await answer(t, 'Habla la otra persona.', 'p');
    await answer(t, 'EN PAUSA', 'p');
    await answer(t, 'Habla la otra persona.', '+');
    await answer(t, 'de 01:06', 'q');
    await answer(t, 'Marcado en esta fase: 1 pregunta abierta, 0 reflejos.', 'r');
    await answer(t, 'Marcado en esta fase: 1 pregunta abierta, 1 reflejo.', '?');
    await answer(t, 'termina esta fase y pasa a la siguiente', '?');
    await answer(t, 'Teclas:', 'a');
    await answer(t, 'Nota:', `${note}\r`);
    await answer(t, '¿Qué clase de nota es?', 'v');
    await answer(t, `Anotado (valor): ${note}`, 'n');
    await answer(t, 'Fase 2 de 3: Compartir', 'n');
    await answer(t, 'Fase 3 de 3: Pedir', 'n');

    // The ask with a Spanish date, read back in Spanish; a no, and a smaller ask.
    await answer(t, ASK_QUESTION, '\r');
    await answer(t, DUE_QUESTION, 'el jueves a las 7 de la tarde\r');
    await answer(t, /Es el jueves \d+ de diciembre de 2026, 19:00\. ¿Correcto\?/, '\r');
    await answer(t, BARRIERS_QUESTION, '\r');
    await answer(t, OUTCOME_QUESTION, `${DOWN}${DOWN}\r`);
    await t.waitFor(AFTER_NO);
    await answer(t, WHAT_NEXT, '\r');
    await answer(t, SMALLER_ASK, `${smallerAsk}\r`);
    await answer(t, DUE_QUESTION, 'mañana a las 5 pm\r');
    await answer(t, /Es el \S+ \d+ de diciembre de 2026, 17:00\. ¿Correcto\?/, '\r');
    await answer(t, BARRIERS_QUESTION, '\r');
    await answer(t, OUTCOME_QUESTION, '\r');

    // The debrief: what was heard, the rung, the checklist, the follow-up, the reflection.
    await answer(t, QUICK_NOTES, '\r');
    for (const question of HEARD) await answer(t, question, '\r');
    await answer(t, FOLLOW_UP_QUESTION, '\r');
    await answer(t, /Es el \S+ \d+ de diciembre de 2026, \d\d:\d\d\. ¿Correcto\?/, '\r');
    await answer(t, NEXT_STEP, '\r');
    await answer(t, REFLECTION_QUESTION, `${reflection}\r`);
    const screen = await t.waitFor('oneonone review M2');
    expect((await t.exit()).exitCode).toBe(0);

    expect(screen).toContain('Reunión M2 con Ana Ruiz — guardada');
    expect(screen).toMatch(/Solicitud A1: venir a la reunión de inquilinos — para el jue \d+ dic 2026, 19:00 — no/);
    expect(screen).toContain(`Solicitud A2: ${smallerAsk}`);
    const typed = [plannedAsk, smallerAsk, note, reflection, 'la familia', 'Ana Ruiz', 'el jueves a las 7 de la tarde', 'mañana a las 5 pm'];
    const guide = ['Escuchar lo que le importa a la persona.', '¿Qué es lo que más te importa ahora?', 'Contar tu propia historia.', 'Hacer una solicitud específica.'];
    expect(englishIn(toolsWords(screen, [...typed, ...guide]))).toEqual([]);

    const shown = box.json<{ meetings: { asks: { text: string; outcome: string }[]; notes: { tag: string; text: string }[] }[] }>(['show', 'Ana Ruiz', '--json']);
    expect(shown.meetings[0]!.asks).toEqual([
      expect.objectContaining({ text: plannedAsk, outcome: 'no' }),
      expect.objectContaining({ text: smallerAsk, outcome: 'yes' }),
    ]);
    expect(shown.meetings[0]!.notes).toContainEqual(expect.objectContaining({ tag: 'value', text: note }));
  });

  test('the English list catches the English screen: the same start in an English locale is full of it', async () => {
    expect(box.run(['log', 'Ana Ruiz']).code).toBe(0);
    const t = openTerminal(box, ['start', 'Ana Ruiz', '-t', 'rapida', '-g', 'recruitment', '--plan-ask', 'x'], { LANG: 'en_US.UTF-8' });
    terminal = t;
    await answer(t, 'Start the first phase now?', '\r');
    const screen = await t.waitFor('Talking now');
    expect(englishIn(toolsWords(screen, ['Ana Ruiz']))).toEqual(expect.arrayContaining(['Phase', 'Keys', 'Talking', 'Ready', 'Yes']));
  });
});
