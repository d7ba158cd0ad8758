import { counted, formatShare } from '../support/format.js';
import { spokenOr } from './spoken.js';
import { unitFacts } from './web.js';
import type { StructureFigures } from '../people/structure.js';
import type { UnitKind } from '../store/contract-web.js';
import { PEOPLE_PER_LEADER, RECENT_DAYS } from '../people/structure.js';

/** One unit as the table and the CSV read it. */
export interface StructureLine {
  name: string;
  kind: UnitKind;
  size: number | null;
  known: number;
  assessed: number;
  supporters: number;
  leaders: number;
  recentOneOnOnes: number;
  figures: StructureFigures;
}

/** Every word of the structure test chart (the CSV's header aside, which stays as it is in every language); another language gives an object of this shape. */
export interface StructureWords {
  head: string[];
  row(line: StructureLine): string[];
  noUnits: string;
  countedAgainst: string;
  moreDetail: string;
  unitTitle(name: string, kind: UnitKind, size: number | null): string;
  leadersTitle: string;
  noLeaders(name: string): string;
  leaderLine(name: string, leads: string[]): string;
  leaderGap(figures: StructureFigures): string;
  majorityLine(figures: StructureFigures, supporters: number): string;
}

const share = (count: number, of: number | null) => (of === null ? String(count) : `${count} (${formatShare(of)})`);

const STRUCTURE_EN: StructureWords = {
  head: ['Unit', 'Known', 'Assessed', 'Supporters (1–2)', 'Majority', 'Still needed', 'Leaders', 'Not led', `1:1s, ${RECENT_DAYS} days`],
  row: (line) => [
    line.name,
    line.size === null ? `${line.known} (size unknown)` : `${line.known} of ${line.size}`,
    share(line.assessed, line.figures.assessedShare),
    share(line.supporters, line.figures.supporterShare),
    String(line.figures.majority),
    line.figures.stillNeeded === 0 ? 'none: a majority' : String(line.figures.stillNeeded),
    `${line.leaders} of ${line.figures.leadersNeeded}`,
    String(line.figures.unled),
    String(line.recentOneOnOnes),
  ],
  noUnits: 'No units yet, so no structure to test. Put people in a building or worksite with: oneonone edit NAME --unit "Building 12" (its size with: oneonone units edit "Building 12" --size 40)',
  countedAgainst: [
    "A majority is more than half of the unit's size (of the people known where no size is set); supporters are those assessed 1 or 2.",
    `A leader is on the leader rung or leads someone (oneonone relate A B --as leads); one for about ${PEOPLE_PER_LEADER} people.`,
  ].join('\n'),
  moreDetail: 'Each unit\'s leaders and whom they lead: oneonone structure --unit NAME',
  unitTitle: (name, kind, size) => `${name} (${unitFacts({ kind, size })})`,
  leadersTitle: 'Leaders and whom they lead',
  noLeaders: (name) => `No leaders in ${name} yet: spot them in one-on-ones (oneonone leaders), then: oneonone relate LEADER MEMBER --as leads`,
  leaderLine: (name, leads) => (leads.length === 0 ? `${name}: leads nobody here yet` : `${name} leads ${leads.length}: ${leads.join(', ')}`),
  leaderGap: (figures) =>
    `${counted(figures.unled, 'member', 'members')} no leader leads. At one leader for about ${PEOPLE_PER_LEADER} people the unit needs ${figures.leadersNeeded}${figures.leadersMissing > 0 ? `: ${figures.leadersMissing} more` : ', and has them'}.`,
  majorityLine: (figures, supporters) =>
    figures.stillNeeded === 0
      ? `${supporters} supporters of ${figures.base}: a majority (${figures.majority} needed).`
      : `${supporters} supporters of ${figures.base}: ${figures.stillNeeded} more for a majority (${figures.majority}).`,
};

/** The chart's words in this run's language; the CSV's header and cells are the same in every language. */
export const structureWords: StructureWords & { csvHead: string[]; csvRow(line: StructureLine): (string | number)[] } = Object.assign(
  spokenOr(STRUCTURE_EN, (catalogues) => catalogues.structure),
  {
    csvHead: [
      'unit', 'kind', 'size', 'known', 'assessed', 'assessed_share', 'supporters', 'supporters_share', 'majority', 'still_needed',
      'leaders', 'leaders_needed', 'not_led', `one_on_ones_${RECENT_DAYS}_days`,
    ],
    csvRow: (line: StructureLine): (string | number)[] => [
      line.name, line.kind, line.size ?? '', line.known, line.assessed, roundShare(line.figures.assessedShare), line.supporters,
      roundShare(line.figures.supporterShare), line.figures.majority, line.figures.stillNeeded, line.leaders, line.figures.leadersNeeded,
      line.figures.unled, line.recentOneOnOnes,
    ],
  },
);

function roundShare(value: number | null): string | number {
  return value === null ? '' : Math.round(value * 1000) / 1000;
}
