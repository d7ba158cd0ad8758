import type { Scorecard } from '../meeting/scorecard.js';
import { scoreLineWords, scoreWords, SCORECARD_TITLE } from '../messages/scorecard.js';
import { paint } from './color.js';

/**
 * A meeting's scorecard, a line an item: what was done, or what was missing with the guides' tip under it. The
 * words carry the verdict ("No agitation raised"); the marks and colour only repeat it.
 */
export function scorecardLines(card: Scorecard, color: boolean, indent = '  '): string[] {
  const c = paint(color);
  const lines = [c.bold(`${indent}${SCORECARD_TITLE}: ${scoreWords(card)}`)];
  for (const line of card.lines) {
    const { text, tip } = scoreLineWords(line);
    lines.push(line.met ? `${indent}  ${c.green('✓')} ${text}` : `${indent}  ${c.yellow('✗')} ${text}`);
    if (tip) lines.push(`${indent}      tip: ${tip}`);
  }
  return lines;
}
