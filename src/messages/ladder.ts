/** The rungs of the ladder as they are shown: the one place a screen gets a rung's label from. Stored codes stay English. */
import { RUNGS, type Rung } from '../people/ladder.js';
import { spokenCatalogues } from './spoken.js';

export interface LadderWords {
  rungs: Readonly<Record<Rung, string>>;
}

const LADDER_EN: LadderWords = { rungs: Object.fromEntries(RUNGS.map((rung) => [rung, rung])) as Record<Rung, string> };

/** "supporter" in English, "simpatizante" in Spanish; a code the ladder does not know is shown as it is. */
export function rungLabel(rung: string): string {
  const words = (spokenCatalogues()?.ladder ?? LADDER_EN).rungs;
  return (RUNGS as readonly string[]).includes(rung) ? words[rung as Rung] : rung;
}
