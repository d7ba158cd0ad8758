/**
 * `team import-local`'s list, person by person (data, for stdout): the ambiguous first (what the organizer should
 * check), then who was matched with whom and what differs, then who was added, then who was brought in before; the
 * counts last. The words are src/messages/import-local.ts's.
 */
import type { ImportLocalReport } from '../commands/team-import-local.js';
import { importLocalWords } from '../messages/import-local.js';

export function renderImportLocal(report: ImportLocalReport): string {
  const words = importLocalWords();
  const lines: string[] = [];
  for (const person of report.ambiguous) lines.push(words.ambiguous(person, report.dryRun));
  if (report.ambiguous.length > 0) lines.push(words.ambiguousHint);
  for (const person of report.matched) {
    lines.push(words.matched(person, report.dryRun));
    for (const { field, value } of person.filled) lines.push(words.filled(field, value));
    for (const { field, server, file } of person.kept) lines.push(words.kept(field, server, file));
    if (person.notesAdded) lines.push(words.notesAdded);
    if (person.rung) lines.push(words.rung(person.rung.from, person.rung.to));
  }
  for (const person of report.added) lines.push(words.added(person, report.dryRun));
  for (const person of report.already) lines.push(words.already(person));
  lines.push(words.summary(report));
  return lines.join('\n');
}
