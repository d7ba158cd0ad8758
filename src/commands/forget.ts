import { nameKey } from '../people/names.js';
import { keptCopies } from '../support/copies.js';
import { UserError } from '../support/errors.js';
import { askToTypeName, canAsk } from '../ui/confirm.js';
import { forgetWarning, renderForgotten } from '../ui/privacy.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface ForgetOptions {
  yes?: boolean;
}

/** Erases a person and everything about them, then rebuilds the file so no trace is left in it or its WAL. */
export async function run(personInput: string, options: ForgetOptions, globals: GlobalOptions): Promise<void> {
  await withStore(globals, 'read', async (store) => {
    const person = await findPerson(store.people, personInput);
    if (!options.yes) {
      if (!canAsk()) {
        throw new UserError(`not forgetting ${person.name} without a confirmation`, {
          hint: `there is no terminal to ask in; add --yes to erase them: oneonone forget "#${person.id}" --yes`,
        });
      }
      const counts = await store.people.forgetCounts(person.id);
      const confirmed = await askToTypeName(person.name, forgetWarning(person.name, person.id, counts), (typed) => nameKey(typed) === nameKey(person.name));
      if (!confirmed) throw new UserError(`${person.name} was not forgotten: the name typed did not match`, { hint: 'nothing was changed' });
    }
    const counts = await store.write((tx) => tx.people.forget(person.id));
    const scrubbed = await store.scrub();
    renderForgotten(person.name, counts, scrubbed, keptCopies(store.location), useColor(globals, process.stderr));
  });
}
