import { buildAgenda, CADENCE_CAP, cadenceWindowEnd, windowEnd, type AgendaItem, type AgendaWindow, type CadenceCandidate } from '../people/agenda.js';
import { DEFAULT_CADENCE, formatCadence, parseCadence, storedCadence, type CadenceDays } from '../people/cadence.js';
import { agendaCatalogue } from '../messages/agenda.js';
import { cadenceFromWords } from '../messages/config.js';
import { cadenceDays, chosenSetting, configFile, type SettingSource } from '../support/config.js';
import type { CoachNote } from '../store/coach.js';
import type { SettingsReader, Store } from '../store/contract.js';
import { DomainError } from '../support/errors.js';
import { writePrivateFile } from '../support/private-file.js';
import { agendaJson, agendaSummary, cadenceJson, coachNotesJson, moreDueLine, renderAgenda, renderCadence, renderCoachNotes } from '../ui/followups.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';
import { organizersInView } from './scope.js';

export interface FollowupsOptions {
  days?: number;
  all?: boolean;
  overdue?: boolean;
  person?: string;
  cadence?: string | true;
  ics?: string;
  json?: boolean;
  team?: boolean;
  organizer?: string;
}

export const CADENCE_SETTING = 'cadence';
export const DEFAULT_DAYS = 7;

export async function run(options: FollowupsOptions, globals: GlobalOptions): Promise<void> {
  if (options.cadence !== undefined) return runCadence(options, globals);
  const window = chooseWindow(options);
  const now = new Date();
  const { items, moreDue, person, coachNotes } = await withStore(globals, 'read', async (store) => ({
    ...(await agendaOf(store, options.person, window, now, await organizersInView(store, options))),
    coachNotes: await unreadCoachNotes(store, options),
  }));
  await show({ items, moreDue, coachNotes }, window, person, options, globals, now);
}

/** On a team server, the notes a coach wrote on this login's meetings, until read in review (nothing in a file). */
async function unreadCoachNotes(store: Store, options: FollowupsOptions): Promise<CoachNote[]> {
  // One person's list is about them, and a calendar file about dates: neither carries the notes.
  if (options.person !== undefined || options.ics !== undefined || !store.coach) return [];
  return store.coach.unread();
}

async function agendaOf(store: Store, personInput: string | undefined, window: AgendaWindow, now: Date, organizerIds: number[] | undefined) {
  const person = personInput === undefined ? undefined : await findPerson(store.people, personInput);
  const cadence = await cadenceOf(store.settings);
  const until = windowEnd(window, now);
  const filter = { until: until === null ? null : until.toISOString(), personId: person?.id, organizerIds };
  // Cadence reminders are capped (the most overdue first) unless --all or one person is asked for.
  const cadenceEnd = cadenceWindowEnd(window, now);
  let due: CadenceCandidate[];
  let moreDue = 0;
  if (cadenceEnd === null || person !== undefined) {
    due = await store.agenda.cadenceDue({ ...filter, until: cadenceEnd === null ? null : cadenceEnd.toISOString() }, cadence);
  } else {
    const first = await store.agenda.cadenceDueFirst(cadenceEnd, cadence, CADENCE_CAP, -now.getTimezoneOffset(), organizerIds);
    due = first.people;
    moreDue = first.total - first.people.length;
  }
  const sources = { followUps: await store.agenda.openFollowUps(filter), asks: await store.agenda.openAsks(filter), cadence: due };
  return { items: buildAgenda(sources, cadence, window, now), moreDue, person: person?.name };
}

export async function cadenceOf(settings: SettingsReader): Promise<CadenceDays> {
  return (await cadenceAndSource(settings)).cadence;
}

/**
 * The database's own cadence (set with --cadence) is the record's and wins: it travels with the file and, on a team
 * server, is the team's. The config file's applies to a database that has none, over the defaults.
 */
