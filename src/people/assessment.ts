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
