import { describe, expect, test } from 'vitest';
import { byGuideName } from '../../../src/support/template-files.js';

describe('guides in name order', () => {
  test('code order of names as parseTemplate allows them is the order localeCompare gives', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    const names = Array.from({ length: 500 }, () => {
      const length = 1 + Math.floor(next() * 8);
      return 'aq0'[Math.floor(next() * 3)]! + Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
    });
    const guides = names.map((name) => ({ name }));
    expect([...guides].sort(byGuideName).map((g) => g.name)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
