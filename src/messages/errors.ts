/** The English for every refusal the domain makes, by code. A second language is a second catalogue of this shape. */
import { assessmentScale } from './assessment.js';
import { NOTE_TAGS } from '../meeting/tags.js';
import { MAX_CADENCE_DAYS } from '../people/cadence.js';
import { IMPORT_FIELDS } from '../people/import.js';
import { RUNGS } from '../people/ladder.js';
import { spokenCatalogues } from './spoken.js';
import { HANDOFF_NOTE_HINT, TEAM_NEEDS_SERVER_HINT } from './team.js';
import { GOAL_RANGE_HINT, WEEKS_RANGE_HINT } from './team-week.js';
import {
  DomainError, UserError, type DomainErrorCode, type DomainErrorParams, type Refusal, type TemplateProblem, type ValueSeen, type WriteProblem,
} from '../support/errors.js';

export interface ErrorWording {
  message: string;
  hint?: string;
}

export type ErrorCatalogue = { [C in DomainErrorCode]: (params: DomainErrorParams[C]) => ErrorWording };

const CADENCE_HINT = `e.g. --cadence leader=14,volunteer=30,other=60 (whole days from 1 to ${MAX_CADENCE_DAYS}; rungs: ${RUNGS.join(', ')}, or other)`;
const RUNG_HINT = `use one of ${RUNGS.map((name, index) => `${index + 1} ${name}`).join(', ')}`;
const NAME_HINT = 'type the name as plain text';
const SEE_OPEN = 'see what is open with: oneonone followups --all';
const NOT_TEXT_HINT = 'in your spreadsheet, save it as "CSV UTF-8" and import that file';

