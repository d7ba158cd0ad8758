import { parseItemId, type AgendaKind } from '../people/agenda.js';
import { cadenceFor, dismissedUntil, nextMeetingDue } from '../people/cadence.js';
import type { AskState, CommitmentRepository, FollowUpState, Transaction } from '../store/contract.js';
import { parseWhen, toStored } from '../support/dates.js';
import { UsageError, UserError } from '../support/errors.js';
import { formatDate, formatDateTime } from '../support/format.js';
import { followUpWords } from '../messages/commitments.js';
import { printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';
import { cadenceOf } from './followups.js';

export interface DoneOptions {
  kept?: boolean;
  broken?: boolean;
}

const DAY_MS = 86_400_000;
const SEE_OPEN = 'see what is open with: oneonone followups --all';

/** `done F12` closes a follow-up, `done A7 [--kept|--broken]` checks an ask, `done C3` quiets a cadence reminder for a period. */
export async function runDone(input: string, options: DoneOptions, globals: GlobalOptions): Promise<void> {
  const { kind, id } = readId(input);
  if (options.kept && options.broken) {
    throw new UsageError('--kept and --broken contradict each other; give one', 'use --kept if they did it, --broken if they did not');
  }
  const result = options.kept ? 'kept' : options.broken ? 'broken' : null;
  if (result && kind !== 'ask') {
    throw new UsageError(`--${result} is for ask check-ins (ids starting with A); ${input.trim().toUpperCase()} is ${KIND_WORDS[kind]}`, `close it with: oneonone done ${input.trim().toUpperCase()}`);
  }
  const now = new Date();
  const message = await withStore(globals, 'read', (store) => store.write((tx) => close(tx, kind, id, result, now)));
  printMessage(message);
}

async function close(tx: Transaction, kind: AgendaKind, id: number, result: 'kept' | 'broken' | null, now: Date): Promise<string> {
  const { commitments } = tx;
  if (kind === 'followup') {
    const followUp = await openFollowUp(commitments, id, (f, closedOn) => `F${id} (${f.person}: ${followUpWords(f, f.person)}) was already closed on ${closedOn}`);
    await commitments.closeFollowUp(id, toStored(now));
    return `Closed F${id}: ${followUp.person}: ${followUpWords(followUp, followUp.person)}.`;
  }
  if (kind === 'ask') {
    const ask = openCheckIn(await commitments.ask(id), id, result !== null);
    await commitments.checkAsk(id, result, toStored(now));
    return result
      ? `Checked A${id}: ${ask.person} ${result === 'kept' ? 'kept' : 'did not keep'} "${ask.text}". It counts in: oneonone leaders`
      : `Checked A${id}: ${ask.person}, "${ask.text}". Record whether it was kept with: oneonone done A${id} --kept (or --broken)`;
  }
  const person = await cadencePerson(tx, id);
  const cadence = await cadenceOf(tx.settings);
  const days = cadenceFor(cadence, person.rung);
  const due = nextMeetingDue(person, cadence);
  if (due.getTime() >= now.getTime() + (days - 1) * DAY_MS) {
    throw new UserError(`C${id} (${person.person}) is not due until ${formatDate(due)}; nothing to close`, {
      hint: `it comes back by itself; move it with: oneonone snooze C${id} DATE`,
    });
  }
  const until = dismissedUntil(person.rung, cadence, now);
  await commitments.setCadenceUntil(id, toStored(until));
  return `Dismissed C${id}: the next 1:1 with ${person.person} is due ${formatDate(until)} (a ${person.rung}: every ${days} days).`;
}

/** `snooze ID WHEN` moves an open item to a later (or earlier) moment still to come. */
export async function runSnooze(input: string, when: string, _options: unknown, globals: GlobalOptions): Promise<void> {
  const { kind, id } = readId(input);
  const now = new Date();
  const moment = parseWhen(when, { now, future: true, field: 'snooze date' });
  const message = await withStore(globals, 'read', (store) => store.write((tx) => move(tx, kind, id, moment)));
  printMessage(message);
}

async function move(tx: Transaction, kind: AgendaKind, id: number, moment: Date): Promise<string> {
  const { commitments } = tx;
  if (kind === 'followup') {
    const followUp = await openFollowUp(commitments, id, (_, closedOn) => `F${id} was already closed on ${closedOn}; nothing to move`);
    await commitments.snoozeFollowUp(id, toStored(moment));
    return `Moved F${id} (${followUp.person}: ${followUpWords(followUp, followUp.person)}) to ${formatDateTime(moment)}.`;
  }
  if (kind === 'ask') {
    const ask = openCheckIn(await commitments.ask(id), id, false);
    await commitments.snoozeCheckIn(id, toStored(moment));
    return `Moved the check-in A${id} (${ask.person}: "${ask.text}") to ${formatDateTime(moment)}.`;
  }
  const person = await cadencePerson(tx, id);
  await commitments.setCadenceUntil(id, toStored(moment));
  const cadence = await cadenceOf(tx.settings);
  const due = nextMeetingDue({ ...person, cadenceUntil: toStored(moment) }, cadence);
  return due.getTime() > moment.getTime()
    ? `C${id} stays due on ${formatDate(due)}: that is ${cadenceFor(cadence, person.rung)} days after you last met ${person.person}, later than ${formatDate(moment)}.`
    : `Moved C${id}: the next 1:1 with ${person.person} is due ${formatDate(moment)}.`;
}

async function cadencePerson(tx: Transaction, id: number) {
  const person = await tx.agenda.cadencePerson(id);
  if (!person) throw unknown(`nobody has the id #${id}, so there is no C${id}`);
  return person;
}

const KIND_WORDS: Record<AgendaKind, string> = { followup: 'a follow-up', ask: 'an ask check-in', cadence: 'a 1:1 reminder' };

function readId(input: string): { kind: AgendaKind; id: number } {
  const parsed = parseItemId(input);
  if (!parsed) {
    throw new UsageError(
      `"${input}" is not an id from the follow-up list`,
      /^\s*#?\d+\s*$/.test(input) ? `add the kind in front: F${input.trim().replace('#', '')} (follow-up), A… (ask check-in) or C… (1:1 reminder)` : 'ids look like F12 (a follow-up), A7 (an ask check-in) or C3 (a 1:1 due); see them with: oneonone followups',
    );
  }
  return parsed;
}

function unknown(message: string): UserError {
  return new UserError(message, { hint: SEE_OPEN });
}

/** The open follow-up F{id}, or a refusal: unknown, or closed already (worded by the caller). */
async function openFollowUp(
  commitments: CommitmentRepository, id: number, alreadyClosed: (followUp: FollowUpState, closedOn: string) => string,
): Promise<FollowUpState> {
  const followUp = await commitments.followUp(id);
  if (!followUp) throw unknown(`there is no follow-up F${id}`);
  if (followUp.doneAt) throw new UserError(alreadyClosed(followUp, formatDateTime(followUp.doneAt)), { hint: SEE_OPEN });
  return followUp;
}

/** An ask that has a check-in still to do (or, with a result to record, one checked without a result). */
function openCheckIn(ask: AskState | undefined, id: number, recordingResult: boolean): AskState {
  if (!ask) throw unknown(`there is no ask A${id}`);
  if (ask.outcome !== 'yes' && ask.outcome !== 'maybe') {
    throw new UserError(`A${id} has no check-in: ${ask.person} ${ask.outcome === 'no' ? 'said no to' : 'gave no answer recorded to'} "${ask.text}"`, {
      hint: 'only asks answered yes or maybe are checked on',
    });
  }
  if (ask.result) throw new UserError(`A${id} was already recorded as ${ask.result} on ${formatDateTime(ask.checkedAt ?? ask.askedAt)}`, { hint: SEE_OPEN });
  if (ask.checkedAt && !recordingResult) {
    throw new UserError(`A${id} was already checked on ${formatDateTime(ask.checkedAt)}`, {
      hint: `record whether it was kept with: oneonone done A${id} --kept (or --broken)`,
    });
  }
  return ask;
}
