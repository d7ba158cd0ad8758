import { webRefusals, webWords } from '../messages/web.js';
import { cleanText } from '../people/text.js';
import { TOUCH_KINDS, type TouchKind } from '../store/contract.js';
import { parseWhen, toStored } from '../support/dates.js';
import { worded } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface TouchOptions {
  by: string;
  note?: string;
  date?: string;
  json?: boolean;
}

/** `touch NAME --by call`: a contact that is not a one-on-one, kept apart from meetings so the 80/20 record stays true. */
export async function run(input: string, options: TouchOptions, globals: GlobalOptions): Promise<void> {
  const by = parseBy(options.by);
  const note = options.note === undefined || options.note.trim() === '' ? null : cleanText(options.note, 'note');
  const now = new Date();
  const touchedAt = toStored(when(options.date, now));
  const { person, id } = await withStore(globals, 'write', async (store) => {
    const person = await findPerson(store.people, input);
    const id = await store.write((tx) => tx.web.touch({ personId: person.id, by, note, touchedAt }, now.toISOString()),
      { kind: 'edit', personId: person.id, detail: { item: webWords.touchItem(person.name, by) } });
    return { person, id };
  });
  if (options.json) printJson({ id, person: { id: person.id, name: person.name }, by, note, touchedAt });
  printMessage(webWords.touched(person.name, by, touchedAt, note));
}

function parseBy(input: string): TouchKind {
  const by = input.trim().toLowerCase();
  if (!(TOUCH_KINDS as readonly string[]).includes(by)) throw worded(webRefusals.badTouch(input));
  return by as TouchKind;
}

function when(input: string | undefined, now: Date): Date {
  if (input === undefined) return now;
  const moment = parseWhen(input, { now, field: 'contact date' });
  if (moment.getTime() > now.getTime() + 60_000) throw worded(webRefusals.touchInFuture(input));
  return moment;
}
