import { handedOffWords, introductionWords } from '../messages/team.js';
import { nextMorning } from '../support/dates.js';
import { DomainError } from '../support/errors.js';
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
  if (note === '') throw new DomainError('handoff.no-note', {});
  const moment = new Date();
  const now = moment.toISOString();
  const dueAt = nextMorning(moment).toISOString();
  const carry = !options.keepOpen;
  const words = await withStore(globals, 'write', async (store) => {
    const team = store.team;
    if (!team || !(await team.isTeam())) throw new DomainError('team.on-a-file', { location: store.location, handing: personInput });
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
