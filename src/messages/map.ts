/** Every word the power map shows: the tree's lines, the summary, the picture's legend, the refusals. */
import { assessmentLabel } from './assessment.js';
import { spokenOr } from './spoken.js';
import { rungLabel } from './ladder.js';
import { relationshipLabel, unitFacts } from './web.js';
import type { UnitKind } from '../store/contract-web.js';

/** Where the map starts, in the summary's words. */
export type MapStart = { person: string } | { unit: string; members: number };

/** Every word of the power map but the refusals: the tree, the summary, the picture's title and legend; another language gives an object of this shape. */
export interface MapWords {
  /** How a line's person is tied to the one above, for the kinds that are read one way ('leads', 'referred'). */
  directed: { leads: string; ledBy: string; referred: string; referredBy: string };
  /** The picture's name (an SVG's <title>, which a screen reader reads). */
  graphName: string;
  again: string;
  /** The tree's first line for a unit's map. */
  unitHead(name: string, kind: UnitKind, size: number | null): string;
  summary(people: number, tieCount: number, depth: number, start: MapStart): string;
  /** `reached`: how far out the people kept go; a map cut there is whole one tie nearer in. */
  leftOut(most: number, leftOut: number, depth: number, reached: number): string;
  noTies(name: string): string;
  emptyUnit(unit: string): string;
  wrote(file: string): string;
  /** The picture's title. */
  title(depth: number, start: MapStart): string;
  legendTitle: string;
  legendStanding: string;
  legendRungs: string;
  legendStart: string;
  legendLines: string[];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const ties = (count: number) => plural(count, 'tie', 'ties');
/** A full stop, unless the sentence ends with one already (initials: "… of A. R."). */
const stop = (sentence: string) => (sentence.endsWith('.') ? sentence : `${sentence}.`);

const MAP_EN: MapWords = {
  directed: { leads: 'leads', ledBy: 'led by', referred: 'referred', referredBy: 'referred by' },
  graphName: 'power map',
  again: '(see above)',
  unitHead: (name, kind, size) => `${name} (${unitFacts({ kind, size })})`,
  summary: (people, tieCount, depth, start) => {
    const held = `${plural(people, 'person', 'people')}, ${ties(tieCount)}`;
    if ('person' in start) return depth === 0 ? `${held}: ${start.person} alone (--depth 0).` : stop(`${held} within ${ties(depth)} of ${start.person}`);
    return depth === 0 ? stop(`${held} among the people of ${start.unit}`) : stop(`${held} within ${ties(depth)} of the ${plural(start.members, 'person', 'people')} of ${start.unit}`);
  },
  leftOut: (most, leftOut, depth, reached) =>
    `The map holds the nearest ${most}; ${leftOut} more within ${ties(depth)} ${leftOut === 1 ? 'was' : 'were'} left out${reached > 0 ? ` (--depth ${reached - 1} shows fewer)` : ''}.`,
  noTies: (name) =>
    `${name} has no ties recorded yet. Add one with: oneonone relate "${name}" "Bo Chen" --as coworker (or a referral: oneonone log "${name}" --referral "Bo Chen")`,
  emptyUnit: (unit) => `Nobody in the record belongs to ${unit} yet. Put someone in it with: oneonone edit NAME --unit "${unit}"`,
  wrote: (file) => `Wrote the map to ${file} (readable only by you).`,
  title: (depth, start) => {
    const from = 'person' in start ? start.person : start.unit;
    return depth === 0 ? `Power map: ${from}` : `Power map: within ${ties(depth)} of ${from}`;
  },
  legendTitle: 'Legend',
  legendStanding: 'Colour: where they stand',
  legendRungs: 'Size: rung on the ladder',
  legendStart: 'Double border: where the map starts',
  legendLines: ['Arrow: leads (from the leader)', 'Dashed arrow: referred (from who brought them in)', 'Plain line: they know each other, as labelled'],
};

export const mapWords: MapWords = spokenOr(MAP_EN, (catalogues) => catalogues.map);

/** A tie's kind as the picture labels a line: "coworker", "leads", "referred". */
export function tieLabel(kind: string): string {
  if (kind === 'leads') return mapWords.directed.leads;
  if (kind === 'referred') return mapWords.directed.referred;
  return relationshipLabel(kind);
}

/** How a line's person is tied to the one above: "coworker", "leads", "led by", "referred", "referred by". */
export function tieWord(kind: string, backward: boolean): string {
  const words = mapWords.directed;
  if (kind === 'leads') return backward ? words.ledBy : words.leads;
  if (kind === 'referred') return backward ? words.referredBy : words.referred;
  return relationshipLabel(kind);
}

/** "2 leaning supporter", "not assessed". */
export function standing(assessment: number): string {
  return assessment === 0 ? assessmentLabel(0) : `${assessment} ${assessmentLabel(assessment)}`;
}

/** A line's "(volunteer · 2 leaning supporter)". */
export function personFacts(rung: string, assessment: number): string {
  return `(${rungLabel(rung)} · ${standing(assessment)})`;
}

const MAP_REFUSALS = {
  noStart: {
    message: 'map needs a person or a unit',
    hint: 'e.g. oneonone map "Ana Ruiz", or oneonone map --unit "Building 12"',
  },
  bothStarts: (person: string, unit: string) => ({
    message: `map takes a person or --unit, not both ("${person}" and --unit "${unit}")`,
    hint: `the map around the person: oneonone map "${person}"; around the unit: oneonone map --unit "${unit}"`,
  }),
  twoOnStdout: (given: string[]) => ({
    message: `only one of ${given.join(' and ')} can go to standard output`,
    hint: 'write the other to a file, e.g. --svg map.svg',
  }),
  outIsFolder: (option: string, file: string) => ({
    message: `cannot write ${file}: it is a folder`,
    hint: `give a file name, e.g. ${option} map.${option.slice(2)}`,
  }),
  outIsDatabase: (option: string, file: string) => ({
    message: `${option} ${file} is your database itself`,
    hint: `choose another file, e.g. ${option} map.${option.slice(2)}`,
  }),
  noFolder: (file: string, folder: string) => ({
    message: `cannot write ${file}: the folder ${folder} does not exist`,
    hint: 'create the folder first, or choose another file',
  }),
};

export type MapRefusalWords = typeof MAP_REFUSALS;
export const mapRefusals: MapRefusalWords = spokenOr(MAP_REFUSALS, (catalogues) => catalogues.mapRefusals);