export async function cadenceAndSource(settings: SettingsReader): Promise<{ cadence: CadenceDays; source: SettingSource; file: string }> {
  const stored = await settings.get(CADENCE_SETTING);
  if (stored !== undefined) return { cadence: storedCadence(stored), source: 'database', file: configFile() };
  const configured = chosenSetting('cadence', undefined);
  return { cadence: configured.value ? cadenceDays(configured.value) : DEFAULT_CADENCE, source: configured.source, file: configFile() };
}

/** --days, --all and --overdue pick one window; --person alone means everything open with that person. */
function chooseWindow(options: FollowupsOptions): AgendaWindow {
  const chosen = [options.days !== undefined && '--days', options.all && '--all', options.overdue && '--overdue'].filter(Boolean);
  if (chosen.length > 1) {
    throw new DomainError('followups.two-windows', { options: chosen as string[] });
  }
  if (options.overdue) return { kind: 'overdue' };
  if (options.all) return { kind: 'all' };
  if (options.days !== undefined) return { kind: 'ahead', days: options.days };
  return options.person !== undefined ? { kind: 'all' } : { kind: 'ahead', days: DEFAULT_DAYS };
}

interface Shown {
  items: AgendaItem[];
  /** People due a 1:1 in the window beyond the cap, told in one line after the list (on stderr with --json). */
  moreDue: number;
  /** Unread, shown above the list (first in --json). */
  coachNotes: CoachNote[];
}

async function show({ items, moreDue, coachNotes }: Shown, window: AgendaWindow, person: string | undefined, options: FollowupsOptions, globals: GlobalOptions, now: Date): Promise<void> {
  if (options.ics !== undefined) {
    // The iCalendar writer (ics, with its validation library) loads only when a file is asked for.
    const { agendaCalendar } = await import('../ui/calendar.js');
    writePrivateFile(options.ics, agendaCalendar(items, now));
    printMessage(agendaCatalogue().wroteCalendar(items.length, options.ics));
  }
  if (options.json) {
    printJson([...coachNotesJson(coachNotes), ...agendaJson(items)]);
    if (moreDue > 0) printMessage(moreDueLine(moreDue));
    return;
  }
  if (coachNotes.length > 0) printData(renderCoachNotes(coachNotes, useColor(globals)));
  if (items.length === 0) return printMessage(emptyLine(window, person));
  printData(renderAgenda(items, now, useColor(globals)));
  if (moreDue > 0) printMessage(moreDueLine(moreDue));
  printMessage(agendaSummary(items, now));
}

function emptyLine(window: AgendaWindow, person: string | undefined): string {
  return agendaCatalogue().empty(window, person);
}

/** `--cadence` shows the days; `--cadence leader=10,...` changes the named ones and shows the result. */
async function runCadence(options: FollowupsOptions, globals: GlobalOptions): Promise<void> {
  const others = [options.days !== undefined && '--days', options.all && '--all', options.overdue && '--overdue', options.person !== undefined && '--person', options.ics !== undefined && '--ics']
    .filter(Boolean);
  if (others.length) throw new DomainError('followups.cadence-alone', { others: others as string[] });
  const setting = options.cadence === true ? undefined : options.cadence!;
  if (setting === undefined) {
    const { cadence, source, file } = await withStore(globals, 'read', (store) => cadenceAndSource(store.settings));
    printCadence(cadence, options, globals);
    if (!options.json) printMessage(cadenceFromWords(source, file));
    return;
  }
  parseCadence(setting); // refused before a database is made for it
  const cadence = await withStore(globals, 'write', (store) =>
    store.write(async (tx) => {
      const changed = parseCadence(setting, await cadenceOf(tx.settings));
      await tx.settings.set(CADENCE_SETTING, formatCadence(changed));
      return changed;
    }, { kind: 'cadence' }),
  );
  printMessage(agendaCatalogue().savedCadence(formatCadence(cadence)));
  printCadence(cadence, options, globals);
}

function printCadence(cadence: CadenceDays, options: FollowupsOptions, globals: GlobalOptions): void {
  if (options.json) printJson(cadenceJson(cadence));
  else printData(renderCadence(cadence, useColor(globals)));
}
