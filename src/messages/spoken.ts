/**
 * The catalogues of the language this run speaks, where it is not English. Each English module keeps its words in an
 * object of a named shape (for example `TalkWords` in meeting.ts) and asks here for the other language's object of
 * that shape; `messages/es/` holds the Spanish ones, loaded only in Spanish (speak.ts), so English loads nothing more.
 */
import type { AgendaWords } from './agenda.js';
import type { TableWords } from './table.js';
import type { AssessmentWords, ScaleRefusalWords } from './assessment.js';
import type { CoachWords } from './coach.js';
import type { FollowUpWords } from './commitments.js';
import type { FormatWords } from './format.js';
import type { DateWords } from './dates.js';
import type { DebriefWords } from './debrief.js';
import type { ErrorCatalogue } from './errors.js';
import type { LadderWords } from './ladder.js';
import type { MapRefusalWords, MapWords } from './map.js';
import type { LiveWords, TalkWords } from './meeting.js';
import type { StartWords } from './start.js';
import type { PersonLanguageWords } from './person-language.js';
import type { DoctorWords } from './doctor.js';
import type { PrivacyWords } from './privacy.js';
import type { ScorecardWords } from './scorecard.js';
import type { TemplateWords } from './templates.js';
import type { SensitiveWords, TeamSensitiveWords } from './sensitive.js';
import type { TeamWords } from './team.js';
import type { TeamWeekWords } from './team-week.js';
import type { OutboxWords } from './outbox.js';
import type { ImportLocalWords } from './import-local.js';
import type { UsageWords } from './usage.js';
import type { PeopleWords } from './people.js';
import type { UndoWords } from './undo.js';
import type { StructureWords } from './structure.js';
import type { WebRefusalWords, WebWords } from './web.js';
import type { LeadersWords } from './leaders.js';
import type { StatsWords } from './stats.js';
import type { HabitWords } from './habits.js';
import type { ConfigWords } from './config.js';
import type { ImportWords } from './import.js';
import type { ExportWords } from './export.js';
import type { ProgressWords } from './progress.js';

/** Every catalogue another language must give: the compiler refuses a Spanish set that lacks one, or a message of one. */
export interface Catalogues {
  talk: TalkWords;
  format: FormatWords;
  live: LiveWords;
  doctor: DoctorWords;
  privacy: PrivacyWords;
  templates: TemplateWords;
  sensitive: SensitiveWords;
  start: StartWords;
  personLanguage: PersonLanguageWords;
  /** Refusals: by code, of dates, and of the command line (with the label of a hint). */
  errors: ErrorCatalogue;
  dates: DateWords;
  usage: UsageWords;
  webRefusals: WebRefusalWords;
  mapRefusals: MapRefusalWords;
  /** The web of relationships: touch, relate, units, the profile's ties; the power map; the structure test chart. */
  web: WebWords;
  map: MapWords;
  structure: StructureWords;
  scaleRefusals: ScaleRefusalWords;
  debrief: DebriefWords;
  scorecard: ScorecardWords;
  followUp: FollowUpWords;
  assessment: AssessmentWords;
  ladder: LadderWords;
  coach: CoachWords;
  /** The team on a server: team, team words, team week, handoff, push and what waits to be sent, import-local. */
  team: TeamWords;
  teamSensitive: TeamSensitiveWords;
  teamWeek: TeamWeekWords;
  outbox: OutboxWords;
  importLocal: ImportLocalWords;
  /** The morning list (followups, its calendar) and what done and snooze say. */
  agenda: AgendaWords;
  /** A table's own chrome, in any listing. */
  table: TableWords;
  /** The record of people: people, show, search, log's read-back, edit, merge, delete; and undo. */
  people: PeopleWords;
  undo: UndoWords;
  /** How the organizer is doing: leaders, ladder, and stats' charts and habits. */
  leaders: LeadersWords;
  stats: StatsWords;
  habits: HabitWords;
  /** The settings and the sheets: config, import's summary of a people sheet, export's confirmation, a progress line. */
  config: ConfigWords;
  import: ImportWords;
  export: ExportWords;
  progress: ProgressWords;
}

let spoken: Catalogues | undefined;

/** The catalogues that speak from now on; undefined is English again. */
export function speak(catalogues: Catalogues | undefined): void {
  spoken = catalogues;
}

/** The catalogues of this run's language, or undefined in English. */
export function spokenCatalogues(): Catalogues | undefined {
  return spoken;
}

/**
 * An object of words that answers in the run's language each time one of its members is read: for a set of refusals
 * used as `webRefusals.badKind(input)` throughout the commands, so they need no change to speak another language.
 */
export function spokenOr<T extends object>(english: T, pick: (catalogues: Catalogues) => T): T {
  const words = {} as T;
  for (const key of Object.keys(english) as (keyof T)[]) {
    Object.defineProperty(words, key, { enumerable: true, get: () => (spoken ? pick(spoken) : english)[key] });
  }
  return words;
}

/** Words for a program rather than a person (a --json's texts), in English whatever the run speaks: JSON says the same in every language. */
export function inEnglish<T>(build: () => T): T {
  const was = spoken;
  spoken = undefined;
  try {
    return build();
  } finally {
    spoken = was;
  }
}
