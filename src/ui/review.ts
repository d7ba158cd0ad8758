import type { CoachNote } from '../store/coach.js';
import type { MeetingRecord } from '../store/contract.js';
import { coachNoteHeading, NO_REFLECTION, NO_SCORECARD, REFLECTION_HEADING, reviewHeading } from '../messages/scorecard.js';
import { formatDate, formatDateTime } from '../support/format.js';
import { paint } from './color.js';
import { printData } from './output.js';
import { scorecardLines } from './scorecard.js';

/** `review`: the scorecard as it was kept, the organizer's reflection, and any coach's notes. */
export function renderReview(meeting: MeetingRecord, coachNotes: CoachNote[], color: boolean): void {
  const c = paint(color);
  const lines = [c.bold(reviewHeading(meeting.id, meeting.person.name, formatDateTime(meeting.heldAt), meeting.scorecard)), ''];
  lines.push(...(meeting.scorecard ? scorecardLines(meeting.scorecard, color) : [`  ${NO_SCORECARD}`]), '');
  lines.push(c.bold(`  ${REFLECTION_HEADING}`));
  const reflection = meeting.reflection?.split('\n') ?? [];
  lines.push(...(reflection.length ? reflection.map((line) => `    ${line}`) : [`    ${NO_REFLECTION.replace('{id}', String(meeting.id))}`]));
  for (const note of coachNotes) lines.push('', c.bold(`  ${coachNoteHeading(note.coach, formatDate(note.at))}`), ...note.text.split('\n').map((line) => `    ${line}`));
  printData(lines.join('\n'));
}
