import { errorText } from '../messages/errors.js';
import { importWords } from '../messages/import.js';
import { rungLabel } from '../messages/ladder.js';
import { inEnglish } from '../messages/spoken.js';
import { usageWords } from '../messages/usage.js';
import { LANGUAGES } from '../support/language.js';
import {
  changesOf, type BadRow, type FieldChange, type FieldValue, type ImportPlan, type ImportTarget, type KeptApart, type KeptValue,
  type PersonField, type PersonRef,
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
    bad: inEnglish(() => plan.bad.map(badWords)),
    people: { added: groups.added.map(person), changed: groups.changed.map(person), unchanged: groups.unchanged.map(person) },
    rows: plan.rows.map((row) => ({
      line: row.line, action: row.action, name: row.target.name, id: refused ? (row.target.existing?.id ?? null) : idOf(row.target),
      matchedBy: row.matchedBy ?? null, changed: row.changed,
    })),
  };
}

/**
 * Person by person: who is added with what, who is changed with each detail old → new, and what the file offered
 * and was not taken (with the flag that would take it). A dry run also lists who is left as they were; the real
 * run lists those only when something of theirs was kept.
 */
export function renderImportPeople(plan: ImportPlan, { dryRun, ids }: { dryRun: boolean; ids: TargetIds }): string {
  const words = importWords();
  const groups = grouped(plan);
  const refText = (ref: PersonRef): string => {
    const id = ref.id ?? (ref.target ? ids.get(ref.target) : undefined);
    return id === undefined ? ref.name : `${ref.name} #${id}`;
  };
  const shown = (value: FieldValue): string => {
    if (value === null) return words.none;
    if (typeof value === 'boolean') return words.interpreter(value);
    if (typeof value === 'object') return refText(value);
    return String(value).replace(/\r?\n/g, ' / ');
  };
  /** A rung is shown by its label, every other detail as it is. */
  const shownAs = (field: PersonField, value: FieldValue): string => (field === 'rung' && typeof value === 'string' ? rungLabel(value) : shown(value));
  const who = (target: ImportTarget): string => {
    const id = ids.get(target) ?? target.existing?.id;
    return id === undefined ? target.name : `${target.name} #${id}`;
  };
  const where = (target: ImportTarget): string => words.where(target.lines, target.existing ? target.matchedBy : undefined);
  const apart = (target: ImportTarget, from: KeptApart): string => words.apart(target.name, from, from.because);
  const changeLine = (change: FieldChange, added: boolean): string => {
    const field = words.fields[change.field];
    if (added) return `  ${field}: ${shownAs(change.field, change.new)}`;
    if (change.field === 'notes' && typeof change.old === 'string' && typeof change.new === 'string' && change.new.startsWith(change.old)) {
      return words.notesAdded(shown(change.new.slice(change.old.length).replace(/^\r?\n/, '')));
    }
    return `  ${field}: ${shownAs(change.field, change.old)} → ${shownAs(change.field, change.new)}`;
  };
  const keptLine = (kept: KeptValue): string => {
    const field = words.fields[kept.field];
    const [was, offered] = [shownAs(kept.field, kept.kept), shownAs(kept.field, kept.offered)];
    switch (kept.why) {
      case 'coarser':
        return words.kept.coarser(field, was, kept.place ?? 'postal', offered);
      case 'lower':
        return words.kept.lower(field, was, offered);
      case 'judgment':
        return words.kept.judgment(field, was, offered);
      case 'referrer-unknown':
        return words.kept.referrerUnknown(field, offered, kept.line, kept.kept === null ? null : was);
      case 'referrer-ambiguous':
        return words.kept.referrerAmbiguous(field, offered, kept.line, kept.kept === null ? null : was);
    }
  };
  const block = (group: 'added' | 'changed' | 'unchanged', target: ImportTarget, added: boolean): string[] => {
    const header = `${words.heading(group, dryRun, who(target), where(target))}${target.apartFrom.map((from) => `, ${apart(target, from)}`).join('')}`;
    const changes = changesOf(target).map((change) => changeLine(change, added));
    return [header, ...changes, ...target.kept.map(keptLine)];
  };
  return [
    ...groups.added.flatMap((target) => block('added', target, true)),
    ...groups.changed.flatMap((target) => block('changed', target, false)),
    ...groups.unchanged.filter((target) => dryRun || target.kept.length > 0).flatMap((target) => block('unchanged', target, false)),
  ].join('\n');
}

export function renderImportCounts(plan: ImportPlan, dryRun: boolean): string {
  const { added, changed, unchanged } = grouped(plan);
  return importWords().counts(added.length, changed.length, unchanged.length, plan.bad.length, dryRun);
}

export function renderBadRows(bad: BadRow[]): string {
  const label = usageWords().lineLabel;
  return bad.map(badWords).map(({ line, reason }) => `${label} ${line}: ${reason}`).join('\n');
}

/** A bad row's reason in words. */
export function badWords({ line, reason }: BadRow): { line: number; reason: string } {
  const words = importWords();
  if (reason.code === 'import.name-ambiguous') {
    const { name, ids, lines } = reason.params;
    return { line, reason: words.nameAmbiguous(name, ids.length + lines.length, ids, lines) };
  }
  if (reason.code === 'import.unreadable-cell') {
    const { field, value } = reason.params;
    return { line, reason: field === 'language' ? words.unknownLanguage(value, LANGUAGES) : words.unreadableInterpreter(value) };
  }
  return { line, reason: errorText(reason).message };
}
