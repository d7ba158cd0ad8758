/** The words of the sensitive-term check, in English: log's refusals, start's question, the team's own list. */
import { SENSITIVE_TERMS, type SensitiveChoice } from '../meeting/sensitive.js';
import type { Typing } from './meeting.js';
import { spokenCatalogues, spokenOr } from './spoken.js';

export const quoted = (terms: readonly string[]) => terms.map((term) => `"${term}"`).join(', ');
const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Why the words matter: the defaults are about immigration status; a team's own words are the team's reasons. */
export function whySensitive(terms: readonly string[]): string {
  return terms.every((term) => SENSITIVE_TERMS.includes(term))
    ? 'immigration status is safest not written down at all'
    : "the team keeps such words off its shared record";
}

/** What a text is, in the record: a note has a visibility, the rest is read by whoever reads the meeting. */
export type SensitiveWhat = 'note' | 'ask' | 'agitation' | 'follow-up' | 'rung-reason' | 'reflection';

export const WHAT: Record<SensitiveWhat, { a: string; the: string }> = {
  note: { a: 'a note', the: 'this note' },
  ask: { a: 'an ask', the: 'this ask' },
  agitation: { a: 'the agitation', the: 'the agitation' },
  'follow-up': { a: 'a follow-up', the: 'this follow-up' },
  'rung-reason': { a: 'the reason for a rung', the: 'the reason for the rung' },
  reflection: { a: 'your reflection', the: 'your reflection' },
};

// ── log ──────────────────────────────────────────────────────────────────

export function sensitiveWords(text: string, terms: readonly string[]): string {
  return `not sending "${shown(text)}" to the team's server: it names ${quoted(terms)}, and ${whySensitive(terms)}`;
}

/** A correction on a server: `edit` has no private copy to offer, and sends nothing without the organizer's say. */
export const SENSITIVE_EDIT_HINT = 'rewrite it without those words (the record needs the issue, not the status); to keep such a note to yourself, delete it and log it again with --sensitive private';

/** A note on a team server: the three ways on. */
export const SENSITIVE_HINT = 'rewrite it without those words (the record needs the issue, not the status), keep it to yourself with --sensitive private, or, if the person agreed, add --sensitive send';

/** An ask, the agitation, a follow-up, or any text on a server without a team: nothing of it can be private. */
export const SENSITIVE_SEND_HINT = 'rewrite it without those words (the record needs the issue, not the status), or, if the person agreed, add --sensitive send';

/** `--sensitive private` given, for a text that has no private copy. */
export function notPrivateWords(text: string, terms: readonly string[], what: SensitiveWhat): string {
  return `not sending "${shown(text)}" to the team's server: it names ${quoted(terms)}, and ${WHAT[what].a} cannot be kept private (whoever reads the meeting reads it; --sensitive private keeps notes private)`;
}

/** `--sensitive private` on a server without a team: every login reads every note there. */
export function noTeamPrivateWords(text: string, terms: readonly string[]): string {
  return `not sending "${shown(text)}" to the server: it names ${quoted(terms)}, and this server has no team, so no note on it is private (every login reads every note)`;
}

// ── start and the live screen ────────────────────────────────────────────

/** What a meeting says when a note, the agitation or an ask names a sensitive word. Another language is another object of this shape. */
export interface SensitiveWords {
  quoted(terms: readonly string[]): string;
  why(terms: readonly string[]): string;
  what: Record<SensitiveWhat, { a: string; the: string }>;
  choices: Record<SensitiveChoice, string>;
  flaggedQuestion(terms: readonly string[], what: SensitiveWhat, canKeepPrivate: boolean): string;
  rewriteQuestion: string;
  flaggedNoteLines(text: string, terms: readonly string[], canKeepPrivate: boolean): string[];
  escCancel: string;
  noteFlagged(terms: readonly string[], canKeepPrivate: boolean, typing: Typing, keys: string): string;
  noteRewrite(text: string, typing: Typing): string;
  notAChoice(text: string, keys: string): string;
  privateMark: string;
}

const SENSITIVE_EN: SensitiveWords = {
  quoted,
  why: whySensitive,
  what: WHAT,
  choices: { private: 'keep it private (only you will read it)', rewrite: 'rewrite it', send: 'send it as it is' },
  flaggedQuestion: (terms, what, canKeepPrivate) => {
    const note = what === 'note' ? (canKeepPrivate ? '' : ' (this server has no team, so no note on it is private)')
      : ` (${WHAT[what].a} cannot be kept private: whoever reads the meeting reads it)`;
    return `${capital(WHAT[what].the)} names ${quoted(terms)}, and ${whySensitive(terms)}${note}. Before it goes to the team's server:`;
  },
  rewriteQuestion: 'Rewrite it (it is checked again):',
  flaggedNoteLines: (text, terms, canKeepPrivate) => [
    `Note: ${text}`,
    `This note names ${quoted(terms)}, and ${whySensitive(terms)}.`,
    canKeepPrivate ? 'Keep it private, rewrite it, or send it as it is? Press one key.' : 'Rewrite it, or send it as it is? Press one key (this server has no team, so no note on it is private).',
  ],
  escCancel: 'Esc cancel',
  noteFlagged: (terms, canKeepPrivate, typing, keys) => {
    const how = typing === 'keys' ? 'Press one key; Esc cancels the note.' : 'Type the letter or the word, then Enter.';
    const none = canKeepPrivate ? '' : ' This server has no team, so no note on it is private.';
    return `This note names ${quoted(terms)}, and ${whySensitive(terms)}.${none} ${keys}. ${how}`;
  },
  noteRewrite: (text, typing) =>
    typing === 'keys' ? `Rewrite the note, then Enter (Backspace erases from the end; Esc cancels): ${text}` : `Type the note again, then Enter (it was: ${text}).`,
  notAChoice: (text, keys) => `Not a choice here: ${text}. ${keys}.`,
  privateMark: 'only you will read it',
};

