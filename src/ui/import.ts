import { errorText } from '../messages/errors.js';
import { usageWords } from '../messages/usage.js';
import { LANGUAGES } from '../support/language.js';
import {
  changesOf, type BadRow, type FieldChange, type FieldValue, type ImportPlan, type ImportTarget, type KeptApart, type KeptValue,
  type PersonField, type PersonRef, type Place,
} from '../people/import.js';

/** The id each person has once the import is written (people added get theirs then); empty in a dry run. */
export type TargetIds = Map<ImportTarget, number>;

type JsonValue = string | number | boolean | { id: number | null; name: string } | null;

interface PersonJson {
  id: number | null;
  name: string;
  lines: number[];
  matchedBy: string | null;
  changes: { field: PersonField; old: JsonValue; new: JsonValue }[];
  kept: { field: PersonField; kept: JsonValue; offered: JsonValue; why: string; line: number }[];
  keptApartFrom: { id: number | null; line: number | null; because: string[] }[];
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  dryRun: boolean;
  bad: { line: number; reason: string }[];
  /** Per person: who is (or would be) added, changed, or left as they were, each detail old and new. */
  people: { added: PersonJson[]; changed: PersonJson[]; unchanged: PersonJson[] };
  rows: object[];
}

interface Grouped {
  added: ImportTarget[];
  changed: ImportTarget[];
  unchanged: ImportTarget[];
}

function grouped(plan: ImportPlan): Grouped {
  const groups: Grouped = { added: [], changed: [], unchanged: [] };
  for (const target of plan.targets) {
    if (!target.existing) groups.added.push(target);
    else if (changesOf(target).length > 0) groups.changed.push(target);
    else groups.unchanged.push(target);
  }
  return groups;
}

/** What --json prints. A refused import changed nobody, so its lists are empty (its rows still say what each was). */
export function importReport(plan: ImportPlan, { dryRun, refused, ids }: { dryRun: boolean; refused: boolean; ids: TargetIds }): ImportReport {
  const idOf = (target: ImportTarget): number | null => ids.get(target) ?? target.existing?.id ?? null;
  const value = (shown: FieldValue): JsonValue => {
    if (shown === null || typeof shown !== 'object') return shown;
    return { id: shown.id ?? (shown.target ? idOf(shown.target) : null), name: shown.name };
  };
  const person = (target: ImportTarget): PersonJson => ({
    id: idOf(target), name: target.name, lines: target.lines, matchedBy: target.matchedBy ?? null,
    changes: changesOf(target).map((change) => ({ field: change.field, old: value(change.old), new: value(change.new) })),
    kept: target.kept.map((kept) => ({ field: kept.field, kept: value(kept.kept), offered: value(kept.offered), why: kept.why, line: kept.line })),
    keptApartFrom: target.apartFrom.map((apart) => ({ id: apart.id ?? null, line: apart.line ?? null, because: apart.because })),
  });
  const groups = refused ? { added: [], changed: [], unchanged: [] } : grouped(plan);
  return {
    added: groups.added.length, updated: groups.changed.length, skipped: groups.unchanged.length, dryRun,
    bad: plan.bad.map(badWords),
    people: { added: groups.added.map(person), changed: groups.changed.map(person), unchanged: groups.unchanged.map(person) },
    rows: plan.rows.map((row) => ({
      line: row.line, action: row.action, name: row.target.name, id: refused ? (row.target.existing?.id ?? null) : idOf(row.target),
      matchedBy: row.matchedBy ?? null, changed: row.changed,
    })),
  };
}

const FIELD_WORDS: Record<PersonField, string> = {
  email: 'email', phone: 'phone', neighborhood: 'neighborhood', organization: 'organization', notes: 'notes', rung: 'rung',
  potential: 'potential', referredBy: 'referred by', assessment: 'assessment', units: 'units', language: 'language', interpreter: 'interpreter',
};

const PLACE_WORDS: Record<Place, string> = { area: 'a neighborhood', address: 'an address', city: 'the city', postal: 'the zip code' };

/**
 * Person by person: who is added with what, who is changed with each detail old → new, and what the file offered
 * and was not taken (with the flag that would take it). A dry run also lists who is left as they were; the real
 * run lists those only when something of theirs was kept.
 */
