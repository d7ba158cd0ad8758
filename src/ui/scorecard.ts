import type { Scorecard } from '../meeting/scorecard.js';
import { keptWords, missedWords, scoreLineWords, scorecardTitle, scoreWords } from '../messages/scorecard.js';
import { paint } from './color.js';

/**
 * A meeting's scorecard: what was kept in one line, then each item missed with the guides' tip. The words carry the
 * verdict ("No agitation raised"); the mark and colour only repeat it.
 */
export function scorecardLines(card: Scorecard, color: boolean, indent = '  '): string[] {
  const c = paint(color);
  const kept = card.lines.filter((line) => line.met);
  const lines = [c.bold(`${indent}${scorecardTitle()}: ${scoreWords(card)}`)];
  if (kept.length > 0) lines.push(`${indent}  ${c.green('✓')} ${keptWords(kept.map((line) => scoreLineWords(line).text))}`);
  for (const line of card.lines.filter((l) => !l.met)) {
    const { text, tip } = scoreLineWords(line);
    lines.push(`${indent}  ${c.yellow('✗')} ${missedWords(text, tip!)}`);
  }
  return lines;
}
