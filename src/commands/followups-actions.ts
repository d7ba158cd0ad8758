import { differenceInCalendarDays } from 'date-fns';
import { itemId, parseItemId, type AgendaKind, type CadenceCandidate } from '../people/agenda.js';
import { cadenceFor, dismissedUntil, nextMeetingDue } from '../people/cadence.js';
import type { AskState, ChangeLabel, CommitmentRepository, FollowUpState, Store, Transaction } from '../store/contract.js';
import { parseWhen, toStored } from '../support/dates.js';
import { DomainError } from '../support/errors.js';
import { actionWords, type AskResult } from '../messages/agenda.js';
import { followUpWords } from '../messages/commitments.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { plainAsker } from '../ui/ask.js';
import { askYesNo, canAsk } from '../ui/confirm.js';
import { printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';
import { cadenceOf } from './followups.js';

export interface DoneOptions {
  kept?: boolean;
  broken?: boolean;
  /** Replace a kept or broken already recorded for the ask, without asking first. */
  change?: boolean;
}

const DAY_MS = 86_400_000;

/** `done F12` closes a follow-up, `done A7 [--kept|--broken]` checks an ask, `done C3` quiets a cadence reminder for a period. */
export async function runDone(input: string, options: DoneOptions, globals: GlobalOptions): Promise<void> {
  const { kind, id } = readId(input);
  if (options.kept && options.broken) {
    throw new DomainError('done.kept-and-broken', {});
  }
  const result = options.kept ? 'kept' : options.broken ? 'broken' : null;
  if (options.change && !result) throw new DomainError('done.change-alone', { item: input.trim().toUpperCase() });
  if (result && kind !== 'ask') {
    throw new DomainError('done.result-not-ask', { result, item: input.trim().toUpperCase(), kind });
  }
  const now = new Date();
  const message = await withStore(globals, 'read', async (store) => {
    // Asked before the write begins, so no transaction waits on the organizer.
    const replacing = kind === 'ask' && result ? await resultToReplace(store, id, result, options.change === true) : null;
    return store.write((tx) => close(tx, kind, id, result, now, replacing), changeOf('done', kind, id));
  });
  printMessage(message);
}

/**
 * The result an ask already has, when the organizer agrees to replace it: with --change, or by saying yes in a
 * terminal. Without a terminal the refusal names the flag. Null when there is nothing recorded to replace.
 */
async function resultToReplace(store: Store, id: number, result: AskResult, change: boolean): Promise<AskResult | null> {
  const ask = await store.commitments.ask(id);
  if (!ask?.result) return null;
  const recorded = { id, result: ask.result, on: formats().dateTime(ask.checkedAt ?? ask.askedAt) };
  if (ask.result === result) throw new DomainError('ask.result-recorded', { ...recorded, same: true, wanted: null });
  if (change) return ask.result as AskResult;
  if (!canAsk()) throw new DomainError('ask.result-recorded', { ...recorded, same: false, wanted: result });
  const question = actionWords().changeResult(id, ask.result as AskResult, formats().dateTime(ask.checkedAt ?? ask.askedAt), result);
  if (!(await confirmed(question))) throw new DomainError('ask.result-stays', { id, result: ask.result });
  return ask.result as AskResult;
}

/** A yes or no on stderr; one plain line where the terminal cannot redraw (TERM=dumb). */
function confirmed(question: string): Promise<boolean> {
  return process.env.TERM === 'dumb' ? plainAsker(process.stdin, process.stderr).confirm(question, false) : askYesNo(question);
}

async function close(tx: Transaction, kind: AgendaKind, id: number, result: AskResult | null, now: Date, replacing: AskResult | null): Promise<string> {
  const { commitments } = tx;
  if (kind === 'followup') {
    const followUp = await openFollowUp(commitments, id, false);
    await commitments.closeFollowUp(id, toStored(now));
    return actionWords().closed(id, followUp.person, followUpWords(followUp, followUp.person));
  }
  if (kind === 'ask') return checkIn(commitments, id, result, now, replacing);
  return dismissCadence(tx, id, now);
}

async function checkIn(commitments: CommitmentRepository, id: number, result: AskResult | null, now: Date, replacing: AskResult | null): Promise<string> {
  const ask = openCheckIn(await commitments.ask(id), id, result !== null, replacing);
  await commitments.checkAsk(id, result, toStored(now));
  if (result && ask.result) return actionWords().changed(id, ask.person, ask.text, result, ask.result as AskResult);
  return actionWords().checked(id, ask.person, ask.text, result);
}

async function dismissCadence(tx: Transaction, id: number, now: Date): Promise<string> {
  const person = await cadencePerson(tx, id);
  const cadence = await cadenceOf(tx.settings);
  const days = cadenceFor(cadence, person.rung);
  const due = nextMeetingDue(person, cadence);
  if (due.getTime() >= now.getTime() + (days - 1) * DAY_MS) {
    throw new DomainError('cadence.not-due', { id, person: person.person, due: formats().date(due) });
  }
  const until = dismissedUntil(person.rung, cadence, now);
  await tx.commitments.setCadenceUntil(id, toStored(until));
  return actionWords().dismissed(id, person.person, formats().date(until), rungLabel(person.rung), days);
}

/** `snooze ID WHEN` moves an open item to a later (or earlier) moment still to come. */
export async function runSnooze(input: string, when: string, _options: unknown, globals: GlobalOptions): Promise<void> {
  const { kind, id } = readId(input);
  const now = new Date();
  const moment = parseWhen(when, { now, future: true, field: 'snooze date' });
  const message = await withStore(globals, 'read', (store) => store.write((tx) => move(tx, kind, id, moment), changeOf('snooze', kind, id)));
  printMessage(message);
}

async function move(tx: Transaction, kind: AgendaKind, id: number, moment: Date): Promise<string> {
  const { commitments } = tx;
  if (kind === 'followup') {
    const followUp = await openFollowUp(commitments, id, true);
    await commitments.snoozeFollowUp(id, toStored(moment));
    return actionWords().movedFollowUp(id, followUp.person, followUpWords(followUp, followUp.person), formats().dateTime(moment));
  }
  if (kind === 'ask') {
    const ask = openCheckIn(await commitments.ask(id), id, false);
    await commitments.snoozeCheckIn(id, toStored(moment));
    return actionWords().movedCheckIn(id, ask.person, ask.text, formats().dateTime(moment));
  }
  const person = await cadencePerson(tx, id);
  const cadence = await cadenceOf(tx.settings);
  const before = nextMeetingDue(person, cadence);
  await commitments.setCadenceUntil(id, toStored(moment));
  const due = nextMeetingDue({ ...person, cadenceUntil: toStored(moment) }, cadence);
  return cadenceMoved(id, person, cadenceFor(cadence, person.rung), { before, due, asked: moment });
}

/**
 * Which way a snoozed 1:1 reminder moved, by the day the list shows: later, earlier or not at all. The day is never
 * before a full cadence since they last met, so it can land later than the day asked for; that is said too.
 */
function cadenceMoved(id: number, person: CadenceCandidate, days: number, moved: { before: Date; due: Date; asked: Date }): string {
  const { before, due, asked } = moved;
  const { date } = formats();
  const shift = differenceInCalendarDays(due, before);
  return actionWords().movedCadence({
    id, person: person.person, days, met: Boolean(person.lastMet), way: shift === 0 ? 'same' : shift < 0 ? 'earlier' : 'later',
    due: date(due), before: date(before), heldBackFrom: differenceInCalendarDays(due, asked) > 0 ? date(asked) : null,
  });
}

async function cadencePerson(tx: Transaction, id: number) {
  const person = await tx.agenda.cadencePerson(id);
  if (!person) throw new DomainError('id.no-cadence-person', { id });
  return person;
}

function readId(input: string): { kind: AgendaKind; id: number } {
  const parsed = parseItemId(input);
  if (!parsed) {
    throw new DomainError('id.not-on-list', { input, bare: /^\s*#?\d+\s*$/.test(input) ? input.trim().replace('#', '') : null });
  }
  return parsed;
}

/** The open follow-up F{id}, or a refusal: unknown, or closed already (`moving`: snooze was asked to move it). */
async function openFollowUp(commitments: CommitmentRepository, id: number, moving: boolean): Promise<FollowUpState> {
  const followUp = await commitments.followUp(id);
  if (!followUp) throw new DomainError('id.no-follow-up', { id });
  if (followUp.doneAt) {
    throw new DomainError('follow-up.closed', { id, person: followUp.person, what: followUpWords(followUp, followUp.person), on: formats().dateTime(followUp.doneAt), moving });
  }
  return followUp;
}

/**
 * An ask that has a check-in still to do (or, with a result to record, one checked without a result; or one whose
 * result the organizer agreed to replace, if it is still the one they were asked about).
 */
function openCheckIn(ask: AskState | undefined, id: number, recordingResult: boolean, replacing: AskResult | null = null): AskState {
  if (!ask) throw new DomainError('id.no-ask', { id });
  if (ask.outcome !== 'yes' && ask.outcome !== 'maybe') {
    throw new DomainError('ask.no-check-in', { id, person: ask.person, saidNo: ask.outcome === 'no', text: ask.text });
  }
  if (ask.result && ask.result !== replacing) {
    throw new DomainError('ask.result-recorded', { id, result: ask.result, on: formats().dateTime(ask.checkedAt ?? ask.askedAt), same: false, wanted: null });
  }
  if (ask.checkedAt && !recordingResult) {
    throw new DomainError('ask.checked', { id, on: formats().dateTime(ask.checkedAt) });
  }
  return ask;
}

/** For undo: which item a done or snooze changed ("A7"), so it can say what it takes back. */
function changeOf(what: 'done' | 'snooze', kind: AgendaKind, id: number): ChangeLabel {
  return { kind: what, detail: { item: itemId(kind, id) } };
}
