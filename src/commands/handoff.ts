import { handedOffWords, HANDOFF_NOTE_HINT, introductionWords, TEAM_NEEDS_SERVER_HINT } from '../messages/team.js';
import { nextMorning } from '../support/dates.js';
import { UserError } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface HandoffOptions {
  to: string;
  note: string;
  keepOpen?: boolean;
  json?: boolean;
}

/** `oneonone handoff PERSON --to ORGANIZER --note "…"`: a new owner, a warm introduction, their commitments carried over. */
export async function runHandoff(personInput: string, options: HandoffOptions, globals: GlobalOptions): Promise<void> {
  const note = options.note.trim();
  if (note === '') throw new UserError('a handoff needs an introduction', { hint: HANDOFF_NOTE_HINT });
  const moment = new Date();
  const now = moment.toISOString();
  const dueAt = nextMorning(moment).toISOString();
  const carry = !options.keepOpen;
  const words = await withStore(globals, 'write', async (store) => {
    const team = store.team;
    if (!team || !(await team.isTeam())) throw new UserError(`there is no team to hand ${personInput} to: the record is ${store.location}`, { hint: TEAM_NEEDS_SERVER_HINT });
    const person = await findPerson(store.people, personInput);
    const to = await team.organizer(options.to);
    const done = await store.write(
      () => team.handoff({ personId: person.id, to: to.name, note, carry, now, dueAt, introduction: introductionWords }),
      { kind: 'handoff', personId: person.id, detail: { to: to.name } },
    );
    return { person: person.name, from: done.from?.name, to: done.to.name, asksMoved: done.asksMoved, followUpsMoved: done.followUpsMoved, carry, introductionId: done.introductionId, introductionDue: done.introductionDue };
  });
  if (options.json) printJson(words);
  printMessage(handedOffWords(words));
}
