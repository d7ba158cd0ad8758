import { scoreOf } from '../meeting/scorecard.js';
import { parseRecordId } from '../people/records.js';
import { cleanText } from '../people/text.js';
import { toStored } from '../support/dates.js';
import { UsageError, UserError, worded } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { isServer, type Store } from '../store/index.js';
import type { CoachNote } from '../store/coach.js';
import type { MeetingRecord } from '../store/contract.js';
import { reflectionAdded, reviewRefusal } from '../messages/scorecard.js';
import { printJson, printMessage } from '../ui/output.js';
import { renderReview } from '../ui/review.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface ReviewOptions {
  add?: string;
  json?: boolean;
}

/** A meeting's stored scorecard and the organizer's reflection, as they were kept; `--add` adds to the reflection. */
export async function run(meetingInput: string | undefined, options: ReviewOptions, globals: GlobalOptions): Promise<void> {
  const wanted = meetingInput === undefined ? undefined : meetingNumber(meetingInput);
  const adding = options.add === undefined ? undefined : cleanText(options.add, 'reflection');
  const now = new Date();
  const shown = await withStore(globals, adding === undefined ? 'read' : 'write', async (store) => {
    const meeting = await meetingToReview(store, wanted);
    if (adding !== undefined) {
      // On a server the reflection is sent as typed, so it is checked as edit checks a corrected text.
      if (isServer(databasePath(globals.db))) await (await import('./team-words.js')).refuseSensitive(store, [adding]);
      const reflection = meeting.reflection ? `${meeting.reflection}\n${adding}` : adding;
      await store.write((tx) => tx.meetings.setReflection(meeting.id, reflection, toStored(now)), { kind: 'edit', personId: meeting.person.id });
      meeting.reflection = reflection;
    }
    const coachNotes = store.coach ? await store.coach.forMeeting(meeting.id) : [];
    if (store.coach && coachNotes.some((note) => note.readAt === null)) await store.coach.markRead(meeting.id, toStored(now));
    return { meeting, coachNotes };
  });
  if (adding !== undefined) printMessage(reflectionAdded(shown.meeting.id));
  if (options.json) printJson(reviewJson(shown.meeting, shown.coachNotes));
  else renderReview(shown.meeting, shown.coachNotes, useColor(globals));
}

function meetingNumber(input: string): number {
  const record = parseRecordId(/^\d+$/.test(input.trim()) ? `M${input.trim()}` : input);
  if (record?.kind !== 'meeting') {
    const { message, hint } = reviewRefusal('not-a-meeting', input);
    throw new UsageError(message, hint);
  }
  return record.id;
}

async function meetingToReview(store: Store, wanted: number | undefined): Promise<MeetingRecord> {
  const id = wanted ?? (await store.meetings.latestComplete());
  if (id === undefined) throw worded(reviewRefusal('none-yet'));
  const meeting = await store.meetings.get(id);
  if (!meeting) throw worded(reviewRefusal('no-such-meeting', id));
  if (meeting.status === 'draft') throw worded(reviewRefusal('not-over', id));
  return meeting;
}

function reviewJson(meeting: MeetingRecord, coachNotes: CoachNote[]) {
  return {
    meetingId: meeting.id,
    person: meeting.person,
    heldAt: meeting.heldAt,
    score: meeting.scorecard && scoreOf(meeting.scorecard),
    scorecard: meeting.scorecard,
    checklist: meeting.checklist,
    reflection: meeting.reflection,
    coachNotes,
  };
}
