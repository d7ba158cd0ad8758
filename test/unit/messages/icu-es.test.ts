import { describe, expect, it } from 'vitest';
import { icu, spanishNumber, spanishPlural } from '../../../src/messages/es/icu.js';

/** Counts and shares (never below zero) from everyday ones to a million and more, and the edges of rounding. */
function numbers(): number[] {
  const picked = [0, 1, 2, 9, 10, 999, 1000, 9999, 10000, 12345, 999999, 1000000, 2000000, 1234567.891, 0.5, 1.5, 2.5, 0.05, 0.125, 1.0005, 0.0049, 0.995];
  let seed = 7;
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    picked.push(Math.round((seed / 2 ** 31) * 10 ** (i % 8)) / (i % 3 === 0 ? 1 : 1000));
  }
  return picked;
}

describe("the Spanish numbers and plurals given to intl-messageformat instead of Intl's", () => {
  it('write every number as Intl writes it in es: plain, with one decimal, and as a percent', () => {
    for (const n of numbers()) {
      expect(spanishNumber(n), String(n)).toBe(new Intl.NumberFormat('es').format(n));
      expect(spanishNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), String(n)).toBe(new Intl.NumberFormat('es', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n));
      expect(spanishNumber(n / 1000, { style: 'percent' }), String(n)).toBe(new Intl.NumberFormat('es', { style: 'percent' }).format(n / 1000));
    }
  });

  it('choose the plural category Intl.PluralRules chooses for es', () => {
    const rules = new Intl.PluralRules('es');
    for (const n of [...numbers(), 3_000_000, 1e9]) expect(spanishPlural(n), String(n)).toBe(rules.select(n));
  });

  it('serve the messages: plurals, a percent, a ratio with a decimal comma', () => {
    expect(icu('{n, plural, one {# reunión} other {# reuniones}}')({ n: 1 })).toBe('1 reunión');
    expect(icu('{n, plural, one {# reunión} other {# reuniones}}')({ n: 12000 })).toBe('12.000 reuniones');
    expect(icu('el {share, number, ::percent}')({ share: 0.18 })).toBe('el 18\u00a0%');
    expect(icu('{ratio, number, ::.0} a 1')({ ratio: 1.5 })).toBe('1,5 a 1');
  });
});
