import { checkedTerms, sensitiveTermsIn } from '../meeting/sensitive.js';
import { coachedWords, coachSetupRefusal, notAMeetingRefusal, notInAFileRefusal, sensitiveCoachHint } from '../messages/coach.js';
import { sensitiveWords } from '../messages/sensitive.js';
import { parseRecordId } from '../people/records.js';
import { cleanText } from '../people/text.js';
import type { Store } from '../store/contract.js';
import { isServer } from '../store/index.js';
import { toStored } from '../support/dates.js';
import { UsageError, UserError, worded } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';

export interface CoachOptions {
  note: string;
  json?: boolean;
}

/** `oneonone coach M12 --note "…"`: a lead's, director's or admin's note on an organizer's meeting, on a team server. */
export async function run(meetingInput: string, options: CoachOptions, globals: GlobalOptions): Promise<void> {
  const meetingId = meetingNumber(meetingInput);
  if (options.note.trim() === '') throw usage(coachSetupRefusal('empty-note'));
  const text = cleanText(options.note, "coach's note");
  const location = databasePath(globals.db);
  // Refused before anything is opened: a file has no team, and none is made for the refusal.
  if (!isServer(location)) throw worded(notInAFileRefusal(location));
  // 'read': a server oneonone has not set up yet is not set up for a note it cannot take; the insert is the server's.
  const note = await withStore(globals, 'read', async (store) => {
    if (!store.coach) throw worded(coachSetupRefusal('no-team'));
    await refuseSensitive(store, text);
    return store.coach.add(meetingId, text, toStored(new Date()));
  });
  printMessage(coachedWords(note));
  if (options.json) printJson(note);
}

function meetingNumber(input: string): number {
  const record = parseRecordId(/^\d+$/.test(input.trim()) ? `M${input.trim()}` : input);
  if (record?.kind !== 'meeting') throw usage(notAMeetingRefusal(input));
  return record.id;
}

/** Sent as typed, so checked as every text bound for the server is; a coach's note cannot be private, only rewritten. */
async function refuseSensitive(store: Store, text: string): Promise<void> {
  const checked = checkedTerms(await (await import('./team-words.js')).teamWordsOf(store.settings));
  const found = sensitiveTermsIn(text, checked);
  if (found.length > 0) throw new UserError(sensitiveWords(text, found), { hint: sensitiveCoachHint() });
}

function usage({ message, hint }: { message: string; hint: string }): UsageError {
  return new UsageError(message, hint);
}
