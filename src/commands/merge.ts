import { rungLevel, type Rung } from '../people/ladder.js';
import { nameKey } from '../people/names.js';
import type { PersonEdit, PersonRow } from '../store/contract.js';
import { DomainError, UserError } from '../support/errors.js';
import { peopleWords } from '../messages/people.js';
import { printJson, printMessage } from '../ui/output.js';
import { startProgress } from '../ui/progress.js';
import { progressWords } from '../messages/progress.js';
import { withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface MergeOptions {
  json?: boolean;
}

/** Below this a merge is over before a line could be read. */
const MANY_RECORDS = 1000;

const DETAILS = ['email', 'phone', 'neighborhood', 'organization', 'language', 'notes', 'potential', 'referredBy'] as const;

/** What merging `from` into `into` does to the kept person's details: gaps filled, conflicts kept as they are and shown. */
export function mergedDetails(from: PersonRow, into: PersonRow): { edit: PersonEdit; taken: string[]; kept: string[] } {
  const edit: PersonEdit = {};
  const [taken, kept]: [string[], string[]] = [[], []];
  for (const field of DETAILS) {
    const [theirs, ours] = [from[field], into[field]];
    if (theirs === null || theirs === ours || (field === 'referredBy' && theirs === into.id)) continue;
    if (ours === null) {
      (edit as Record<string, unknown>)[field] = theirs;
      taken.push(`${field} ${theirs}`);
    } else kept.push(`${field} ${ours} (#${from.id} had ${theirs})`);
  }
  // Either record saying an interpreter is needed is the one to believe: a meeting without one fails.
  if (from.interpreter && !into.interpreter) {
    edit.interpreter = true;
    taken.push('interpreter needed');
  }
  return { edit, taken, kept };
}

/** `merge DUPLICATE INTO`: one person again, with everything both records held; `undo` takes it apart. */
export async function run(fromInput: string, intoInput: string, options: MergeOptions, globals: GlobalOptions): Promise<void> {
  const now = new Date().toISOString();
  const result = await withStore(globals, 'write', async (store) => {
    const erase = await store.team?.whyNotErase();
    if (erase) throw new UserError(`not erasing anyone: ${erase}`, { hint: 'ask your lead or the team\'s admin' });
    const from = await findPerson(store.people, fromInput);
    const into = await findPerson(store.people, intoInput);
    if (from.id === into.id) throw new DomainError('merge.same-person', { first: fromInput, second: intoInput, id: from.id });
    const counts = await store.people.forgetCounts(from.id);
    const { edit, taken, kept } = mergedDetails(from, into);
    const higher = rungLevel(from.rung) > rungLevel(into.rung) ? (from.rung as Rung) : undefined;
    // On a team server the merge moves teammates' notes this login cannot see: undo, as this login, could not move them back.
    const onTeam = (await store.team?.isTeam()) ?? false;
    // One transaction moves everything at once: a line says what is being done, not how far it is.
    const records = counts.meetings + counts.notes + counts.asks + counts.followups;
    const progress = records >= MANY_RECORDS ? startProgress(progressWords.merging(records), 0) : undefined;
    await store.write(async (tx) => {
      await tx.corrections.editPerson(into.id, edit, now);
      await tx.corrections.addFormerName(into.id, from.name, nameKey(from.name), now);
      await tx.corrections.merge(from.id, into.id);
      if (higher) await tx.people.moveToRung(into.id, higher, { cause: 'manual', reason: null, detail: 'merge', at: now });
    }, onTeam ? undefined : { kind: 'merge', personId: into.id, detail: { from: `${from.name} (#${from.id})` } }).finally(() => progress?.stop());
    return { from: { id: from.id, name: from.name }, into: { id: into.id, name: into.name }, moved: counts, taken, kept, rung: higher ?? into.rung, undoable: !onTeam };
  });
  if (options.json) printJson(result);
  const words = peopleWords();
  printMessage([
    words.merged(`${result.from.name} (#${result.from.id})`, `${result.into.name} (#${result.into.id})`, result.moved),
    ...(result.taken.length ? [words.taken(result.taken.join('; '))] : []),
    ...(result.kept.length ? [words.kept(result.kept.join('; '))] : []),
    words.stillFinds(result.from.name, result.undoable),
  ].join('\n'));
}

