import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERRORS, errorText } from '../../../src/messages/errors.js';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { speak } from '../../../src/messages/spoken.js';
import {
  DomainError, EXIT, UsageError, UserError, refusal, type DomainErrorCode, type DomainErrorParams, type TemplateProblem,
} from '../../../src/support/errors.js';
import { reportError } from '../../../src/ui/errors.js';

/** One example of every code the domain can refuse with: the type makes this list whole. */
const EXAMPLES: { [C in DomainErrorCode]: DomainErrorParams[C] } = {
  'rung.unknown': { input: 'boss' },
  'cadence.empty': { input: ' , ' },
  'cadence.not-rung-days': { part: 'leader' },
  'cadence.unknown-rung': { name: 'boss' },
  'cadence.named-twice': { rung: 'leader' },
  'cadence.bad-days': { days: '0', rung: 'leader', most: 365 },
  'cadence.bad-counts': { given: 'calls' },
  'name.empty': { field: 'name' },
  'name.control-characters': { field: 'name' },
  'name.direction-controls': { field: 'referral name' },
  'name.too-long': { field: 'name', length: 201, most: 200 },
  'text.empty': { field: 'ask' },
  'text.control-characters': { field: 'ask' },
  'text.too-long': { field: 'ask', length: 10_001, most: 10_000 },
  'potential.out-of-range': { given: 6 },
  'assessment.out-of-range': { given: 7 },
  'email.invalid': { input: 'nope' },
  'import.map-not-pair': { mapping: 'Cell' },
  'import.map-unknown-field': { mapping: 'Parish=church', field: 'church' },
  'import.map-no-column': { header: 'Cell', field: 'phone', columns: ['Name'] },
  'import.no-name-column': { columns: ['Email'] },
  'import.name-shared': { name: 'Bo Chen', ids: [8, 9] },
  'meeting.length-out-of-range': { minutes: 0, most: 240, template: 'agenda', lengths: [30, 60] },
  'meeting.too-short': { minutes: 0.05, phases: 5, template: 'agenda' },
  'template.invalid': { file: 'dir/bad.yaml', path: 'name', problem: { kind: 'missing' } },
  'templates.not-found': { name: 'agneda', closest: 'agenda', names: ['agenda'] },
  'templates.same-name': { name: 'quick', first: 'a.yaml', second: 'b.yaml' },
  'templates.folder-unreadable': { dir: '/t', reason: 'EACCES' },
  'templates.file-unreadable': { file: '/t/a.yaml', reason: 'EISDIR' },
  'templates.show-needs-name': {},
  'templates.unknown-use': { words: 'list' },
  'limit.zero': {},
  'id.not-on-list': { input: '12', bare: '12' },
  'id.no-follow-up': { id: 9 },
  'id.no-ask': { id: 9 },
  'id.no-cadence-person': { id: 9 },
  'person.no-id': { id: 9 },
  'person.ambiguous': { input: 'Ana', count: 2, list: '#1 Ana Ruiz; #4 Ana Lee', firstId: 1 },
  'person.close': { input: 'Ana Ruis', count: 1, namesakes: false, list: '#1 Ana Ruiz', firstId: 1, flag: '--new', name: 'Ana Ruis' },
  'done.kept-and-broken': {},
  'done.change-alone': { item: 'A7' },
  'done.result-not-ask': { result: 'kept', item: 'F3', kind: 'followup' },
  'follow-up.closed': { id: 3, person: 'Bo Chen', what: 'call about heating', on: '2026-11-20 18:00', moving: false },
  'ask.result-recorded': { id: 7, result: 'kept', on: '2026-11-20 18:00', same: false, wanted: 'broken' },
  'ask.result-stays': { id: 7, result: 'kept' },
  'ask.no-check-in': { id: 7, person: 'Bo Chen', saidNo: true, text: 'host a meeting' },
  'ask.checked': { id: 7, on: '2026-11-20 18:00' },
  'cadence.not-due': { id: 2, person: 'Bo Chen', due: '2026-12-20' },
  'followups.two-windows': { options: ['--days', '--all'] },
  'followups.cadence-alone': { others: ['--days'] },
  'undo.nothing': {},
  'undo.after-forget': {},
  'undo.meeting-running': { name: 'Ana Ruiz', pid: '412' },
  'delete.not-an-id': { input: 'Q1' },
  'delete.no-record': { kind: 'followup', item: 'F9' },
  'delete.meeting-running': { item: 'M3' },
  'search.unknown-tag': { input: 'feelings' },
  'search.no-words': { typed: '!!' },
  'stats.since-future': { since: 'tomorrow' },
  'templates.yaml-and-json': {},
  'templates.yaml-alone': { dir: '/c/templates' },
  'export.out-is-database': { out: 'data.db' },
  'export.stopped': { rows: 120, reason: 'EIO', removed: 'people.csv' },
  'export.cannot-open': { path: 'people.csv', reason: 'EACCES' },
  'merge.same-person': { first: 'Ana', second: '#1', id: 1 },
  'structure.csv-and-json': {},
  'team.on-a-file': { location: '/d/oneonone.db', handing: 'Ana Ruiz' },
  'team.no-login': { name: '李' },
  'handoff.no-note': {},
  'push.on-a-file': { location: '/d/oneonone.db' },
  'team-week.bad-weeks': { weeks: 0 },
  'team-week.bad-goal': { weekly: 0 },
  'forget.meeting-running': { name: 'Bo Chen', id: 4, pid: '412' },
  'forget.name-mismatch': { name: 'Bo Chen' },
  'log.date-future': { input: 'tomorrow' },
  'log.rung-reason-alone': {},
  'log.followup-note-alone': {},
  'log.unknown-did': { item: 'purpse', items: ['purpose', 'barriers'] },
  'log.refers-self': { name: 'Ana Ruiz', flag: '--referral' },
  'log.referrer-differs': { name: 'Carla Díaz', current: 'Ana Ruiz', id: 1 },
  'ask.unknown-outcome': { input: 'perhaps' },
  'import.map-on-sheet': { file: 'units.csv', sheet: 'units' },
  'import.no-people': { file: 'sheet.csv' },
  'import.bad-rows': { lines: [2, 5], good: 10, dryRun: false },
  'import.bad-delimiter': { input: ';;' },
  'import.not-text': { file: 'sheet.csv', nul: 'bytes' },
  'import.bad-encoding': { file: 'sheet.csv', encoding: 'UTF-8', bom: true },
  'import.no-file': { file: 'sheet.csv' },
  'import.folder': { file: 'sheets' },
  'import.too-big': { file: 'sheet.csv', megabytes: '60.0' },
  'import.empty': { file: 'sheet.csv' },
  'import.no-header': { file: 'sheet.csv' },
  'import.quote-unclosed': { file: 'sheet.csv', line: 1 },
  'import.unreadable-csv': { file: 'sheet.csv', line: 4, reason: 'Invalid Closing Quote' },
  'database.not-ours': { place: 'recipes.db', server: false, why: 'it is a SQLite database made by another program', restore: false },
  'person.nobody-called': { input: 'Anna', close: ['Ana Ruiz'] },
  'file.cannot-write': { path: 'x/week.ics', why: 'no-folder', folder: 'x' },
  'backup.no-file-name': {},
  'backup.is-database': {},
  'backup.exists': { target: '/b/copy.db', raced: false },
  'backup.no-folder': { folder: '/b' },
  'restore.no-file': { path: '/b/copy.db' },
  'restore.in-use': { path: '/b/copy.db' },
  'restore.declined': {},
  'restore.meeting-running': { name: 'Ana Ruiz', id: 3, pid: '412' },
  'restore.not-confirmed': { file: 'copy.db' },
  'forget.not-confirmed': { name: 'Bo Chen', id: 2 },
};

