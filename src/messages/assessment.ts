import { spokenCatalogues, spokenOr } from './spoken.js';

/** The default scale's words, level 0 (not assessed) to 5. Another language is another module of this shape. */
export interface AssessmentWords {
  levels: readonly [string, string, string, string, string, string];
}

/** The default scale of union and tenant drives: where someone stands on the campaign, apart from rung and potential. */
const ASSESSMENT_EN: AssessmentWords = {
  levels: ['not assessed', 'strong supporter', 'leaning supporter', 'undecided', 'leaning against', 'opposed'],
};

const levels = (): readonly string[] => (spokenCatalogues()?.assessment ?? ASSESSMENT_EN).levels;

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

export const assessmentWords = {
  statsTitle: 'Where people stand on the campaign',
  noneAssessed: (people: number) =>
    `Nobody assessed yet (${people} ${people === 1 ? 'person' : 'people'}). Say where someone stands with: oneonone edit NAME --assess 2`,
  notAssessed: (count: number, people: number) => `${count} of ${people} ${people === 1 ? 'person' : 'people'} not assessed.`,
  moves: (since: string, m: { firstAssessed: number; towardSupport: number; awayFromSupport: number; unassessed: number }) =>
    `Since ${since}: ${m.firstAssessed} assessed for the first time, ${m.towardSupport} moved toward support, ${m.awayFromSupport} away from it${m.unassessed ? `, ${m.unassessed} back to not assessed` : ''}.`,
  historyTitle: 'Assessment',
  field: 'assessment',
  reasonAlone: { message: '--reason goes with --rung or --assess', hint: 'e.g. --rung volunteer --reason "ran the phone bank", or --assess 2 --reason "signed the petition"' },
};

export const scaleWords = {
  head: ['level', 'words', 'default'],
  row: (level: number, words: string, original: string): string[] => [String(level), words, words === original ? '' : original],
  renamed: (level: number, from: string, to: string) => `Level ${level} now reads "${to}" (was "${from}") everywhere: show, people, stats, map, the debrief.\nUndo with: oneonone undo`,
  reset: (levels: number[]) => (levels.length === 0
    ? 'Every level already reads as the default; nothing changed.'
    : `Level${levels.length === 1 ? '' : 's'} ${levels.join(', ')} read${levels.length === 1 ? 's' : ''} as the default again.\nUndo with: oneonone undo`),
  unchanged: (level: number, words: string) => `Level ${level} already reads "${words}"; nothing changed.`,
  item: 'the words of the assessment scale',
  stored: 'Stored codes stay 0–5, so a renamed scale changes no one\'s assessment, only how it reads.',
};

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
