import type { CoachNote } from '../store/coach.js';
import type { MeetingRecord } from '../store/contract.js';
import { coachNoteHeading, noReflection, noScorecardWords, reflectionHeading, reviewHeading } from '../messages/scorecard.js';
import { paint } from './color.js';
import { printData } from './output.js';
import { scorecardLines } from './scorecard.js';

/** `review`: the scorecard as it was kept, the organizer's reflection, and any coach's notes. */
export function renderReview(meeting: MeetingRecord, coachNotes: CoachNote[], color: boolean): void {
  const c = paint(color);
  const lines = [c.bold(reviewHeading(meeting.id, meeting.person.name, meeting.heldAt, meeting.scorecard)), ''];
  lines.push(...(meeting.scorecard ? scorecardLines(meeting.scorecard, color) : [`  ${noScorecardWords()}`]), '');
  lines.push(c.bold(`  ${reflectionHeading()}`));
  const reflection = meeting.reflection?.split('\n') ?? [];
  lines.push(...(reflection.length ? reflection.map((line) => `    ${line}`) : [`    ${noReflection(meeting.id)}`]));
  for (const note of coachNotes) lines.push('', c.bold(`  ${coachNoteHeading(note.coach, note.at)}`), ...note.text.split('\n').map((line) => `    ${line}`));
  printData(lines.join('\n'));
}
