import { describe, expect, it } from 'vitest';
import { daysAgo, formatCountdown, formatElapsed, formatMinutes, formatShare, percent, progressBar, wholeCount } from '../../../src/support/format.js';

describe('format', () => {
  it('counts down in whole seconds rounded up, so the last second shows 00:01 and zero is already overtime', () => {
    expect(formatCountdown(300_000)).toBe('05:00');
    expect(formatCountdown(299_001)).toBe('05:00');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('+00:00');
    expect(formatCountdown(-61_000)).toBe('+01:01');
  });

  it('shows time spent rounded down, never negative', () => {
    expect(formatElapsed(59_999)).toBe('00:59');
    expect(formatElapsed(-5)).toBe('00:00');
    expect(formatElapsed(3_600_000)).toBe('60:00');
  });

  it('writes shares as whole percents, and an unknown share as a dash', () => {
    expect(formatShare(0.314)).toBe('31%');
    expect(formatShare(0.205)).toBe(`${percent(0.205)}%`);
    expect(formatShare(null)).toBe('–');
  });

  it('writes lengths in minutes and draws a bar clamped to its width', () => {
    expect(formatMinutes(1800)).toBe('30 min');
    expect(formatMinutes(450)).toBe('7.5 min');
    expect(progressBar(0.5, 10)).toBe('[#####-----]');
    expect(progressBar(1.7, 4)).toBe('[####]');
  });

  it('says how long ago in words', () => {
    const now = new Date(2026, 10, 24, 12);
    expect(daysAgo(null, now)).toBe('never');
    expect(daysAgo(new Date(2026, 10, 24, 1).toISOString(), now)).toBe('today');
    expect(daysAgo(new Date(2026, 10, 23, 23).toISOString(), now)).toBe('yesterday');
    expect(daysAgo(new Date(2026, 9, 15).toISOString(), now)).toBe('40 days ago');
  });
});

describe('wholeCount', () => {
  it('groups thousands as English does, without Intl, for every size and sign', () => {
    const numbers = [0, 7, -7, 999, 1000, -1000, 34190, 100000, 1234567, -1234567, Number.MAX_SAFE_INTEGER, 12.5, -0.25];
    for (let i = 0; i < 2000; i++) numbers.push(Math.round((Math.random() - 0.5) * 10 ** (1 + (i % 15))) + 0);
    for (const n of numbers) expect(wholeCount(n), String(n)).toBe(n.toLocaleString('en'));
  });
});
