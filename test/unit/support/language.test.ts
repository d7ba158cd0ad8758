import { describe, expect, it } from 'vitest';
import { currentLanguage } from '../../../src/support/config.js';
import { langFlag } from '../../../src/support/language.js';

describe('the language of a run', () => {
  it('finds --lang anywhere before --, in either form', () => {
    expect(langFlag(['followups', '--lang', 'es', '--json'])).toBe('es');
    expect(langFlag(['--lang=es', 'show', 'Ana'])).toBe('es');
    expect(langFlag(['log', 'Ana', '--', '--lang', 'es'])).toBeUndefined();
    expect(langFlag(['show', 'Ana'])).toBeUndefined();
  });

  it('is --lang over ONEONONE_LANG and the locale', () => {
    const saved = { ...process.env };
    try {
      process.env.ONEONONE_LANG = 'en';
      expect(currentLanguage(['log', 'Ana', '--lang', 'es'])).toBe('es');
      expect(currentLanguage(['log', 'Ana'])).toBe('en');
      delete process.env.ONEONONE_LANG;
      process.env.LC_ALL = 'es_MX.UTF-8';
      expect(currentLanguage(['log', 'Ana'])).toBe('es');
      expect(currentLanguage(['log', 'Ana', '--lang=en'])).toBe('en');
    } finally {
      process.env = saved;
    }
  });
});
