/** The Spanish catalogues, loaded only when the run speaks Spanish (messages/speak.ts). */
import { speak } from '../spoken.js';
import { AGENDA_ES } from './agenda.js';
import { TABLE_ES } from './table.js';
import { ASSESSMENT_ES } from './assessment.js';
import { COACH_ES } from './coach.js';
import { FOLLOW_UP_ES } from './commitments.js';
import { DATES_ES } from './dates.js';
import { DEBRIEF_ES } from './debrief.js';
import { ERRORS_ES } from './errors.js';
import { LADDER_ES } from './ladder.js';
import { FORMAT_ES } from './format.js';
import { LIVE_ES, TALK_ES } from './meeting.js';
import { START_ES } from './start.js';
import { PERSON_LANGUAGE_ES } from './person-language.js';
import { DOCTOR_ES } from './doctor.js';
import { PRIVACY_ES } from './privacy.js';
import { SCORECARD_ES } from './scorecard.js';
import { TEMPLATES_ES } from './templates.js';
import { SENSITIVE_ES, TEAM_SENSITIVE_ES } from './sensitive.js';
import { TEAM_ES } from './team.js';
import { TEAM_WEEK_ES } from './team-week.js';
import { OUTBOX_ES } from './outbox.js';
import { IMPORT_LOCAL_ES } from './import-local.js';
import { MAP_REFUSALS_ES, SCALE_REFUSALS_ES, WEB_REFUSALS_ES } from './refusals.js';
import { USAGE_ES } from './usage.js';
import { WEB_ES } from './web.js';
import { MAP_ES } from './map.js';
import { STRUCTURE_ES } from './structure.js';
import { PEOPLE_ES } from './people.js';
import { UNDO_ES } from './undo.js';
import { LEADERS_ES } from './leaders.js';
import { STATS_ES } from './stats.js';
import { HABITS_ES } from './habits.js';
import { CONFIG_ES } from './config.js';
import { IMPORT_ES } from './import.js';
import { EXPORT_ES } from './export.js';
import { PROGRESS_ES } from './progress.js';

export function speakSpanish(): void {
  speak({ talk: TALK_ES, format: FORMAT_ES, live: LIVE_ES, doctor: DOCTOR_ES, privacy: PRIVACY_ES, templates: TEMPLATES_ES, sensitive: SENSITIVE_ES, start: START_ES, personLanguage: PERSON_LANGUAGE_ES, errors: ERRORS_ES, dates: DATES_ES, usage: USAGE_ES,
    webRefusals: WEB_REFUSALS_ES, mapRefusals: MAP_REFUSALS_ES, scaleRefusals: SCALE_REFUSALS_ES,
    web: WEB_ES, map: MAP_ES, structure: STRUCTURE_ES,
    debrief: DEBRIEF_ES, scorecard: SCORECARD_ES, followUp: FOLLOW_UP_ES, assessment: ASSESSMENT_ES, ladder: LADDER_ES, coach: COACH_ES,
    team: TEAM_ES, teamSensitive: TEAM_SENSITIVE_ES, teamWeek: TEAM_WEEK_ES, outbox: OUTBOX_ES, importLocal: IMPORT_LOCAL_ES,
    agenda: AGENDA_ES, table: TABLE_ES,
    people: PEOPLE_ES, undo: UNDO_ES,
    leaders: LEADERS_ES, stats: STATS_ES, habits: HABITS_ES,
    config: CONFIG_ES, import: IMPORT_ES, export: EXPORT_ES, progress: PROGRESS_ES,
  });
}
