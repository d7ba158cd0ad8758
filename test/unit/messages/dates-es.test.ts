import { afterEach, describe, expect, it } from 'vitest';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { speak } from '../../../src/messages/spoken.js';
import { dateExamples, parseWhen } from '../../../src/support/dates.js';
import { mentionsTimeSpanish } from '../../../src/support/dates-es.js';
import { UserError } from '../../../src/support/errors.js';

/** A date refused in Spanish suggests forms in Spanish, and each one it suggests is one the question takes. */
describe('a date refused in Spanish', () => {
  afterEach(() => speak(undefined));
  const now = new Date(2026, 10, 24, 10, 0);

  function refusal(input: string, options: Parameters<typeof parseWhen>[1]): UserError {
    try {
      parseWhen(input, { now, ...options });
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
    throw new Error(`${input} was read`);
  }

  it.each<[string, { future: boolean; needsTime?: boolean }]>([
    ['days gone', { future: false }],
    ['moments to come, with a time', { future: true }],
    ['moments to come, a day alone too', { future: true, needsTime: false }],
  ])('suggests %s that parseWhen reads', (_what, options) => {
    speakSpanish();
    const examples = dateExamples(now, options);
    expect(examples.some((form) => /[a-zñ]{4}/.test(form))).toBe(true);
    for (const form of examples) {
      const moment = parseWhen(form, { now, ...options });
      if (options.future) expect(moment.getTime(), form).toBeGreaterThan(now.getTime());
      else expect(moment.getTime(), form).toBeLessThan(now.getTime());
      if (options.future && options.needsTime === undefined) expect(mentionsTimeSpanish(form) || /\d\d:\d\d/.test(form), form).toBe(true);
    }
  });

  it('names the field in Spanish and says why', () => {
    speakSpanish();
    expect(refusal('soonish', { future: true, field: "ask's due date" }).message).toBe('no puedo leer la fecha de la solicitud "soonish"');
    expect(refusal('2027-02-30 18:00', { field: 'follow-up date' }).message).toBe('la fecha del seguimiento "2027-02-30 18:00" no es válida: ese día u hora no existe');
    const past = refusal('2020-01-01', { future: true, field: 'snooze date' });
    expect(past.message).toBe('la fecha para posponerlo "2020-01-01" ya pasó (2020-01-01 09:00)');
    expect(past.hint).toMatch(/^un día sin hora quiere decir las 9:00 de ese día; da un momento que todavía no llega, por ejemplo "mañana a las 6 de la tarde" o "2026-12-01 19:00"$/);
  });

  it('is in English when the run is', () => {
    expect(refusal('soonish', { future: true, field: "ask's due date" }).message).toBe('the ask\'s due date "soonish" is not a date I can read');
  });
});