export const ERRORS: ErrorCatalogue = {
  'rung.unknown': ({ input }) => ({ message: `"${input}" is not a rung on the ladder`, hint: RUNG_HINT }),

  'cadence.empty': ({ input }) => ({ message: `"${input}" names no cadence`, hint: CADENCE_HINT }),
  'cadence.not-rung-days': ({ part }) => ({ message: `"${part}" is not rung=days`, hint: CADENCE_HINT }),
  'cadence.unknown-rung': ({ name }) => ({ message: `"${name}" is not a rung on the ladder`, hint: CADENCE_HINT }),
  'cadence.named-twice': ({ rung }) => ({ message: `the cadence names ${rung} twice`, hint: CADENCE_HINT }),
  'cadence.bad-counts': ({ given }) => ({
    message: `counts=${given} is not what a cadence counts`,
    hint: 'counts=contacts (a call or a door knock restarts the clock, as a 1:1 does) or counts=one-on-ones',
  }),
  'cadence.bad-days': ({ days, rung, most }) => ({
    message: `"${days}" days for ${rung} is not a whole number of days from 1 to ${most}`,
    hint: CADENCE_HINT,
  }),

  'name.empty': ({ field }) => ({ message: `the ${field} is empty`, hint: 'give the person\'s name, e.g. "Ana Ruiz"' }),
  'name.control-characters': ({ field }) => ({ message: `the ${field} contains control characters`, hint: NAME_HINT }),
  'name.direction-controls': ({ field }) => ({
    message: `the ${field} contains invisible text-direction controls`,
    hint: `${NAME_HINT}; names in Arabic, Hebrew and other right-to-left scripts display correctly without them`,
  }),
  'name.too-long': ({ field, length, most }) => ({
    message: `the ${field} is ${length} characters long; the most is ${most}`,
    hint: 'shorten it; put the rest in a note',
  }),

  'text.empty': ({ field }) => ({ message: `the ${field} is empty`, hint: `write the ${field} in words, or leave the option out` }),
  'text.control-characters': ({ field }) => ({
    message: `the ${field} contains control characters`,
    hint: 'type it as plain text (line breaks and tabs are fine)',
  }),
  'text.too-long': ({ field, length, most }) => ({
    message: `the ${field} is ${length} characters long; the most is ${most}`,
    hint: 'split it into several notes',
  }),
  'potential.out-of-range': ({ given }) => ({
    message: `leadership potential must be a whole number from 1 to 5 (got ${given})`,
    hint: '1 = no sign yet, 3 = shows promise, 5 = ready to lead now',
  }),
  'assessment.out-of-range': ({ given }) => ({
    message: `an assessment is a whole number from 0 to 5 (got ${given})`,
    hint: assessmentScale(),
  }),
  'email.invalid': ({ input }) => ({ message: `"${input}" is not an email address`, hint: 'e.g. ana@example.org' }),

  'import.map-not-pair': ({ mapping }) => ({
    message: `--map "${mapping}" is not header=field`,
    hint: `e.g. --map "Cell=phone"; fields: ${IMPORT_FIELDS.join(', ')}`,
  }),
  'import.map-unknown-field': ({ mapping, field }) => ({
    message: `--map "${mapping}": "${field}" is not a field oneonone knows`,
    hint: `the fields are ${IMPORT_FIELDS.join(', ')}`,
  }),
  'import.map-no-column': ({ header, field, columns }) => ({
    message: `--map "${header}=${field}": the file has no column "${header}"`,
    hint: `its columns are ${quotedList(columns)}`,
  }),
  'import.no-name-column': ({ columns }) => ({
    message: 'the file has no name column',
    hint: `name a column "Name" (or "First name" and "Last name"), or point at one with --map "Your header=name"; its columns are ${quotedList(columns)}`,
  }),
  'import.name-shared': ({ name, ids }) => ({
    message: `${ids.length} people are called "${name}" (${ids.map((id) => `#${id}`).join(', ')}); add an email or phone to say which`,
  }),

  'meeting.length-out-of-range': ({ minutes, most, template, lengths }) => ({
    message: `a meeting must last more than 0 and at most ${most} minutes (got ${minutes})`,
    hint: `'${template}' is meant to run for ${lengths.join(' or ')} minutes`,
  }),
  'meeting.too-short': ({ minutes, phases, template }) => ({
    message: `${minutes} minutes is too short for the ${phases} phases of '${template}'`,
    hint: 'every phase needs at least a second',
  }),

  'template.invalid': ({ file, path, problem }) => ({
    message: `template ${file.split(/[\\/]/).pop()}: ${path ? `${path} ` : ''}${templateProblem(problem)}`,
    hint: `fix ${file} or remove it; see 'oneonone templates show agenda' for a working example`,
  }),
  'templates.not-found': ({ name, closest, names }) => ({
    message: `no template named '${name}'`,
    hint: `${closest ? `did you mean '${closest}'? ` : ''}available: ${names.join(', ')}`,
  }),
  'templates.same-name': ({ name, first, second }) => ({
    message: `templates ${first} and ${second} are both named '${name}'`,
    hint: 'rename or remove one of them',
  }),
  'templates.folder-unreadable': ({ dir, reason }) => ({ message: `cannot read the templates folder ${dir}: ${reason}` }),
  'templates.file-unreadable': ({ file, reason }) => ({ message: `cannot read template ${file}: ${reason}`, hint: 'fix the file or remove it' }),
  'templates.show-needs-name': () => ({
    message: 'which template? templates show needs a name',
    hint: 'e.g. oneonone templates show agenda; list them with: oneonone templates',
  }),
  'templates.unknown-use': ({ words }) => ({ message: `unknown use of templates: "${words}"`, hint: 'oneonone templates, or oneonone templates show NAME' }),
  'limit.zero': () => ({ message: '--limit must be at least 1', hint: 'e.g. --limit 50' }),

  'id.not-on-list': ({ input, bare }) => ({
    message: `"${input}" is not an id from the follow-up list`,
    hint: bare !== null
      ? `add the kind in front: F${bare} (follow-up), A… (ask check-in) or C… (1:1 reminder)`
      : 'ids look like F12 (a follow-up), A7 (an ask check-in) or C3 (a 1:1 due); see them with: oneonone followups',
  }),
  'id.no-follow-up': ({ id }) => ({ message: `there is no follow-up F${id}`, hint: SEE_OPEN }),
  'id.no-ask': ({ id }) => ({ message: `there is no ask A${id}`, hint: SEE_OPEN }),
  'id.no-cadence-person': ({ id }) => ({ message: `nobody has the id #${id}, so there is no C${id}`, hint: SEE_OPEN }),
  'done.kept-and-broken': () => ({ message: '--kept and --broken contradict each other; give one', hint: 'use --kept if they did it, --broken if they did not' }),
  'done.change-alone': ({ item }) => ({ message: '--change goes with --kept or --broken', hint: `e.g. oneonone done ${item} --broken --change` }),
  'done.result-not-ask': ({ result, item, kind }) => ({
    message: `--${result} is for ask check-ins (ids starting with A); ${item} is ${{ followup: 'a follow-up', ask: 'an ask check-in', cadence: 'a 1:1 reminder' }[kind]}`,
    hint: `close it with: oneonone done ${item}`,
  }),
  'follow-up.closed': ({ id, person, what, on, moving }) => ({
    message: moving ? `F${id} was already closed on ${on}; nothing to move` : `F${id} (${person}: ${what}) was already closed on ${on}`,
    hint: SEE_OPEN,
  }),
  'ask.result-recorded': ({ id, result, on, same, wanted }) => ({
    message: `A${id} was already recorded as ${result} on ${on}${same ? '; nothing to change' : ''}`,
    hint: wanted === null ? SEE_OPEN : `to change it to ${wanted}: oneonone done A${id} --${wanted} --change`,
  }),
  'ask.result-stays': ({ id, result }) => ({ message: `A${id} stays recorded as ${result}`, hint: 'nothing was changed' }),
  'ask.no-check-in': ({ id, person, saidNo, text }) => ({
    message: `A${id} has no check-in: ${person} ${saidNo ? 'said no to' : 'gave no answer recorded to'} "${text}"`,
    hint: 'only asks answered yes or maybe are checked on',
  }),
  'ask.checked': ({ id, on }) => ({ message: `A${id} was already checked on ${on}`, hint: `record whether it was kept with: oneonone done A${id} --kept (or --broken)` }),
  'cadence.not-due': ({ id, person, due }) => ({
    message: `C${id} (${person}) is not due until ${due}; nothing to close`,
    hint: `it comes back by itself; move it with: oneonone snooze C${id} DATE`,
  }),
  'followups.two-windows': ({ options }) => ({ message: `${options.join(' and ')} pick different windows; give one`, hint: 'e.g. oneonone followups --days 14, --all or --overdue' }),
  'followups.cadence-alone': ({ others }) => ({
    message: `--cadence shows or sets the cadence only; leave out ${others.join(', ')}`,
    hint: 'list follow-ups with a separate oneonone followups',
  }),
  'undo.nothing': () => ({ message: 'there is nothing to undo', hint: 'undo reverses what log, start, done, snooze, edit, merge, delete and import changed' }),
  'undo.after-forget': () => ({
    message: 'the last change was a forget, which cannot be undone (nothing of the person was kept); nothing before it can be undone either',
    hint: 'a backup made before the forget still holds it: oneonone restore FILE',
  }),
  'undo.meeting-running': ({ name, pid }) => ({ message: `the meeting with ${name} is running in another terminal (process ${pid})`, hint: 'finish or stop it there, then undo' }),
  'delete.not-an-id': ({ input }) => ({
    message: `"${input}" is not the id of a meeting, note, ask or follow-up`,
    hint: 'ids look like M12, N40, A6 or F3 (see: oneonone show NAME); to erase a person use: oneonone forget NAME',
  }),
  'delete.no-record': ({ kind, item }) => ({ message: `there is no ${kind === 'followup' ? 'follow-up' : kind} ${item}`, hint: 'see the ids with: oneonone show NAME' }),
  'delete.meeting-running': ({ item }) => ({ message: `${item} is running in another terminal`, hint: 'end it there first' }),
  'search.unknown-tag': ({ input }) => ({ message: `there is no note tag "${input}"`, hint: `use one of: ${NOTE_TAGS.join(', ')} (e.g. --tag issue)` }),
  'search.no-words': ({ typed }) => ({ message: `nothing to search for in "${typed}": it has no letter or digit`, hint: 'give a word, e.g. oneonone search rent' }),
  'stats.since-future': ({ since }) => ({ message: `the start date "${since}" is in the future`, hint: 'e.g. --since "3 months ago" or --since 2026-09-01' }),
  'templates.yaml-and-json': () => ({ message: '--yaml and --json print the same template two ways; give one', hint: 'e.g. oneonone templates show agenda --yaml' }),
  'templates.yaml-alone': ({ dir }) => ({ message: '--yaml prints one template', hint: `e.g. oneonone templates show agenda --yaml > ${dir}/my-agenda.yaml` }),
  'export.out-is-database': ({ out }) => ({ message: `--out ${out} is your database itself`, hint: 'choose another file, e.g. --out meetings.csv' }),
  'export.stopped': ({ rows, reason, removed }) => ({
    message: `the export stopped after ${rows} rows: ${reason}`,
    hint: removed === null ? 'nothing was changed in your database' : `the unfinished ${removed} was removed; nothing was changed in your database`,
  }),
  'export.cannot-open': ({ path, reason }) => ({ message: `cannot write ${path}: ${reason}`, hint: 'check the folder is writable and the disk has room' }),
  'merge.same-person': ({ first, second, id }) => ({
    message: `"${first}" and "${second}" are the same person (#${id})`,
    hint: 'merge names the duplicate first, then the person to keep: oneonone merge "#7" "#3"',
  }),
  'structure.csv-and-json': () => ({ message: '--csv and --json are two ways to print it: choose one', hint: 'e.g. oneonone structure --csv > chart.csv' }),
  'team.on-a-file': ({ location, handing }) => ({
    message: handing === null ? `there is no team in a file: the record is ${location}` : `there is no team to hand ${handing} to: the record is ${location}`,
    hint: TEAM_NEEDS_SERVER_HINT,
  }),
  'team.no-login': ({ name }) => ({ message: `cannot make a login from the name ${name}`, hint: 'give one: --login LOGIN' }),
  'handoff.no-note': () => ({ message: 'a handoff needs an introduction', hint: HANDOFF_NOTE_HINT }),
  'push.on-a-file': ({ location }) => ({ message: `there is no server to send to: the record is the file ${location}`, hint: 'push is for a team server: --db postgres://… or ONEONONE_DB' }),
  'team-week.bad-weeks': ({ weeks }) => ({ message: `--weeks ${weeks} is not a number of weeks to review`, hint: WEEKS_RANGE_HINT }),
  'team-week.bad-goal': ({ weekly }) => ({ message: `--weekly ${weekly} is not a weekly goal`, hint: GOAL_RANGE_HINT }),
  'forget.meeting-running': ({ name, id, pid }) => ({
    message: `${name}'s meeting (#${id}) is running in another terminal (process ${pid}); not forgetting them now`,
    hint: 'end the meeting there first (Ctrl-C keeps it as a draft), then forget',
  }),
  'forget.name-mismatch': ({ name }) => ({ message: `${name} was not forgotten: the name typed did not match`, hint: 'nothing was changed' }),
  'log.date-future': ({ input }) => ({
    message: `the meeting date "${input}" is in the future`,
    hint: 'log records meetings that happened; use oneonone start when the meeting begins',
  }),
  'log.rung-reason-alone': () => ({ message: '--rung-reason needs a rung', hint: 'add --rung, e.g. --rung participant --rung-reason "agreed to talk to neighbors"' }),
  'log.followup-note-alone': () => ({ message: '--followup-note needs a date', hint: 'add --followup "next tuesday 6pm"' }),
  'log.unknown-did': ({ item, items }) => ({ message: `--did: "${item}" is not one of ${items.join(', ')}`, hint: 'oneonone log "Ana Ruiz" --did purpose,their-story …' }),
  'log.refers-self': ({ name, flag }) => ({
    message: `${name} cannot refer themselves`,
    hint: flag === '--referral' ? '--referral names someone they connected you to' : '--referred-by names who connected you to them',
  }),
  'log.referrer-differs': ({ name, current, id }) => ({
    message: `${name} was referred by ${current} (#${id}); --referred-by would replace that`,
    hint: 'add --replace-referred-by to change it, or leave --referred-by out',
  }),
  'ask.unknown-outcome': ({ input }) => ({ message: `"${input}" is not an outcome`, hint: 'the outcome of an ask is yes, maybe or no' }),

  'import.map-on-sheet': ({ file, sheet }) => ({ message: '--map reads the columns of a people sheet', hint: `${file} is read by its own columns, as export ${sheet} writes them` }),
  'import.no-people': ({ file }) => ({ message: `${file} has a header row but no people in it`, hint: 'add one row per person under the header' }),
  'import.bad-rows': ({ lines, good, dryRun }) => ({
    message: `${dryRun ? 'nothing would be imported' : 'nothing was imported'}: ${lines.length} bad row${lines.length === 1 ? '' : 's'} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`,
    hint: `fix ${lines.length === 1 ? 'it' : 'them'} in the file, or add --skip-bad to import the other ${good} row${good === 1 ? '' : 's'}`,
  }),
  'import.bad-delimiter': ({ input }) => ({ message: `--delimiter "${input}" is not one separator character`, hint: 'e.g. --delimiter ";" or --delimiter tab' }),
  'import.not-text': ({ file, nul }) => ({ message: `${file} is not a text file (it holds NUL ${nul})`, hint: NOT_TEXT_HINT }),
  'import.bad-encoding': ({ file, encoding, bom }) => ({
    message: bom ? `${file} starts as ${encoding} but is not valid ${encoding} text` : `${file} is not valid ${encoding} text`,
    hint: NOT_TEXT_HINT,
  }),
  'import.no-file': ({ file }) => ({ message: `no file at ${file}`, hint: 'check the path; oneonone imports a CSV file with a header row' }),
  'import.folder': ({ file }) => ({ message: `${file} is a folder`, hint: 'give the CSV file inside it' }),
  'import.too-big': ({ file, megabytes }) => ({ message: `${file} is ${megabytes} MB; the most oneonone imports at once is 50 MB`, hint: 'split it into smaller files and import each' }),
  'import.empty': ({ file }) => ({ message: `${file} is empty`, hint: 'save the sheet as CSV with a header row (Name, Email, Phone, …)' }),
  'import.no-header': ({ file }) => ({ message: `${file} has no header row`, hint: 'the first line should name the columns, e.g. Name,Email,Phone' }),
  'import.quote-unclosed': ({ file, line }) => ({
    message: `${file}: the quote opened on line ${line} is never closed`,
    hint: 'close it on that line; a quote inside a quoted field is written twice ("")',
  }),
  'import.unreadable-csv': ({ file, line, reason }) => ({
    message: `${file} cannot be read as CSV near line ${line}: ${reason}`,
    hint: 'check the quotes on that line, or the separator (--delimiter ";")',
  }),
  'database.not-ours': ({ place, server, why, restore }) => ({
    message: `${server ? `the PostgreSQL database at ${place}` : place} is not a oneonone database: ${why}`,
    hint: server
      ? 'point --db or ONEONONE_DB at an empty database (createdb oneonone) or one oneonone made'
      : `check the --db path or ONEONONE_DB; ${restore ? 'if it was your record, restore your latest backup: oneonone restore FILE' : 'the file was left untouched'}`,
  }),

  'person.no-id': ({ id }) => ({ message: `nobody has the id #${id}`, hint: "see everyone's id with: oneonone people" }),
  'person.nobody-called': ({ input, close }) => ({
    message: `nobody called "${input}"`,
    hint: close.length ? `did you mean ${close.map((name) => `"${name}"`).join(' or ')}?` : 'see everyone with: oneonone people',
  }),

  'person.ambiguous': ({ input, count, list, firstId }) => ({ message: `"${input}" could be ${count} people: ${list}`, hint: `name one by its id, e.g. "#${firstId}"` }),
  'person.close': ({ input, count, namesakes, list, firstId, flag, name }) => ({
    message: `"${input}" ${namesakes ? `could be ${count} people` : `is close to ${count === 1 ? 'someone' : `${count} people`} you know`}: ${list}`,
    hint: `name the one you mean by id, e.g. "#${firstId}"; or add ${flag} to add ${name} as a new person`,
  }),

  'file.cannot-write': ({ path, why, folder, option }) => ({
    message: `cannot write ${path}: ${writeProblem(why, folder)}`,
    hint: option === undefined
      ? 'check that the folder exists and is writable, or choose another file'
      : why === 'is-folder' ? `give a file name, e.g. ${option} meetings.csv` : `create the folder first, or choose another ${option}`,
  }),
  'backup.no-file-name': () => ({ message: 'the backup needs a file name', hint: 'e.g. oneonone backup ~/Backups/oneonone-2026-11-24.db' }),
  'backup.is-database': () => ({ message: 'the backup cannot be the database itself', hint: 'give a path to a new file' }),
  'backup.exists': ({ target, raced }) => ({
    message: `${target} already exists; a backup never replaces a file`,
    hint: raced ? 'give a new file name' : 'give a new file name, e.g. one with today\'s date, or delete the old file first',
  }),
  'backup.no-folder': ({ folder }) => ({ message: `the folder ${folder} does not exist`, hint: 'create it first, or choose another folder' }),
  'restore.no-file': ({ path }) => ({ message: `there is no file ${path}`, hint: 'give the path of a file made by oneonone backup' }),
  'restore.in-use': ({ path }) => ({ message: `${path} is the database in use`, hint: 'give the path of a backup file' }),
  'restore.declined': () => ({ message: 'nothing was restored', hint: 'the database was left as it was' }),
  'restore.meeting-running': ({ name, id, pid }) => ({
    message: `the meeting with ${name} (#${id}) is running in another terminal (process ${pid}); a restore now would lose it`,
    hint: 'finish it there, or stop it with Ctrl-C (it stays a draft), then restore',
  }),
  'restore.not-confirmed': ({ file }) => ({
    message: 'not replacing the database without a confirmation',
    hint: `there is no terminal to ask in; add --yes: oneonone restore "${file}" --yes`,
  }),
  'forget.not-confirmed': ({ name, id }) => ({
    message: `not forgetting ${name} without a confirmation`,
    hint: `there is no terminal to ask in; add --yes to erase them: oneonone forget "#${id}" --yes`,
  }),
};

