import { spokenCatalogues, spokenOr } from './spoken.js';

/** The default scale's words, level 0 (not assessed) to 5. Another language is another module of this shape. */
export interface AssessmentWords {
  levels: readonly [string, string, string, string, string, string];
  /** `stats`' section on where people stand. */
  stats: AssessmentStatsWords;
  /** `scale`'s table and what it says after a rename or a reset. */
  scale: ScaleWords;
}

export interface AssessmentStatsWords {
  title: string;
  noneAssessed(people: number): string;
  notAssessed(count: number, people: number): string;
  moves(since: string, moves: { firstAssessed: number; towardSupport: number; awayFromSupport: number; unassessed: number }): string;
}

export interface ScaleWords {
  head: string[];
  row(level: number, words: string, original: string): string[];
  renamed(level: number, from: string, to: string): string;
  reset(levels: number[]): string;
  unchanged(level: number, words: string): string;
  stored: string;
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

const SCALE_EN: ScaleWords = {
  head: ['level', 'words', 'default'],
  row: (level, words, original) => [String(level), words, words === original ? '' : original],
  renamed: (level, from, to) => `Level ${level} now reads "${to}" (was "${from}") everywhere: show, people, stats, map, the debrief.\nUndo with: oneonone undo`,
  reset: (levels) => (levels.length === 0
    ? 'Every level already reads as the default; nothing changed.'
    : `Level${levels.length === 1 ? '' : 's'} ${levels.join(', ')} read${levels.length === 1 ? 's' : ''} as the default again.\nUndo with: oneonone undo`),
  unchanged: (level, words) => `Level ${level} already reads "${words}"; nothing changed.`,
  stored: 'Stored codes stay 0–5, so a renamed scale changes no one\'s assessment, only how it reads.',
};

/** The default scale of union and tenant drives: where someone stands on the campaign, apart from rung and potential. */
const ASSESSMENT_EN: AssessmentWords = {
  levels: ['not assessed', 'strong supporter', 'leaning supporter', 'undecided', 'leaning against', 'opposed'],
  stats: {
    title: 'Where people stand on the campaign',
    noneAssessed: (n) => `Nobody assessed yet (${people(n)}). Say where someone stands with: oneonone edit NAME --assess 2`,
    notAssessed: (count, n) => `${count} of ${people(n)} not assessed.`,
    moves: (since, m) =>
      `Since ${since}: ${m.firstAssessed} assessed for the first time, ${m.towardSupport} moved toward support, ${m.awayFromSupport} away from it${m.unassessed ? `, ${m.unassessed} back to not assessed` : ''}.`,
  },
  scale: SCALE_EN,
};

const words = (): AssessmentWords => spokenCatalogues()?.assessment ?? ASSESSMENT_EN;
const levels = (): readonly string[] => words().levels;

/** `stats`' words on where people stand, in this run's language. */
export const assessmentStatsWords = (): AssessmentStatsWords => words().stats;

/** The team's own words for some levels (`oneonone scale`), read from the record when a command opens it. */
let renamed: Record<number, string> = {};

export function useScale(words: Record<number, string>): void {
  renamed = words;
}

export function assessmentLabel(level: number): string {
  return renamed[level] ?? levels()[level] ?? String(level);
}

export function defaultAssessmentLabel(level: number): string {
  return levels()[level] ?? String(level);
}

/** A level's words as JSON gives them in every language: the team's own, else the default scale's English. */
export function assessmentLabelInJson(level: number): { words: string; default: string } {
  const english = ASSESSMENT_EN.levels[level] ?? String(level);
  return { words: renamed[level] ?? english, default: english };
}

/** "2 (leaning supporter)". */
export function assessmentShown(level: number): string {
  return `${level} (${assessmentLabel(level)})`;
}

export function assessmentScale(): string {
  return levels().map((_, level) => `${level} ${assessmentLabel(level)}`).join(', ');
}

/** The words the people's screens and `edit` use (each in English still, its screen's to move into a catalogue). */
export const assessmentWords = {
  historyTitle: 'Assessment',
  field: 'assessment',
  reasonAlone: { message: '--reason goes with --rung or --assess', hint: 'e.g. --rung volunteer --reason "ran the phone bank", or --assess 2 --reason "signed the petition"' },
};

/** `scale`'s words, answering in the run's language when read; what the undo log stores of a change stays English. */
export const scaleWords: ScaleWords & { item: string } = Object.assign(spokenOr(SCALE_EN, (catalogues) => catalogues.assessment.scale), {
  item: 'the words of the assessment scale',
});

const SCALE_REFUSALS = {
  badLevel: (given: string) => ({ message: `"${given}" is not a level that can be renamed`, hint: 'the levels are 1 to 5 (0, not assessed, keeps its words)' }),
  badWords: (given: string) => ({
    message: `"${given}" cannot name a level`,
    hint: 'a few words on one line, at most 40 characters, not starting with a digit, e.g. oneonone scale rename 2 "leaning yes"',
  }),
  taken: (words: string, level: number) => ({ message: `level ${level} already reads "${words}"`, hint: 'two levels need two different names' }),
};

export type ScaleRefusalWords = typeof SCALE_REFUSALS;
export const scaleRefusals: ScaleRefusalWords = spokenOr(SCALE_REFUSALS, (catalogues) => catalogues.scaleRefusals);
