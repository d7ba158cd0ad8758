import { DomainError } from '../support/errors.js';

/** Where someone stands on the campaign: 0 not assessed, 1 strong supporter … 5 opposed (words: messages/assessment.ts). */
export const ASSESSMENT_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export const NOT_ASSESSED = 0;

/** An assessment level, 0 (not assessed) to 5; the words for each live in messages/assessment.ts. */
export function parseAssessment(input: number | string): number {
  const level = typeof input === 'number' ? input : input.trim() === '' ? Number.NaN : Number(input);
  if (!(ASSESSMENT_LEVELS as readonly number[]).includes(level)) throw new DomainError('assessment.out-of-range', { given: input });
  return level;
}

/** Levels as a list people filter by: "1,2", "1-2" or "4". */
export function parseAssessments(input: string): number[] {
  const levels = input.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map((end) => parseAssessment(end));
    return to === undefined ? [from!] : Array.from({ length: Math.max(0, to - from! + 1) }, (_, i) => from! + i);
  });
  return [...new Set(levels)].sort((a, b) => a - b);
}

/** The setting that holds a team's own words for the levels, as JSON: {"1": "strong yes", …}; a level left out keeps its default. */
export const ASSESSMENT_SCALE_SETTING = 'assessment-scale';
/** Levels that can be renamed: "not assessed" stays what it is. */
export const RENAMABLE_LEVELS = [1, 2, 3, 4, 5] as const;
const MAX_LEVEL_WORDS = 40;

/** The renamed levels as the setting holds them; anything unreadable there counts as none (the defaults). */
export function readScale(json: string | undefined): Record<number, string> {
  try {
    const parsed = JSON.parse(json || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).filter(([level, words]) =>
      (RENAMABLE_LEVELS as readonly number[]).includes(Number(level)) && typeof words === 'string' && usableWords(words)).map(([level, words]) => [Number(level), words as string]));
  } catch {
    return {};
  }
}

/** Words a level can be called: a few words on one line, no digits in front (they would read as the level). */
export function usableWords(words: string): boolean {
  const text = words.trim();
  return text.length > 0 && text.length <= MAX_LEVEL_WORDS && !/[\u0000-\u001f\u007f]/.test(text) && !/^\d/.test(text);
}
