import { scorecardLines } from './scorecard.js';
import { isNoteTag } from '../meeting/tags.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { noteTagLabel } from '../messages/meeting.js';
import { outcomeLabel } from '../messages/debrief.js';
import { peopleWords } from '../messages/people.js';
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
  const words = peopleWords().saved;
  const { profile } = peopleWords();
  const { dateTime, minutes } = formats();
  const how = [dateTime(meeting.heldAt), meeting.mode && profile.mode(meeting.mode), meeting.place, profile.goal(meeting.goal)];
  const lines = [
    c.bold(here ? words.keptHere(person.name) : words.saved(meeting.id, person.name, person.id)),
    `  ${how.filter(Boolean).join(' · ')} · ${meeting.template}, ${minutes(meeting.plannedMinutes * 60)}`,
    ...meeting.notes.map((note) => `  ${label(note.tag)}: ${note.text}`),
    ...(meeting.agitation ? [`  ${words.agitation(meeting.agitation)}`] : []),
    ...meeting.asks.map((ask) => `  ${words.ask(id('A', ask.id), ask.text, ask.dueAt ? dateTime(ask.dueAt) : null, ask.outcome ? outcomeLabel(ask.outcome) : null)}`),
    ...meeting.followups.map((followUp) => `  ${words.followUp(id('F', followUp.id), followUpWords(followUp, person.name), dateTime(followUp.dueAt))}`),
    `  ${words.rung(rungLabel(person.rung), person.potential)}`,
    ...(meeting.scorecard ? ['', ...scorecardLines(meeting.scorecard, color)] : []),
  ];
  printData(lines.join('\n'));
}

export function label(tag: string): string {
  return isNoteTag(tag) ? noteTagLabel(tag) : tag;
}
