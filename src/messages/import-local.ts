/** The words of `team import-local` (src/commands/team-import-local.ts); drawn by src/ui/import-local.ts. */
import type {
  AmbiguousPerson, ImportLocalReport, KeptField, MatchedPerson, ReportPerson, ServerRef,
} from '../commands/team-import-local.js';
import { formatDate } from '../support/format.js';
import { whySensitive } from './sensitive.js';
import { spokenCatalogues } from './spoken.js';

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const meetings = (n: number) => (n === 1 ? '1 meeting' : `${n} meetings`);

// ── refusals ───────────────────────────────────────────────────────────────

export function notAServer(location: string): string {
  return `team import-local brings your file into a team server, and the record here is the file ${location}`;
}

export const NOT_A_SERVER_HINT = 'name the team server: --db postgres://… or ONEONONE_DB';

export function fileIsAServer(): string {
  return 'FILE is your own oneonone file to bring in, not a server';
}

export const FILE_HINT = 'give the path of your own oneonone file, e.g. ~/.local/share/oneonone/oneonone.db';

export function noFile(file: string): string {
  return `no oneonone file at ${file}`;
}

export function emptyFile(file: string): string {
  return `${file} is empty: there is nothing in it to bring in`;
}

export const NO_TEAM_HERE = 'this server has no team: import-local brings your file in under your name, as an organizer of a team';

export const NO_TEAM_HINT = 'the server\'s administrator sets the team up once, as its superuser: oneonone team init "Your Name"';

export const NOT_ON_TEAM = 'the login you connect with is not an organizer on this team, so what you bring in would be nobody\'s';

export const NOT_ON_TEAM_HINT = 'ask an admin to add you: oneonone team add "Your Name" --role organizer --login YOUR_LOGIN';

// ── messages ───────────────────────────────────────────────────────────────

/** What import-local says it did, line by line, and its counts. Another language is another object of this shape. */
export interface ImportLocalWords {
  readFromCopy(file: string): string;
  /** What stays in the file, and why, in lines for stderr. */
  leftInFile(report: ImportLocalReport, file: string): string[];
  added(person: ReportPerson, dryRun: boolean): string;
  already(person: ReportPerson): string;
  matched(person: MatchedPerson, dryRun: boolean): string;
  filled(field: KeptField, value: string | number): string;
  kept(field: KeptField, server: string | number, file: string | number): string;
  notesAdded: string;
  rung(from: string, to: string): string;
  ambiguous(person: AmbiguousPerson, dryRun: boolean): string;
  ambiguousHint: string;
  summary(report: ImportLocalReport): string;
}

const quoted = (terms: readonly string[]) => terms.map((term) => `"${term}"`).join(', ');

const inFile = (person: ReportPerson) => `${person.name} (#${person.local} in your file)`;

const whose = (ref: ServerRef) => (ref.owner ? `, ${ref.owner}'s` : '');

