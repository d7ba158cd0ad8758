import { describe, expect, test } from 'vitest';
import { fitGuide, screenRows } from '../../../src/ui/live-phase.js';

describe('counting the rows of the live screen', () => {
  test('counts each line break inside a line (the keys are one string of several lines)', () => {
    const keys = '  Keys: n next phase\n        space or t who is talking\n        p pause · + add a minute\n        a note · ? help\n        Ctrl-C stop (kept as a draft)';
    expect(screenRows([keys], 40)).toBe(5);
  });

  test('fills each row to the last column before going on, as the redraw does', () => {
    expect(screenRows(['x'.repeat(40)], 40)).toBe(1);
    expect(screenRows(['x'.repeat(41)], 40)).toBe(2);
    expect(screenRows(['  You talked 0% of this phase, 0% of the meeting (aim for at most 50%).'], 40)).toBe(2);
  });

  test('counts a wide character as two columns', () => {
    expect(screenRows(['会'.repeat(20)], 40)).toBe(1);
    expect(screenRows(['会'.repeat(21)], 40)).toBe(2);
  });

  test('a cut guide, with the line saying what is hidden, leaves the rest of the screen room on a 40-column terminal', () => {
    const guide = Array.from({ length: 30 }, (_, i) => `  - tip number ${i + 1}`);
    const rest = ['? Phase 1 of 5: Purpose and', '  introduction', '', '  02:29 of 02:30  [-------]', '  Keys: n next phase\n        a note · ? help'];
    const fitted = fitGuide(guide, rest, 24, 40);
    expect(screenRows([...rest, ...fitted], 40)).toBeLessThanOrEqual(23);
    expect(fitted.join(' ')).toMatch(/more lines of the guide/);
  });
});
