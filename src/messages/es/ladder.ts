/** The ladder's rungs as Spanish-speaking organizers say them (docs/glosario.md): the first is the label shown. */
import type { Rung } from '../../people/ladder.js';
import type { LadderWords } from '../ladder.js';

export const RUNG_WORDS_ES: Readonly<Record<Rung, readonly string[]>> = {
  contact: ['contacto'],
  supporter: ['simpatizante'],
  participant: ['participante'],
  volunteer: ['voluntario/a', 'voluntario', 'voluntaria'],
  leader: ['líder', 'lider'],
  organizer: ['organizador/a', 'organizador', 'organizadora'],
};

/** The label shown for each rung: the first of its words. */
export const LADDER_ES: LadderWords = {
  rungs: Object.fromEntries(Object.entries(RUNG_WORDS_ES).map(([rung, words]) => [rung, words[0]])) as Record<Rung, string>,
};