/** One of every problem a template field can have. */
const TEMPLATE_PROBLEMS: { [K in TemplateProblem['kind']]: Extract<TemplateProblem, { kind: K }> } = {
  'unreadable': { kind: 'unreadable', reason: 'Excessive alias count' },
  'invalid-yaml': { kind: 'invalid-yaml', at: { line: 2, col: 8 }, reason: 'Flow sequence is not closed' },
  'not-mapping': { kind: 'not-mapping', got: 'list' },
  'unknown-field': { kind: 'unknown-field', field: 'minuts', allowed: ['minutes'] },
  'missing': { kind: 'missing' },
  'not-text': { kind: 'not-text', got: { written: '42' } },
  'empty-text': { kind: 'empty-text' },
  'control-characters': { kind: 'control-characters' },
  'bad-name': { kind: 'bad-name', got: { written: '"My Template"' } },
  'not-kebab-case': { kind: 'not-kebab-case', got: { written: '"Share It"' } },
  'not-positive': { kind: 'not-positive', got: 'nothing' },
  'too-many-minutes': { kind: 'too-many-minutes', minutes: 300, most: 240 },
  'phases-too-long': { kind: 'phases-too-long', minutes: 300, most: 240 },
  'not-share': { kind: 'not-share', got: 'empty' },
  'not-list': { kind: 'not-list', got: 'mapping' },
  'not-yes-no': { kind: 'not-yes-no', got: { written: '"yes"' } },
  'no-lengths': { kind: 'no-lengths' },
  'no-note-tags': { kind: 'no-note-tags' },
  'unknown-note-tag': { kind: 'unknown-note-tag', tag: 'valu' },
  'unknown-score-item': { kind: 'unknown-score-item', item: 'referal', known: ['referral'] },
  'unknown-language': { kind: 'unknown-language', got: { written: 'fr' }, known: ['en', 'es'] },
  'no-phases': { kind: 'no-phases' },
  'duplicate-key': { kind: 'duplicate-key', key: 'listen' },
};