/** The meeting's words about sensitive words, in this run's language. */
export const sensitiveWordsSpoken = (): SensitiveWords => spokenCatalogues()?.sensitive ?? SENSITIVE_EN;

export function choiceWords(choice: SensitiveChoice): string {
  return sensitiveWordsSpoken().choices[choice];
}

/** What the debrief's question says before the choices. */
export function flaggedQuestion(terms: readonly string[], what: SensitiveWhat, canKeepPrivate: boolean): string {
  return sensitiveWordsSpoken().flaggedQuestion(terms, what, canKeepPrivate);
}

export function rewriteQuestion(): string {
  return sensitiveWordsSpoken().rewriteQuestion;
}

/** The live screen's lines while a note waits for the organizer's choice. */
export function flaggedNoteLines(text: string, terms: readonly string[], canKeepPrivate: boolean): string[] {
  return sensitiveWordsSpoken().flaggedNoteLines(text, terms, canKeepPrivate);
}

/** The keys while a note waits for the choice. */
export function choiceKeys(canKeepPrivate: boolean): string[] {
  const words = sensitiveWordsSpoken();
  return [...(canKeepPrivate ? [`p ${words.choices.private}`] : []), `r ${words.choices.rewrite}`, `s ${words.choices.send}`, words.escCancel];
}

/** Said in the plain screen when a note names a term. */
export function noteFlaggedWords(terms: readonly string[], canKeepPrivate: boolean, typing: Typing): string {
  return sensitiveWordsSpoken().noteFlagged(terms, canKeepPrivate, typing, choiceKeys(canKeepPrivate).slice(0, -1).join('; '));
}

export function noteRewriteWords(text: string, typing: Typing): string {
  return sensitiveWordsSpoken().noteRewrite(text, typing);
}

export function notAChoiceWords(text: string, canKeepPrivate: boolean): string {
  return sensitiveWordsSpoken().notAChoice(text, choiceKeys(canKeepPrivate).slice(0, -1).join('; '));
}

/** How a private note is marked where it is shown. */
export function privateMark(): string {
  return sensitiveWordsSpoken().privateMark;
}

// ── the team's own words ─────────────────────────────────────────────────

/** What `team words` says of the list it shows and of a word added or taken off. Another language is another object of this shape. */
export interface TeamSensitiveWords {
  /** Where a listed word comes from. */
  from: { default: string; team: string };
  listHead: [string, string];
  added(term: string): string;
  removed(term: string): string;
}

const TEAM_SENSITIVE_EN: TeamSensitiveWords = {
  from: { default: 'default', team: "the team's" },
  listHead: ['word', 'from'],
  added: (term) => `Added "${term}" to the team's sensitive words: a note, agitation or ask naming it is now stopped before it leaves a computer for this server.`,
  removed: (term) => `Took "${term}" off the team's sensitive words.`,
};

const teamSensitive = (): TeamSensitiveWords => spokenCatalogues()?.teamSensitive ?? TEAM_SENSITIVE_EN;

export const TERM_FROM = spokenOr(TEAM_SENSITIVE_EN.from, (catalogues) => catalogues.teamSensitive.from);

export const wordsListHead = (): string[] => teamSensitive().listHead;

export function wordAddedWords(term: string): string {
  return teamSensitive().added(term);
}

export function wordRemovedWords(term: string): string {
  return teamSensitive().removed(term);
}

export function alreadyCheckedWords(term: string, from: 'default' | 'team'): string {
  return `"${term}" is already checked (${from === 'default' ? 'one of the defaults' : "on the team's list"})`;
}

export function notOnListWords(term: string): string {
  return `"${term}" is not on the team's list`;
}

export function isDefaultWords(term: string): string {
  return `"${term}" is one of the defaults, which every team checks`;
}

export const DEFAULTS_STAY_HINT = "only the team's own words can be taken off; see them with: oneonone team words list";

export function unusableTermWords(term: string): string {
  return `"${term}" cannot be a sensitive word: it needs a letter or a digit, and at most 60 characters`;
}

export const UNUSABLE_TERM_HINT = 'a word or a phrase, e.g. oneonone team words add "green card"';

export function onlyAdminWords(me: { name: string; role: string } | undefined): string {
  return `only an admin can change the team's sensitive words (you are ${me ? `${me.name}, ${me.role}` : 'not on the team'})`;
}

export const ONLY_ADMIN_HINT = "ask the team's admin; see the words with: oneonone team words list";

export const NO_TEAM_WORDS = 'this server has no team yet, so it has no words of its own';

export const NO_TEAM_WORDS_HINT = 'set the team up once, as the server\'s superuser: oneonone team init "Your Name"';

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
