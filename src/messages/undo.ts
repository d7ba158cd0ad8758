import type { ChangeRecord } from '../store/contract.js';
import { formatDateTime } from '../support/format.js';

/** A change in words, for `undo`: what it was and when it was made. */
export function changeWords(change: ChangeRecord, person: string | null): string {
  const d = change.detail ?? {};
  const who = person ?? 'someone';
  const about = person ? ` (${person})` : '';
  const what: Record<ChangeRecord['kind'], string> = {
    log: `the 1:1 logged with ${who}`,
    start: `the 1:1 with ${who}${change.meetingId ? ` (meeting M${change.meetingId})` : ''}`,
    done: `closing ${d.item ?? 'a follow-up'}${about}`,
    snooze: `moving ${d.item ?? 'a reminder'}${about}`,
    cadence: 'the change of how often each rung is met',
    edit: `the correction of ${d.item ?? 'a record'}${about}`,
    merge: `merging ${d.from ?? 'a duplicate'} into ${who}`,
    import: `the import of ${d.file ?? 'a file'}`,
    delete: `deleting ${d.item ?? 'a record'}${about}`,
    discard: `discarding draft M${d.meeting ?? '?'}${person ? ` with ${person}` : ''}`,
    handoff: `handing ${who} to ${d.to ?? 'another organizer'}`,
    forget: 'a forget',
  };
  return `${what[change.kind]}, made ${formatDateTime(change.madeAt)}`;
}