function writeProblem(why: WriteProblem, folder: string): string {
  if (typeof why === 'object') return why.code;
  return {
    'no-folder': `the folder ${folder} does not exist`, 'is-folder': 'it is a folder', permission: 'permission denied',
    'read-only': 'the disk is read-only', 'disk-full': 'the disk is full',
  }[why];
}

/** What the organizer reads for an error: a refusal worded from its code, a plain UserError as it was written. */
export function errorText(error: UserError | Refusal): ErrorWording {
  if (error instanceof UserError && !(error instanceof DomainError)) {
    return error.hint === undefined ? { message: error.message } : { message: error.message, hint: error.hint };
  }
  return say(error as Refusal);
}

function say<C extends DomainErrorCode>({ code, params }: Refusal<C>): ErrorWording {
  return (spokenCatalogues()?.errors ?? ERRORS)[code](params);
}

function templateProblem(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `is not a template oneonone can read: ${problem.reason}`;
    case 'invalid-yaml':
      return `is not valid YAML${problem.at ? ` at line ${problem.at.line}, column ${problem.at.col}` : ''}: ${problem.reason}`;
    case 'not-mapping':
      return `must be a mapping of fields (got ${seenWords(problem.got)})`;
    case 'unknown-field':
      return `has an unknown field '${problem.field}' (allowed: ${problem.allowed.join(', ')})`;
    case 'missing':
      return 'is missing';
    case 'not-text':
      return `must be text (got ${seenWords(problem.got)})`;
    case 'empty-text':
      return 'must not be empty';
    case 'control-characters':
      return 'contains control characters (such as NUL or escape); write it as plain text';
    case 'bad-name':
      return `must be lowercase letters, digits and dashes (got ${seenWords(problem.got)})`;
    case 'not-kebab-case':
      return `must be kebab-case, like 'follow-up' (got ${seenWords(problem.got)})`;
    case 'not-positive':
      return `must be a positive number (got ${seenWords(problem.got)})`;
    case 'too-many-minutes':
      return `must be at most ${problem.most} minutes (got ${problem.minutes})`;
    case 'phases-too-long':
      return `add up to ${problem.minutes} minutes; a meeting can be at most ${problem.most}`;
    case 'not-share':
      return `must be a number from 0 to 1, like 0.2 for the 80/20 rule (got ${seenWords(problem.got)})`;
    case 'not-list':
      return `must be a list (got ${seenWords(problem.got)})`;
    case 'not-yes-no':
      return `must be true or false (got ${seenWords(problem.got)})`;
    case 'no-lengths':
      return 'must list at least one meeting length';
    case 'unknown-language':
      return `must be a language oneonone speaks: ${problem.known.join(' or ')} (got ${seenWords(problem.got)})`;
    case 'no-note-tags':
      return 'must list at least one note tag';
    case 'unknown-note-tag':
      return `'${problem.tag}' is not a note tag (known: ${NOTE_TAGS.join(', ')})`;
    case 'unknown-score-item':
      return `'${problem.item}' is not a scorecard item (known: ${problem.known.join(', ')})`;
    case 'no-phases':
      return 'must list at least one phase';
    case 'duplicate-key':
      return `'${problem.key}' is used by an earlier phase; keys must be unique`;
  }
}

function seenWords(seen: ValueSeen): string {
  if (typeof seen === 'object') return seen.written;
  return { nothing: 'nothing', empty: 'an empty value', list: 'a list', mapping: 'a mapping' }[seen];
}

function quotedList(items: string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}
