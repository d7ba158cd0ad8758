import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestMonologueWords, marksLine, reflectingWords, reminderWords, verdictWords } from '../../../src/messages/meeting.js';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { speak, spokenCatalogues } from '../../../src/messages/spoken.js';

describe('the talk clock in Spanish', () => {
  beforeAll(() => speakSpanish());
  afterAll(() => speak(undefined));

  it('says the verdict with Spanish percentages (a no-break space before %, as Spanish sets it)', () => {
    expect(verdictWords({ code: 'listened', share: 0.18, goal: 0.2 })).toBe('Escuchaste bien: hablaste el 18\u00a0%.');
    expect(verdictWords({ code: 'twice-over', share: 0.45, goal: 0.2 })).toBe(
      'Hablaste el 45\u00a0%, más del doble de la meta del 20\u00a0%. La próxima vez, pregunta y espera.',
    );
    expect(verdictWords({ code: 'no-talk' })).toBe('No se registró tiempo de palabra.');
  });

  it('counts in the singular and the plural', () => {
    expect(reminderWords({ kind: 'monologue', seconds: 1 })).toMatch(/^Llevas 1 segundo hablando sin pausa\./);
    expect(reminderWords({ kind: 'monologue', seconds: 90 })).toMatch(/^Llevas 90 segundos hablando sin pausa\./);
    expect(marksLine({ questions: 1, reflections: 0 })).toBe('Marcado en esta fase: 1 pregunta abierta, 0 reflejos.');
    expect(marksLine({ questions: 3, reflections: 1 })).toBe('Marcado en esta fase: 3 preguntas abiertas, 1 reflejo.');
  });

  it('writes a ratio with a decimal comma, and none when no question was marked', () => {
    expect(reflectingWords({ questions: 4, reflections: 6 }, 'fair')).toBe(
      'Reflejos por pregunta: 6 por 4 (1,5 a 1), aceptable; devuelve más de lo que escuchas. (La entrevista motivacional cuenta 1 a 1 como aceptable y 2 a 1 como bueno.)',
    );
    expect(reflectingWords({ questions: 0, reflections: 2 }, 'good')).toMatch(/^Reflejos por pregunta: 2 por 0, bien:/);
    expect(reflectingWords(null, 'none')).toBeUndefined();
  });

  it('names the phase of the longest stretch', () => {
    expect(longestMonologueWords({ seconds: 95, position: 2, title: 'Explorar', limitSeconds: 60 })).toBe(
      'Lo más que hablaste de corrido: 01:35, en la fase 2. Explorar, más de los 01:00 que permite esa fase. Detente antes y pregunta.',
    );
    expect(longestMonologueWords(null)).toBe('Lo más que hablaste de corrido: nada registrado.');
  });

  it('is English again once no other language speaks', () => {
    speak(undefined);
    expect(spokenCatalogues()).toBeUndefined();
    expect(marksLine({ questions: 1, reflections: 2 })).toBe('Marked in this phase: 1 open question, 2 reflections.');
    speakSpanish();
  });
});

describe('a Spanish reminder of the share', () => {
  it('says how much of the phase the organizer talked', () => {
    speakSpanish();
    expect(reminderWords({ kind: 'share', share: 0.35 })).toBe('Llevas el 35\u00a0% de esta fase hablando tú. Haz una pregunta abierta y escucha.');
    speak(undefined);
  });
});
