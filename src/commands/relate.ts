import { webRefusals, webWords } from '../messages/web.js';
import { cleanText } from '../people/text.js';
import { RELATIONSHIP_KINDS, type PersonRow, type Relationship, type RelationshipKind, type Store } from '../store/contract.js';
import { worded } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface RelateOptions {
  as: string;
  note?: string;
  json?: boolean;
}

export interface UnrelateOptions {
  as?: string;
  json?: boolean;
}

type Pair = { a: PersonRow; b: PersonRow };

const brief = (person: PersonRow) => ({ id: person.id, name: person.name });

/** `relate A B --as KIND`: how two people know each other (A leads B, for 'leads'); `undo` takes it back. */
export async function runRelate(aInput: string, bInput: string, options: RelateOptions, globals: GlobalOptions): Promise<void> {
  const kind = parseKind(options.as);
  const note = options.note === undefined || options.note.trim() === '' ? null : cleanText(options.note, 'note');
  const now = new Date().toISOString();
  const result = await withStore(globals, 'write', async (store) => {
    const { a, b } = await pair(store, aInput, bInput);
    const id = await store.write((tx) => tx.web.relate({ personId: a.id, otherId: b.id, kind, note }, now),
      { kind: 'edit', personId: a.id, detail: { item: webWords.relateItem(a.name, b.name, kind) } });
    const existing = id === undefined ? (await store.web.between(a.id, b.id, kind)).find((r) => kind !== 'leads' || r.direction === 'leads') : undefined;
    return { a, b, id, since: existing?.since };
  });
  const { a, b, id } = result;
  if (options.json) printJson({ recorded: id !== undefined, id: id ?? null, kind, person: brief(a), other: brief(b), note: id === undefined ? null : note });
  printMessage(id === undefined ? webWords.alreadyRelated(a.name, b.name, kind, result.since) : webWords.related(a.name, b.name, kind, note));
}

/** `unrelate A B [--as KIND]`: the relationship ended, kept in both records with when. */
export async function runUnrelate(aInput: string, bInput: string, options: UnrelateOptions, globals: GlobalOptions): Promise<void> {
  const kind = options.as === undefined ? undefined : parseKind(options.as);
  const now = new Date().toISOString();
  const { a, b, ended } = await withStore(globals, 'write', async (store) => {
    const { a, b } = await pair(store, aInput, bInput);
    const open = await store.web.between(a.id, b.id, kind);
    if (open.length === 0) throw worded(webRefusals.nothingToEnd(a.name, b.name, kind));
    await store.write((tx) => tx.web.unrelate(a.id, b.id, kind, now), { kind: 'edit', personId: a.id, detail: { item: webWords.unrelateItem(a.name, b.name) } });
    return { a, b, ended: open };
  });
  if (options.json) printJson({ ended: ended.map((r) => endedJson(r, now)), person: brief(a), other: brief(b) });
  printMessage(webWords.unrelated(a.name, b.name, ended));
}

function endedJson(r: Relationship, now: string) {
  return { ...r, endedAt: now };
}

async function pair(store: Store, aInput: string, bInput: string): Promise<Pair> {
  const a = await findPerson(store.people, aInput);
  const b = await findPerson(store.people, bInput);
  if (a.id === b.id) throw worded(webRefusals.self(a.name, a.id));
  return { a, b };
}

export function parseKind(input: string): RelationshipKind {
  const kind = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!(RELATIONSHIP_KINDS as readonly string[]).includes(kind)) throw worded(webRefusals.badKind(input));
  return kind as RelationshipKind;
}
