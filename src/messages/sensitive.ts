/** The words of the sensitive-term check, in English: log's refusals, start's question, the team's own list. */
import { SENSITIVE_TERMS, type SensitiveChoice } from '../meeting/sensitive.js';
import type { Typing } from './meeting.js';

const quoted = (terms: readonly string[]) => terms.map((term) => `"${term}"`).join(', ');
const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Why the words matter: the defaults are about immigration status; a team's own words are the team's reasons. */
export function whySensitive(terms: readonly string[]): string {
  return terms.every((term) => SENSITIVE_TERMS.includes(term))
    ? 'immigration status is safest not written down at all'
    : "the team keeps such words off its shared record";
}

/** What a text is, in the record: a note has a visibility, the rest is read by whoever reads the meeting. */
export type SensitiveWhat = 'note' | 'ask' | 'agitation' | 'follow-up' | 'rung-reason' | 'reflection';

const WHAT: Record<SensitiveWhat, { a: string; the: string }> = {
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

// ── start ────────────────────────────────────────────────────────────────

export const CHOICE_WORDS: Record<SensitiveChoice, string> = {
  private: 'keep it private (only you will read it)',
  rewrite: 'rewrite it',
  send: 'send it as it is',
};

/** What the debrief's question says before the choices. */
export function flaggedQuestion(terms: readonly string[], what: SensitiveWhat, canKeepPrivate: boolean): string {
  const note = what === 'note' ? (canKeepPrivate ? '' : ' (this server has no team, so no note on it is private)')
    : ` (${WHAT[what].a} cannot be kept private: whoever reads the meeting reads it)`;
  return `${capital(WHAT[what].the)} names ${quoted(terms)}, and ${whySensitive(terms)}${note}. Before it goes to the team's server:`;
}

export const REWRITE_QUESTION = 'Rewrite it (it is checked again):';

/** The live screen's lines while a note waits for the organizer's choice. */
export function flaggedNoteLines(text: string, terms: readonly string[], canKeepPrivate: boolean): string[] {
  return [
    `Note: ${text}`,
    `This note names ${quoted(terms)}, and ${whySensitive(terms)}.`,
    canKeepPrivate ? 'Keep it private, rewrite it, or send it as it is? Press one key.' : 'Rewrite it, or send it as it is? Press one key (this server has no team, so no note on it is private).',
  ];
}

/** The keys while a note waits for the choice. */
export function choiceKeys(canKeepPrivate: boolean): string[] {
  return [...(canKeepPrivate ? [`p ${CHOICE_WORDS.private}`] : []), `r ${CHOICE_WORDS.rewrite}`, `s ${CHOICE_WORDS.send}`, 'Esc cancel'];
}

/** Said in the plain screen when a note names a term. */
export function noteFlaggedWords(terms: readonly string[], canKeepPrivate: boolean, typing: Typing): string {
  const keys = choiceKeys(canKeepPrivate).slice(0, -1).join('; ');
  const how = typing === 'keys' ? 'Press one key; Esc cancels the note.' : 'Type the letter or the word, then Enter.';
  const none = canKeepPrivate ? '' : ' This server has no team, so no note on it is private.';
  return `This note names ${quoted(terms)}, and ${whySensitive(terms)}.${none} ${keys}. ${how}`;
}

export function noteRewriteWords(text: string, typing: Typing): string {
  return typing === 'keys'
    ? `Rewrite the note, then Enter (Backspace erases from the end; Esc cancels): ${text}`
    : `Type the note again, then Enter (it was: ${text}).`;
}

export function notAChoiceWords(text: string, canKeepPrivate: boolean): string {
  return `Not a choice here: ${text}. ${choiceKeys(canKeepPrivate).slice(0, -1).join('; ')}.`;
}

export const PRIVATE_MARK = 'only you will read it';

// ── the team's own words ─────────────────────────────────────────────────

export const TERM_FROM = { default: 'default', team: "the team's" } as const;

export function wordAddedWords(term: string): string {
  return `Added "${term}" to the team's sensitive words: a note, agitation or ask naming it is now stopped before it leaves a computer for this server.`;
}

export function wordRemovedWords(term: string): string {
  return `Took "${term}" off the team's sensitive words.`;
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

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
