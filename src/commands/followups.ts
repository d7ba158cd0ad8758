import { existsSync } from 'node:fs';
import { buildAgenda, CADENCE_CAP, cadenceWindowEnd, windowEnd, type AgendaItem, type AgendaWindow, type CadenceCandidate } from '../people/agenda.js';
import { formatCadence, parseCadence, storedCadence, type CadenceDays } from '../people/cadence.js';
import type { Store } from '../store/index.js';
import { FollowUpStore } from '../store/followups.js';
import { SettingsStore } from '../store/settings.js';
import { UsageError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { writePrivateFile } from '../support/private-file.js';
import { agendaJson, agendaSummary, cadenceJson, moreDueLine, renderAgenda, renderCadence } from '../ui/followups.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { storeFor, useColor, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface FollowupsOptions {
  days?: number;
  all?: boolean;
  overdue?: boolean;
  person?: string;
  cadence?: string | true;
  ics?: string;
  json?: boolean;
}

export const CADENCE_SETTING = 'cadence';
export const DEFAULT_DAYS = 7;

export async function run(options: FollowupsOptions, globals: GlobalOptions): Promise<void> {
  if (options.cadence !== undefined) return runCadence(options, globals);
  const window = chooseWindow(options);
  const now = new Date();
  if (!existsSync(databasePath(globals.db))) return show([], 0, window, undefined, options, globals, now);
  const store = storeFor(globals, { create: false });
  try {
    const person = options.person === undefined ? undefined : findPerson(store, options.person);
    const cadence = cadenceOf(store);
    const followUps = new FollowUpStore(store.db);
    const until = windowEnd(window, now);
    const filter = { until: until === null ? null : until.toISOString(), personId: person?.id };
    // Cadence reminders are capped (the most overdue first) unless --all or one person is asked for.
    const cadenceEnd = cadenceWindowEnd(window, now);
    let due: CadenceCandidate[];
    let moreDue = 0;
    if (cadenceEnd === null || person !== undefined) {
      due = followUps.cadenceDue({ ...filter, until: cadenceEnd === null ? null : cadenceEnd.toISOString() }, cadence);
    } else {
      const first = followUps.cadenceDueFirst(cadenceEnd, cadence, CADENCE_CAP, -now.getTimezoneOffset());
      due = first.people;
      moreDue = first.total - first.people.length;
    }
    const items = buildAgenda({ followUps: followUps.openFollowUps(filter), asks: followUps.openAsks(filter), cadence: due }, cadence, window, now);
    await show(items, moreDue, window, person?.name, options, globals, now);
  } finally {
    store.close();
  }
}

export function cadenceOf(store: Store): CadenceDays {
  return storedCadence(new SettingsStore(store.db).get(CADENCE_SETTING));
}

/** --days, --all and --overdue pick one window; --person alone means everything open with that person. */
function chooseWindow(options: FollowupsOptions): AgendaWindow {
  const chosen = [options.days !== undefined && '--days', options.all && '--all', options.overdue && '--overdue'].filter(Boolean);
  if (chosen.length > 1) {
    throw new UsageError(`${chosen.join(' and ')} pick different windows; give one`, 'e.g. oneonone followups --days 14, --all or --overdue');
  }
  if (options.overdue) return { kind: 'overdue' };
  if (options.all) return { kind: 'all' };
  if (options.days !== undefined) return { kind: 'ahead', days: options.days };
  return options.person !== undefined ? { kind: 'all' } : { kind: 'ahead', days: DEFAULT_DAYS };
}

/** `moreDue`: people due a 1:1 in the window beyond the cap, told in one line after the list (on stderr with --json). */
async function show(
  items: AgendaItem[], moreDue: number, window: AgendaWindow, person: string | undefined, options: FollowupsOptions, globals: GlobalOptions, now: Date,
): Promise<void> {
  if (options.ics !== undefined) {
    // The iCalendar writer (ics, with its validation library) loads only when a file is asked for.
    const { agendaCalendar } = await import('../ui/calendar.js');
    writePrivateFile(options.ics, agendaCalendar(items, now));
    printMessage(`Wrote ${items.length} item${items.length === 1 ? '' : 's'} to ${options.ics} (only you can read it: it has people's names).`);
  }
  if (options.json) {
    printJson(agendaJson(items));
    if (moreDue > 0) printMessage(moreDueLine(moreDue));
    return;
  }
  if (items.length === 0) return printMessage(emptyLine(window, person));
  printData(renderAgenda(items, now, useColor(globals)));
  if (moreDue > 0) printMessage(moreDueLine(moreDue));
  printMessage(agendaSummary(items, now));
}

function emptyLine(window: AgendaWindow, person: string | undefined): string {
  if (person !== undefined) {
    if (window.kind === 'overdue') return `Nothing late with ${person}.`;
    return window.kind === 'all' ? `Nothing open with ${person}.` : `Nothing due with ${person} in the next ${window.days} days.`;
  }
  if (window.kind === 'overdue') return 'Nothing is late. Well kept.';
  if (window.kind === 'all') return 'Nothing open: no follow-ups, no check-ins, nobody due a 1:1. Record a meeting with: oneonone log';
  if (window.days === 0) return 'Nothing due today and nothing late. A good day to set up a 1:1.';
  return `Nothing due in the next ${window.days} day${window.days === 1 ? '' : 's'} and nothing late. A good day to set up a 1:1.`;
}

/** `--cadence` shows the days; `--cadence leader=10,...` changes the named ones and shows the result. */
function runCadence(options: FollowupsOptions, globals: GlobalOptions): void {
  const others = [options.days !== undefined && '--days', options.all && '--all', options.overdue && '--overdue', options.person !== undefined && '--person', options.ics !== undefined && '--ics']
    .filter(Boolean);
  if (others.length) throw new UsageError(`--cadence shows or sets the cadence only; leave out ${others.join(', ')}`, 'list follow-ups with a separate oneonone followups');
  const setting = options.cadence === true ? undefined : options.cadence!;
  if (setting === undefined && !existsSync(databasePath(globals.db))) return printCadence(storedCadence(undefined), options, globals);
  const store = storeFor(globals, { create: setting !== undefined });
  try {
    let cadence = cadenceOf(store);
    if (setting !== undefined) {
      cadence = parseCadence(setting, cadence);
      const stored = formatCadence(cadence);
      store.write(() => new SettingsStore(store.db).set(CADENCE_SETTING, stored));
      printMessage(`Saved the cadence: ${stored}.`);
    }
    printCadence(cadence, options, globals);
  } finally {
    store.close();
  }
}

function printCadence(cadence: CadenceDays, options: FollowupsOptions, globals: GlobalOptions): void {
  if (options.json) printJson(cadenceJson(cadence));
  else printData(renderCadence(cadence, useColor(globals)));
}