export function renderImportPeople(plan: ImportPlan, { dryRun, ids }: { dryRun: boolean; ids: TargetIds }): string {
  const groups = grouped(plan);
  const refText = (ref: PersonRef): string => {
    const id = ref.id ?? (ref.target ? ids.get(ref.target) : undefined);
    return id === undefined ? ref.name : `${ref.name} #${id}`;
  };
  const shown = (value: FieldValue): string => {
    if (value === null) return '(none)';
    if (typeof value === 'boolean') return value ? 'needed' : 'not needed';
    if (typeof value === 'object') return refText(value);
    return String(value).replace(/\r?\n/g, ' / ');
  };
  const who = (target: ImportTarget): string => {
    const id = ids.get(target) ?? target.existing?.id;
    return id === undefined ? target.name : `${target.name} #${id}`;
  };
  const where = (target: ImportTarget): string => {
    const lines = `line${target.lines.length === 1 ? '' : 's'} ${target.lines.join(', ')}`;
    return target.existing && target.matchedBy ? `(${lines}, same ${target.matchedBy})` : `(${lines})`;
  };
  const apart = (target: ImportTarget, from: KeptApart): string => {
    const other = from.id !== undefined ? `${target.name} #${from.id}` : `the ${target.name} of line ${from.line}`;
    return `not ${other}: another ${from.because.join(' and ')}`;
  };
  const changeLine = (change: FieldChange, added: boolean): string => {
    const field = FIELD_WORDS[change.field];
    if (added) return `  ${field}: ${shown(change.new)}`;
    if (change.field === 'notes' && typeof change.old === 'string' && typeof change.new === 'string' && change.new.startsWith(change.old)) {
      return `  notes: added ${shown(change.new.slice(change.old.length).replace(/^\r?\n/, ''))}`;
    }
    return `  ${field}: ${shown(change.old)} → ${shown(change.new)}`;
  };
  const keptLine = (kept: KeptValue): string => {
    const field = FIELD_WORDS[kept.field];
    switch (kept.why) {
      case 'coarser':
        return `  ${field}: kept ${shown(kept.kept)} (the file has only ${PLACE_WORDS[kept.place ?? 'postal']} ${shown(kept.offered)}; --overwrite takes it)`;
      case 'lower':
        return `  ${field}: kept ${shown(kept.kept)} (the file says ${shown(kept.offered)}, lower on the ladder; --demote takes it)`;
      case 'judgment':
        return `  ${field}: kept ${shown(kept.kept)} (the file says ${shown(kept.offered)}; --overwrite takes it)`;
      case 'referrer-unknown':
        return `  ${field}: nobody in the file or in your records is called "${shown(kept.offered)}" (line ${kept.line}); left ${kept.kept === null ? 'empty' : `as ${shown(kept.kept)}`}`;
      case 'referrer-ambiguous':
        return `  ${field}: several people are called "${shown(kept.offered)}" (line ${kept.line}); left ${kept.kept === null ? 'empty' : `as ${shown(kept.kept)}`}; write the one you mean as "${shown(kept.offered)} (#id)"`;
    }
  };
  const block = (verb: string, target: ImportTarget, added: boolean): string[] => {
    const header = `${verb} ${who(target)} ${where(target)}${target.apartFrom.map((from) => `, ${apart(target, from)}`).join('')}`;
    const changes = changesOf(target).map((change) => changeLine(change, added));
    return [header, ...changes, ...target.kept.map(keptLine)];
  };
  return [
    ...groups.added.flatMap((target) => block(dryRun ? 'add' : 'added', target, true)),
    ...groups.changed.flatMap((target) => block(dryRun ? 'change' : 'changed', target, false)),
    ...groups.unchanged.filter((target) => dryRun || target.kept.length > 0).flatMap((target) => block('unchanged', target, false)),
  ].join('\n');
}

export function renderImportCounts(plan: ImportPlan, dryRun: boolean): string {
  const { added, changed, unchanged } = grouped(plan);
  const line = dryRun
    ? `Would add ${added.length}, change ${changed.length}, leave ${unchanged.length} unchanged.`
    : `Added ${added.length}, changed ${changed.length}, left ${unchanged.length} unchanged.`;
  const bad = plan.bad.length === 0 ? '' : ` ${plan.bad.length} bad row${plan.bad.length === 1 ? '' : 's'} left out.`;
  return `${line}${bad}${dryRun ? ' Nothing was changed (dry run).' : ''}`;
}

export function renderBadRows(bad: BadRow[]): string {
  const label = usageWords().lineLabel;
  return bad.map(badWords).map(({ line, reason }) => `${label} ${line}: ${reason}`).join('\n');
}

/** A bad row's reason in words. */
export function badWords({ line, reason }: BadRow): { line: number; reason: string } {
  if (reason.code === 'import.name-ambiguous') {
    const { name, ids, lines } = reason.params;
    const known = ids.map((id) => `#${id}`);
    const inFile = lines.length === 0 ? [] : [`line${lines.length === 1 ? '' : 's'} ${lines.join(', ')} of the file`];
    const count = ids.length + lines.length;
    return { line, reason: `"${name}" could be any of ${count} people (${[...known, ...inFile].join(', ')}); add an email or phone to say which` };
  }
  if (reason.code === 'import.unreadable-cell') {
    const { field, value } = reason.params;
    return { line, reason: field === 'language'
      ? `"${value}" is not a language oneonone knows (write ${LANGUAGES.join(' or ')}, English or Spanish)`
      : `"${value}" under interpreter is neither yes nor no` };
  }
  return { line, reason: errorText(reason).message };
}
