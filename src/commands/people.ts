import { subDays } from 'date-fns';
import { parseRung, rungsFrom } from '../people/ladder.js';
import { assessmentShown } from '../messages/assessment.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { peopleWords } from '../messages/people.js';
import { parseAssessments } from '../people/assessment.js';
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
  const words = peopleWords();
  if (people.length === 0) return printMessage(words.nobody);
  const { daysAgo } = formats();
  // The column appears once someone shown is assessed: a record that never rates anyone reads as it always did.
  const assessed = assessments !== undefined || people.some((person) => person.assessment > 0);
  const row = (person: PersonSummary) => [
    `#${person.id}`, person.name, rungLabel(person.rung), person.potential ?? '', ...(assessed ? [assessmentCell(person.assessment)] : []),
    daysAgo(person.lastMet), person.meetings, person.openAsks, person.openFollowups,
  ];
  printData(renderCappedTable(words.head(assessed), people, row, useColor(globals), words.seeEveryone, total));
}

function assessmentCell(level: number): string {
  return level === 0 ? '' : assessmentShown(level);
}