const onServer = (ref: ServerRef) => `#${ref.id} ${ref.name}${ref.owner ? ` (${ref.owner}'s)` : ''}`;

const BY_WORDS: Record<MatchedPerson['by'], string> = { email: 'same email', phone: 'same phone', name: 'same name, and no email or phone that differs' };

const FIELD_WORDS: Record<KeptField, string> = {
  email: 'email', phone: 'phone', neighborhood: 'neighborhood', organization: 'organization', language: 'language', potential: 'potential',
  referredBy: 'referred by',
};

const IMPORT_LOCAL_EN: ImportLocalWords = {
  readFromCopy: (file) => `${file} was written by an older oneonone: it was read from a private, upgraded copy (deleted again); the file itself was not changed.`,
  leftInFile: (report, file) => {
    const lines: string[] = [];
    if (report.drafts.length > 0) {
      const who = [...new Set(report.drafts.map((draft) => draft.person))].join(', ');
      lines.push(`${meetings(report.drafts.length)} not finished (${who}) stay${report.drafts.length === 1 ? 's' : ''} in your file: finish ${report.drafts.length === 1 ? 'it' : 'them'} with oneonone start --db ${file}, then run import-local again to bring ${report.drafts.length === 1 ? 'it' : 'them'} in.`);
    }
    for (const held of report.held) {
      lines.push(`held back: the meeting with ${held.person} on ${formatDate(held.heldAt)} (M${held.local} in your file) names ${quoted(held.terms)}, and ${whySensitive(held.terms)}; rewrite it in your file (oneonone edit --db ${file}), then run import-local again.`);
    }
    for (const person of report.notesHeld) {
      lines.push(`not sent: ${person.name}'s own notes (#${person.local} in your file) name ${quoted(person.terms)}; the rest of them ${report.dryRun ? 'would be' : 'was'} brought in.`);
    }
    for (const person of report.erased) {
      lines.push(`left out: ${person.name} (#${person.local} in your file) was brought in before and erased from the server since; ${report.dryRun ? 'they would not be' : 'they were not'} brought back, nor their meetings.`);
    }
    return lines;
  },
  added: (person, dryRun) => (dryRun ? `add ${inFile(person)}` : `added ${inFile(person)} as #${person.server}`),
  already: (person) => `already here: ${inFile(person)} is #${person.server}, brought in before`,
  matched: (person, dryRun) => `${dryRun ? 'match' : 'matched'} ${inFile(person)} with ${onServer(person.on)}: ${BY_WORDS[person.by]}`,
  filled: (field, value) => `  ${FIELD_WORDS[field]}: ${value} (the server had none)`,
  kept: (field, server, file) => `  ${FIELD_WORDS[field]}: kept ${server} (your file: ${file})`,
  notesAdded: '  notes: yours added to theirs',
  rung: (from, to) => `  rung: ${from} → ${to}`,
  ambiguous: (person, dryRun) => {
    const brought = dryRun ? 'would be added as a new person' : `added as #${person.server}`;
    const first = person.candidates[0];
    switch (person.why) {
      case 'apart':
        return `ambiguous ${inFile(person)}: ${brought}, not ${person.candidates.map((c) => `${onServer(c)}: another ${c.because.join(' and ')}`).join('; nor ')}`;
      case 'several':
        return `ambiguous ${inFile(person)}: ${brought}; ${people(person.candidates.length)} on the server are called ${person.name} (${person.candidates.map((c) => `#${c.id}${whose(c)}`).join('; ')}) and your file has no email or phone that tells which`;
      case 'namesake':
        return `ambiguous ${inFile(person)}: ${brought}, not ${first ? onServer(first) : 'the one on the server'}: your file has another ${person.other?.name ?? person.name} (#${person.other?.local}) who could be them too`;
      case 'taken':
        return `ambiguous ${inFile(person)}: ${brought}, not ${first ? onServer(first) : 'the one on the server'}: ${person.other?.name ?? 'another person'} (#${person.other?.local} in your file) has the same email or phone and ${dryRun ? 'is' : 'was'} matched with them`;
    }
  },
  ambiguousHint: '  (check each one: if they are the same person as the one named, your lead can merge them)',
  summary: (report) => {
    const { counts } = report;
    const by = (['email', 'phone', 'name'] as const).map((kind) => `${counts.matched[kind]} by ${kind}`).join(', ');
    const matched = counts.matched.email + counts.matched.phone + counts.matched.name;
    const peopleParts = [
      `${counts.added} added`, `${matched} matched (${by})`, `${counts.ambiguous} ambiguous (${report.dryRun ? 'to be added' : 'added'} as new people)`,
      `${counts.already} brought in before`, ...(counts.erased > 0 ? [`${counts.erased} erased from the server since (left out)`] : []),
    ];
    const m = counts.meetings;
    const meetingParts = [
      `${meetings(m.brought)} ${report.dryRun ? 'to bring in' : 'brought in'}`, `${m.already} already there`,
      ...(m.drafts > 0 ? [`${m.drafts} not finished (left in your file)`] : []), ...(m.held > 0 ? [`${m.held} held back`] : []),
      ...(m.ofErased > 0 ? [`${m.ofErased} of people erased since (left out)`] : []),
    ];
    const head = report.dryRun ? `Would bring in ${people(counts.people)} from ${report.file} as ${report.organizer.name}'s` : `Brought in ${people(counts.people)} from ${report.file} as ${report.organizer.name}'s`;
    return `${head}: ${peopleParts.join(', ')}. ${meetingParts.join(', ')}.${webLine(report.web)}${report.dryRun ? ' Nothing was written (dry run).' : ''}`;
  },
};

function webLine(web: ImportLocalReport['web']): string {
  if (!web) return '';
  const parts = [
    `${web.assessed} assessment${web.assessed === 1 ? '' : 's'}${web.assessmentsKept > 0 ? ` (${web.assessmentsKept} the server had otherwise, kept)` : ''}`,
    `${web.units} unit membership${web.units === 1 ? '' : 's'}`, `${web.touches} contact${web.touches === 1 ? '' : 's'}`,
    `${web.relationships} relationship${web.relationships === 1 ? '' : 's'}`,
  ];
  return ` With them: ${parts.join(', ')}.`;
}

/** import-local's words in this run's language. */
export const importLocalWords = (): ImportLocalWords => spokenCatalogues()?.importLocal ?? IMPORT_LOCAL_EN;

export function readFromCopy(file: string): string {
  return importLocalWords().readFromCopy(file);
}

/** What stays in the file, and why, in lines for stderr. */
export function leftInFile(report: ImportLocalReport, file: string): string[] {
  return importLocalWords().leftInFile(report, file);
}
