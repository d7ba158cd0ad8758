import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

/** Dates typed in Spanish, through the built binary: read whole, as strictly as English ones. */
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const local = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('dates in Spanish', () => {
  test('log reads the meeting day, the ask and the follow-up in Spanish', () => {
    const logged = box.json<{ heldAt: string; asks: { dueAt: string }[]; followups: { dueAt: string }[] }>([
      'log', 'Ana Ruiz', '--date', 'el 2 de febrero de 2026 a las 17:00', '--value', 'su familia',
      '--ask', 'venir a la reunión', '--ask-due', 'el 5 de febrero a las 7 de la tarde', '--followup', 'el 3 de febrero de 2099 al mediodía', '--json',
    ]);
    expect(local(logged.heldAt)).toBe('2026-02-02 17:00');
    expect(local(logged.asks[0]!.dueAt), 'the ask counts from the meeting').toBe('2026-02-05 19:00');
    expect(local(logged.followups[0]!.dueAt)).toBe('2099-02-03 12:00');
  });

  test('what it cannot read whole, or what is past for a due date, is refused in one line', () => {
    for (const [args, pattern] of [
      [['--followup', 'pronto'], /^oneonone: the follow-up date "pronto" is not a date I can read\n/],
      [['--followup', 'el 31 de febrero'], /^oneonone: the follow-up date "el 31 de febrero" is not a date I can read\n/],
      [['--followup', 'hace 3 días'], /^oneonone: the follow-up date "hace 3 días" is in the past/],
    ] as const) {
      const result = box.run(['log', 'Bo Chen', '--value', 'x', ...args]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(pattern);
    }
    expect(box.json<unknown[]>(['people', '--json']), 'nothing half written').toEqual([]);
  });
});
