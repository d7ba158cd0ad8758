import { afterEach, describe, expect, it } from 'vitest';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { personLanguageLine } from '../../../src/messages/person-language.js';
import { speak } from '../../../src/messages/spoken.js';

describe("a person's language line", () => {
  afterEach(() => speak(undefined));

  it('says the language, the interpreter, both, or nothing when neither is known', () => {
    expect(personLanguageLine('es', true)).toBe('Prefers Spanish · needs an interpreter');
    expect(personLanguageLine('en', false)).toBe('Prefers English');
    expect(personLanguageLine(null, true)).toBe('Needs an interpreter');
    expect(personLanguageLine(null, false)).toBeNull();
  });

  it('in Spanish', () => {
    speakSpanish();
    expect(personLanguageLine('es', true)).toBe('Prefiere español · necesita intérprete');
    expect(personLanguageLine('en', false)).toBe('Prefiere inglés');
    expect(personLanguageLine(null, true)).toBe('Necesita intérprete');
    expect(personLanguageLine(null, false)).toBeNull();
  });
});
