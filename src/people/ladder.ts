import { RUNG_WORDS_ES } from '../messages/es/ladder.js';
import { DomainError } from '../support/errors.js';

/** The ladder of engagement, lowest rung first. */
export const RUNGS = ['contact', 'supporter', 'participant', 'volunteer', 'leader', 'organizer'] as const;
export type Rung = (typeof RUNGS)[number];

/** Accepts a rung by name (any case, in English or Spanish: "simpatizante") or by its number on the ladder, 1 to 6. */
export function parseRung(input: string): Rung {
  const text = input.trim().toLowerCase();
  const byNumber = /^\d+$/.test(text) ? RUNGS[Number(text) - 1] : undefined;
  const rung = byNumber ?? RUNGS.find((name) => name === text || RUNG_WORDS_ES[name].includes(text));
  if (!rung) throw new DomainError('rung.unknown', { input });
  return rung;
}

export function rungLevel(rung: string): number {
  return RUNGS.indexOf(rung as Rung) + 1;
}

/** Every rung at or above the given one, for "at least a volunteer" filters. */
export function rungsFrom(rung: Rung): Rung[] {
  return RUNGS.slice(RUNGS.indexOf(rung));
}
