import { afterEach, describe, expect, it } from 'vitest';
import { scaleRefusals, type ScaleRefusalWords } from '../../../src/messages/assessment.js';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { mapRefusals, type MapRefusalWords } from '../../../src/messages/map.js';
import { speak } from '../../../src/messages/spoken.js';
import { webRefusals, type WebRefusalWords } from '../../../src/messages/web.js';

/** The values each refusal is given; the types make each table whole, so a new refusal needs its example here. */
type Examples<T> = { [K in keyof T]: T[K] extends (...args: infer A) => unknown ? A : [] };

const WEB: Examples<WebRefusalWords> = {
  badTouch: ['fax'], touchInFuture: ['tomorrow'], self: ['Ana Ruiz', 1], badKind: ['cousin'], nothingToEnd: ['Ana Ruiz', 'Bo Chen', 'neighbor'],
  badUnitKind: ['tower'], badSize: ['lots'], noUnit: ['Bilding 12', ['Building 12']], unitTaken: ['Building 12'],
  unitKindDiffers: ['Building 12', 'building', 'worksite'], unitKindAlone: [], emptyUnitName: [], nothingToChange: [], notInUnit: ['Ana Ruiz', 'Building 12'],
};
const MAP: Examples<MapRefusalWords> = {
  noStart: [], bothStarts: ['Ana Ruiz', 'Building 12'], twoOnStdout: [['--dot', '--svg']], outIsFolder: ['--svg', 'out'], outIsDatabase: ['--svg', 'db'], noFolder: ['x/map.svg', 'x'],
};
const SCALE: Examples<ScaleRefusalWords> = { badLevel: ['9'], badWords: ['2 yes'], taken: ['leaning yes', 2] };

/** The English words of these refusals; what they quote and the codes they list are left out before looking. */
const ENGLISH = /\b(is|the|not|cannot|there|already|names|needs|takes|give|see|change|e\.g)\b/;

function wordsOf(set: object, key: string, args: unknown[]): { message: string; hint: string } {
  const member = (set as Record<string, unknown>)[key];
  return (typeof member === 'function' ? (member as (...a: unknown[]) => unknown)(...args) : member) as { message: string; hint: string };
}

describe.each([
  ['the web', webRefusals, WEB],
  ['the map', mapRefusals, MAP],
  ['the scale', scaleRefusals, SCALE],
] as const)("%s's refusals", (_area, set, examples) => {
  afterEach(() => speak(undefined));

  it.each(Object.entries(examples))('%s is said in Spanish when the run speaks it, and in English otherwise', (key, args) => {
    const english = wordsOf(set, key, args);
    speakSpanish();
    const spanish = wordsOf(set, key, args);
    expect(spanish.message).not.toBe(english.message);
    expect(spanish.hint).not.toBe(english.hint);
    expect(`${spanish.message} ${spanish.hint}`.replace(/"[^"]*"/g, '""').replace(/--\w+/g, '')).not.toMatch(ENGLISH);
    speak(undefined);
    expect(wordsOf(set, key, args)).toEqual(english);
  });
});
