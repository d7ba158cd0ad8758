import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseFormula, safeCell, safeRow } from '../../../src/support/csv-safety.js';

describe('csv safety', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'])(
    'a text cell starting like a formula (%j) gets a single quote in front',
    (payload) => {
      expect(looksLikeFormula(payload)).toBe(true);
      expect(neutraliseFormula(payload)).toBe(`'${payload}`);
    },
  );

  it.each(['Ana Ruiz', 'a = b', '2026-11-24T18:00:00.000Z', "'already quoted", '', ' =not at the start', 'family first 👪'])(
    'ordinary text (%j) is left exactly as written',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it('numbers stay numbers, negative ones included, and NULL becomes an empty cell', () => {
    expect(safeCell(-2)).toBe(-2);
    expect(safeCell(0.25)).toBe(0.25);
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell('-2')).toBe("'-2");
  });

  it('a row is neutralised cell by cell', () => {
    expect(safeRow([1, '=1+1', null, -3, 'Ana'])).toEqual([1, "'=1+1", '', -3, 'Ana']);
  });
});
