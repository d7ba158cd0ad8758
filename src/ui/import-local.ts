/**
 * `team import-local`'s list, person by person (data, for stdout): the ambiguous first (what the organizer should
 * check), then who was matched with whom and what differs, then who was added, then who was brought in before; the
 * counts last. The words are src/messages/import-local.ts's.
 */
import type { ImportLocalReport } from '../commands/team-import-local.js';
import {
  addedLine, alreadyLine, AMBIGUOUS_HINT, ambiguousLine, filledLine, keptLine, matchedLine, NOTES_ADDED, rungLine, summaryLine,
} from '../messages/import-local.js';

export function renderImportLocal(report: ImportLocalReport): string {
  const lines: string[] = [];
  for (const person of report.ambiguous) lines.push(ambiguousLine(person, report.dryRun));
  if (report.ambiguous.length > 0) lines.push(AMBIGUOUS_HINT);
  for (const person of report.matched) {
    lines.push(matchedLine(person, report.dryRun));
    for (const { field, value } of person.filled) lines.push(filledLine(field, value));
    for (const { field, server, file } of person.kept) lines.push(keptLine(field, server, file));
    if (person.notesAdded) lines.push(NOTES_ADDED);
    if (person.rung) lines.push(rungLine(person.rung.from, person.rung.to));
  }
  for (const person of report.added) lines.push(addedLine(person, report.dryRun));
  for (const person of report.already) lines.push(alreadyLine(person));
  lines.push(summaryLine(report));
  return lines.join('\n');
}
