import { subDays } from 'date-fns';
import { parseRung, rungsFrom } from '../people/ladder.js';
import { assessmentShown, assessmentWords } from '../messages/assessment.js';
import { parseAssessments } from '../people/assessment.js';
import { daysAgo } from '../support/format.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import type { PersonSummary } from '../store/contract.js';
import { MAX_TABLE_ROWS, renderCappedTable } from '../ui/table.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { organizersInView } from './scope.js';

export interface PeopleOptions {
  rung?: string;
  assess?: string;
  stale?: number;
  json?: boolean;
  team?: boolean;
  organizer?: string;
}

export async function run(options: PeopleOptions, globals: GlobalOptions): Promise<void> {
  const rungs = options.rung === undefined ? undefined : rungsFrom(parseRung(options.rung));
  const assessments = options.assess === undefined ? undefined : parseAssessments(options.assess);
  const metBefore = options.stale === undefined ? undefined : subDays(new Date(), options.stale).toISOString();
  // --json lists everyone; the table draws the first MAX_TABLE_ROWS and counts the rest in SQL.
  const { people, total } = await withStore(globals, 'read', async (store) => {
    const filter = { rungs, assessments, metBefore, organizerIds: await organizersInView(store, options) };
    const shown = await store.people.summaries(filter, options.json ? undefined : MAX_TABLE_ROWS);
    return { people: shown, total: shown.length < MAX_TABLE_ROWS || options.json ? shown.length : await store.people.summaryCount(filter) };
  });
  if (options.json) return printJson(people);
  if (people.length === 0) return printMessage('Nobody here yet. Add someone with: oneonone log "Ana Ruiz" (or oneonone start).');
  // The column appears once someone shown is assessed: a record that never rates anyone reads as it always did.
  const assessed = assessments !== undefined || people.some((person) => person.assessment > 0);
  const row = (person: PersonSummary) => [
    `#${person.id}`, person.name, person.rung, person.potential ?? '', ...(assessed ? [assessmentCell(person.assessment)] : []),
    daysAgo(person.lastMet), person.meetings, person.openAsks, person.openFollowups,
  ];
  const head = ['id', 'name', 'rung', 'potential', ...(assessed ? [assessmentWords.field] : []), 'last met', 'meetings', 'open asks', 'follow-ups'];
  printData(renderCappedTable(head, people, row, useColor(globals), 'see everyone with --json, or oneonone export people', total));
}

function assessmentCell(level: number): string {
  return level === 0 ? '' : assessmentShown(level);
}
