/** The default scale of union and tenant drives: where someone stands on the campaign, apart from rung and potential. */
const LEVELS = ['not assessed', 'strong supporter', 'leaning supporter', 'undecided', 'leaning against', 'opposed'] as const;

export function assessmentLabel(level: number): string {
  return LEVELS[level] ?? String(level);
}

/** "2 (leaning supporter)". */
export function assessmentShown(level: number): string {
  return `${level} (${assessmentLabel(level)})`;
}

export function assessmentScale(): string {
  return LEVELS.map((label, level) => `${level} ${label}`).join(', ');
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
