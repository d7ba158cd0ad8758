import type { ChangeRecord } from '../store/contract.js';
import { formats } from './format.js';
import { spokenCatalogues } from './spoken.js';

/** The details a journalled change keeps for its words: the item, the file, the merged duplicate… */
export type ChangeDetail = Record<string, string | number | null | undefined>;

export interface UndoWords {
  /** What each kind of change was, `person` its person's name where known. */
  what: Record<ChangeRecord['kind'], (d: ChangeDetail, person: string | null, meetingId: number | null) => string>;
  made(what: string, when: string): string;
  undid(words: string): string;
}

const about = (person: string | null) => (person ? ` (${person})` : '');

const UNDO_EN: UndoWords = {
  what: {
    log: (_, person) => `the 1:1 logged with ${person ?? 'someone'}`,
    start: (_, person, meetingId) => `the 1:1 with ${person ?? 'someone'}${meetingId ? ` (meeting M${meetingId})` : ''}`,
    done: (d, person) => `closing ${d.item ?? 'a follow-up'}${about(person)}`,
    snooze: (d, person) => `moving ${d.item ?? 'a reminder'}${about(person)}`,
    cadence: () => 'the change of how often each rung is met',
    edit: (d, person) => `the correction of ${d.item ?? 'a record'}${about(person)}`,
    merge: (d, person) => `merging ${d.from ?? 'a duplicate'} into ${person ?? 'someone'}`,
    import: (d) => `the import of ${d.file ?? 'a file'}`,
    delete: (d, person) => `deleting ${d.item ?? 'a record'}${about(person)}`,
    discard: (d, person) => `discarding draft M${d.meeting ?? '?'}${person ? ` with ${person}` : ''}`,
    handoff: (d, person) => `handing ${person ?? 'someone'} to ${d.to ?? 'another organizer'}`,
    forget: () => 'a forget',
  },
  made: (what, when) => `${what}, made ${when}`,
  undid: (words) => `Undid ${words}.`,
};

export const undoWords = (): UndoWords => spokenCatalogues()?.undo ?? UNDO_EN;

/** A change in words, for `undo`: what it was and when it was made. */
export function changeWords(change: ChangeRecord, person: string | null): string {
  const words = undoWords();
  const detail = (change.detail ?? {}) as ChangeDetail;
  return words.made(words.what[change.kind](detail, person, change.meetingId), formats().dateTime(change.madeAt));
}
