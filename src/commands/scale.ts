import { scaleRefusals, scaleWords, assessmentLabel, assessmentLabelInJson, defaultAssessmentLabel } from '../messages/assessment.js';
import { ASSESSMENT_SCALE_SETTING, ASSESSMENT_LEVELS, RENAMABLE_LEVELS, usableWords } from '../people/assessment.js';
import { worded } from '../support/errors.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { renderTable } from '../ui/table.js';
import { scaleOf, useColor, withStore, type GlobalOptions } from './context.js';

/**
 * `scale`: the assessment scale in this record's words. A team sets its own once (`scale rename 2 "leaning yes"`);
 * the stored levels stay 0–5, so nobody's assessment changes, only how every command says it. On a team server only
 * an admin may rename, which the server itself enforces.
 */
export async function runList(options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  await withStore(globals, 'read', (store) => scaleOf(store));
  if (options.json) return printJson(ASSESSMENT_LEVELS.map((level) => ({ level, ...assessmentLabelInJson(level) })));
  const levels = ASSESSMENT_LEVELS.map((level) => ({ level, words: assessmentLabel(level), default: defaultAssessmentLabel(level) }));
  printData(renderTable(scaleWords.head, levels.map((l) => scaleWords.row(l.level, l.words, l.default)), useColor(globals)));
  printMessage(scaleWords.stored);
}

export async function runRename(levelInput: string, wordsInput: string, globals: GlobalOptions): Promise<void> {
  const level = renamable(levelInput);
  const words = wordsInput.trim().replace(/\s+/g, ' ');
  if (!usableWords(words)) throw worded(scaleRefusals.badWords(wordsInput));
  const from = await withStore(globals, 'write', async (store) => {
    const scale = await scaleOf(store);
    const before = assessmentLabel(level);
    if (before === words) return undefined;
    const other = ASSESSMENT_LEVELS.find((l) => l !== level && assessmentLabel(l).toLowerCase() === words.toLowerCase());
    if (other !== undefined) throw worded(scaleRefusals.taken(assessmentLabel(other), other));
    const next = { ...scale, [level]: words };
    if (words === defaultAssessmentLabel(level)) delete next[level];
    await store.write((tx) => tx.settings.set(ASSESSMENT_SCALE_SETTING, JSON.stringify(next)), { kind: 'edit', detail: { item: scaleWords.item } });
    return before;
  });
  printMessage(from === undefined ? scaleWords.unchanged(level, words) : scaleWords.renamed(level, from, words));
}

export async function runReset(levelInput: string | undefined, globals: GlobalOptions): Promise<void> {
  const only = levelInput === undefined ? undefined : renamable(levelInput);
  const reset = await withStore(globals, 'write', async (store) => {
    const scale = await scaleOf(store);
    const levels = Object.keys(scale).map(Number).filter((level) => only === undefined || level === only);
    if (levels.length === 0) return [];
    const next = Object.fromEntries(Object.entries(scale).filter(([level]) => !levels.includes(Number(level))));
    await store.write((tx) => tx.settings.set(ASSESSMENT_SCALE_SETTING, JSON.stringify(next)), { kind: 'edit', detail: { item: scaleWords.item } });
    return levels;
  });
  printMessage(scaleWords.reset(reset));
}

function renamable(input: string): number {
  const level = Number(input.trim());
  if (!(RENAMABLE_LEVELS as readonly number[]).includes(level) || input.trim() === '') throw worded(scaleRefusals.badLevel(input));
  return level;
}
