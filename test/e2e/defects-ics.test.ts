import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const PERSON = 'María José Núñez-Ibáñez';
// Accents are two octets, the emoji four (one with a skin tone, a ZWJ family): folding by characters overruns 75 octets.
const NEXT_STEP =
  'Llamar a María José después de la asamblea del sindicato de inquilinos 🏠✊🏽 para hablar de la reparación del techo, ' +
  'la calefacción que no funciona en invierno ❄️ y la reunión con el dueño 👩‍👩‍👧 — ¡ella quiere traer a sus vecinas también! 🌻🌻🌻';

/** RFC 5545 3.1: a line break followed by one space or tab is a fold, removed when reading. */
function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

describe('followups --ics', () => {
  it('folds long lines at 75 octets of UTF-8, never inside a character, and unfolds to the text as written', () => {
    const logged = box.run(['log', PERSON, '--followup', 'next friday 6pm', '--followup-note', NEXT_STEP]);
    expect(logged.code, logged.stderr).toBe(0);
    const file = join(box.dir, 'week.ics');
    const result = box.run(['followups', '--all', '--ics', file]);
    expect(result.code, result.stderr).toBe(0);

    const bytes = readFileSync(file);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const lines: Buffer[] = [];
    for (let start = 0; start < bytes.length; ) {
      const end = bytes.indexOf('\r\n', start);
      lines.push(bytes.subarray(start, end === -1 ? bytes.length : end));
      start = end === -1 ? bytes.length : end + 2;
    }
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line.length, line.toString('utf8')).toBeLessThanOrEqual(75);
      expect(() => strict.decode(line), line.toString('utf8')).not.toThrow();
    }
    const text = bytes.toString('utf8');
    expect(lines.some((line) => /^[ \t]/.test(line.toString('utf8'))), 'the summary is long enough to be folded').toBe(true);
    expect(unfold(text)).toContain(`SUMMARY:F1 ${PERSON}: ${NEXT_STEP.replace(/,/g, '\\,')}`);

    const calendar = new ICAL.Component(ICAL.parse(text));
    const [event] = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(event!.summary).toBe(`F1 ${PERSON}: ${NEXT_STEP}`);
    expect(event!.description).toContain(`Follow-up with ${PERSON}.`);
  });
});