function expectEnglish(code: DomainErrorCode, params: object): void {
  const { message, hint } = errorText(refusal(code, params as never));
  expect(message.trim(), code).not.toBe('');
  expect(message, code).not.toBe(code);
  expect(`${message} ${hint ?? ''}`, code).not.toMatch(/undefined|\[object /);
  if (hint !== undefined) expect(hint.trim(), code).not.toBe('');
}

describe('the English for refusals', () => {
  it('has words for every domain error code, and for no code the domain does not have', () => {
    expect(Object.keys(ERRORS).sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const [code, params] of Object.entries(EXAMPLES)) expectEnglish(code as DomainErrorCode, params);
  });

  it('has words for every problem a template can have', () => {
    for (const problem of Object.values(TEMPLATE_PROBLEMS)) {
      expectEnglish('template.invalid', { file: 'dir/bad.yaml', path: 'phases[0]', problem });
    }
  });

  it('words a refusal from its code and values, and a plain UserError as it was written', () => {
    expect(errorText(new DomainError('email.invalid', { input: 'nope' }))).toEqual({ message: '"nope" is not an email address', hint: 'e.g. ana@example.org' });
    expect(errorText(refusal('import.name-shared', { name: 'Bo', ids: [1, 2] }))).toEqual({
      message: '2 people are called "Bo" (#1, #2); add an email or phone to say which',
    });
    expect(errorText(new UserError('no file at x.csv', { hint: 'check the path' }))).toEqual({ message: 'no file at x.csv', hint: 'check the path' });
    expect(errorText(new UsageError('--days must be a number'))).toEqual({ message: '--days must be a number' });
  });

  it('names a template by its file name and points the hint at the whole path', () => {
    const wording = errorText(refusal('template.invalid', { file: 'C:\\templates\\bad.yaml', path: '', problem: { kind: 'not-mapping', got: 'list' } }));
    expect(wording).toEqual({
      message: 'template bad.yaml: must be a mapping of fields (got a list)',
      hint: "fix C:\\templates\\bad.yaml or remove it; see 'oneonone templates show agenda' for a working example",
    });
  });
});

describe('the Spanish for refusals', () => {
  afterEach(() => speak(undefined));
  // Words of the English catalogue that no Spanish sentence holds; a value given (an input, a file) is none of them.
  const ENGLISH = /\b(is|the|not|must|empty|there|nobody|cannot|already|without|missing|unknown|expected|allowed|folder|got|e\.g\.)\b/;

  function spanishOf(code: DomainErrorCode, params: object): string {
    const english = errorText(refusal(code, params as never));
    speakSpanish();
    const spanish = errorText(refusal(code, params as never));
    speak(undefined);
    expect(spanish.message, code).not.toBe(english.message);
    expect(spanish.hint === undefined, code).toBe(english.hint === undefined);
    return `${spanish.message} ${spanish.hint ?? ''}`.replace(/"[^"]*"/g, '""');
  }

  it('words every code in Spanish, with no English word of its own', () => {
    for (const [code, params] of Object.entries(EXAMPLES)) expect(spanishOf(code as DomainErrorCode, params), code).not.toMatch(ENGLISH);
  });

  it('words every problem a template can have in Spanish', () => {
    for (const problem of Object.values(TEMPLATE_PROBLEMS)) {
      expect(spanishOf('template.invalid', { file: 'dir/bad.yaml', path: 'phases[0]', problem }), problem.kind).not.toMatch(ENGLISH);
    }
  });

  it('says what a field is in Spanish, a note by its option as typed', () => {
    speakSpanish();
    expect(errorText(refusal('text.empty', { field: '--value note' })).message).toBe('la nota de --value está en blanco');
    expect(errorText(refusal('name.too-long', { field: 'referrer name', length: 201, most: 200 })).message).toBe('el nombre de quien hizo la referencia tiene 201 caracteres; el máximo es 200');
  });
});

describe('domain errors', () => {
  it('are UserErrors that carry a code and its values, with the code as their message', () => {
    const error = new DomainError('rung.unknown', { input: 'boss' });
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'rung.unknown', params: { input: 'boss' }, message: 'rung.unknown', name: 'DomainError' });
  });

  it('exit 1, or 2 for a mistake in how a command was typed', () => {
    expect(new DomainError('rung.unknown', { input: 'boss' }).exitCode).toBe(EXIT.error);
    expect(new DomainError('import.map-not-pair', { mapping: 'Cell' }).exitCode).toBe(EXIT.usage);
    expect(new DomainError('import.map-unknown-field', { mapping: 'a=b', field: 'b' }).exitCode).toBe(EXIT.usage);
    expect(new DomainError('import.map-no-column', { header: 'a', field: 'phone', columns: [] }).exitCode).toBe(EXIT.usage);
  });
});

describe('reporting an error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints a refusal in English with its hint, and returns its exit code', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    expect(reportError(new DomainError('import.map-unknown-field', { mapping: 'Parish=church', field: 'church' }))).toBe(EXIT.usage);
    expect(written.join('')).toBe(
      'oneonone: --map "Parish=church": "church" is not a field oneonone knows\n' +
        'hint: the fields are name, first, last, email, phone, neighborhood, organization, notes, rung, potential, referred_by, assessment, units, language, interpreter\n',
    );
  });
});
