import { describe, expect, test } from 'vitest';
import { createSmoother, type SmoothedBlock } from '../../../src/listen/hmm.js';

function smooth(evidence: readonly (number | null)[]): SmoothedBlock[] {
  const s = createSmoother();
  return [...evidence.flatMap((e) => s.push(e)), ...s.flush()];
}

/** Y for the organizer ("you"), T for them, - for silence. */
const sides = (blocks: SmoothedBlock[]) => blocks.map((b) => (b.side === 'organizer' ? 'Y' : b.side === 'other' ? 'T' : '-')).join('');

describe('the two-state smoother', () => {
  test('irons out a one-block flicker inside a stretch of one speaker, either way', () => {
    expect(sides(smooth([2, 2, 2, 2, -1.5, 2, 2, 2, 2, 2]))).toBe('YYYYYYYYYY');
    expect(sides(smooth([-2, -2, -2, 1.5, -2, -2, -2, -2]))).toBe('TTTTTTTT');
  });

  test('keeps a real change of speaker, at the block where it happened', () => {
    expect(sides(smooth([2, 2, 2, 2, 2, -2, -2, -2, -2, -2, -2]))).toBe('YYYYYTTTTTT');
  });

  test('names nobody in silence, and a pause makes a change of speaker easier to believe', () => {
    expect(sides(smooth([2, 2, 2, null, null, -0.8, -0.8, -0.8]))).toBe('YYY--TTT');
    // Without the pause the same three weak blocks are not enough to believe the other person took over.
    expect(sides(smooth([2, 2, 2, 2, 2, -0.8, -0.8, -0.8]))).toBe('YYYYYYYY');
  });

  test('decides a block only once the look-ahead has been heard, in order, and everything at the end', () => {
    const s = createSmoother();
    const early = [2, 2, 2, 2, 2].flatMap((e) => s.push(e));
    expect(early).toEqual([]);
    const next = s.push(2);
    expect(next.map((b) => b.block)).toEqual([0]);
    expect(s.flush().map((b) => b.block)).toEqual([1, 2, 3, 4, 5]);
  });

  test('is sure of a long clear stretch and unsure of a close call', () => {
    const clear = smooth([3, 3, 3, 3, 3, 3, 3, 3]);
    const close = smooth([0.05, -0.05, 0.05, -0.05, 0.05, -0.05, 0.05, -0.05]);
    expect(clear[2]!.confidence).toBeGreaterThan(0.9);
    expect(close[2]!.confidence).toBeLessThan(0.2);
  });

  test('stays bounded through a long meeting (the scores do not grow)', () => {
    const blocks = smooth(Array.from({ length: 20_000 }, (_, i) => (Math.floor(i / 40) % 2 === 0 ? 2 : -2)));
    expect(blocks).toHaveLength(20_000);
    expect(sides(blocks.slice(19_960))).toBe('T'.repeat(40));
  });
});
