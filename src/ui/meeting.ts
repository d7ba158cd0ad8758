import { scorecardLines } from './scorecard.js';
import { NOTE_TAG_LABELS, isNoteTag } from '../meeting/tags.js';
import { formatDateTime, formatMinutes } from '../support/format.js';
import { followUpWords } from '../messages/commitments.js';
import type { MeetingRecord, PersonRow } from '../store/contract.js';
import { paint } from './color.js';
import { printData } from './output.js';

/**
 * What `log` saved, read back from the database so the organizer sees exactly what is kept. Kept on this computer for
 * a server, it has no ids yet: the server gives them when it is sent.
 */
export function renderSavedMeeting(meeting: MeetingRecord, person: PersonRow, color: boolean, here = false): void {
  const c = paint(color);
  const id = (prefix: string, n: number) => (here ? '' : ` ${prefix}${n}`);
  const lines = [
    c.bold(here ? `Kept the meeting with ${person.name} on this computer, to send` : `Saved meeting M${meeting.id} with ${person.name} (#${person.id})`),
    `  ${[formatDateTime(meeting.heldAt), meeting.mode, meeting.place, meeting.goal].filter(Boolean).join(' · ')} · ${meeting.template}, ${formatMinutes(meeting.plannedMinutes * 60)}`,
    ...meeting.notes.map((note) => `  ${label(note.tag)}: ${note.text}`),
    ...(meeting.agitation ? [`  agitation: ${meeting.agitation}`] : []),
    ...meeting.asks.map(
      (ask) => `  ask${id('A', ask.id)}: ${ask.text}${ask.dueAt ? ` — by ${formatDateTime(ask.dueAt)}` : ''}${ask.outcome ? ` — ${ask.outcome}` : ''}`,
    ),
    ...meeting.followups.map((followUp) => `  follow-up${id('F', followUp.id)}: ${followUpWords(followUp, person.name)} — ${formatDateTime(followUp.dueAt)}`),
    `  rung: ${person.rung}${person.potential ? ` · leadership potential ${person.potential}/5` : ''}`,
    ...(meeting.scorecard ? ['', ...scorecardLines(meeting.scorecard, color)] : []),
  ];
  printData(lines.join('\n'));
}

export function label(tag: string): string {
  return isNoteTag(tag) ? NOTE_TAG_LABELS[tag] : tag;
}
