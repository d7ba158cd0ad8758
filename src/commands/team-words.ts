/**
 * The team's own sensitive words, beside the defaults (src/meeting/sensitive.ts): kept on the server as one setting
 * (a JSON list), changed by an admin, read by `start` and `log` whenever they reach the server, and copied into this
 * computer's outbox so that a meeting without the network checks them too.
 */
import { checkedTerms, isUsableTerm, sensitiveTermsIn, SENSITIVE_TERMS, TEAM_WORDS_SETTING, termKey, type SensitiveCheck } from '../meeting/sensitive.js';
import {
  alreadyCheckedWords, DEFAULTS_STAY_HINT, SENSITIVE_EDIT_HINT, sensitiveWords, isDefaultWords, NO_TEAM_WORDS, NO_TEAM_WORDS_HINT, notOnListWords, ONLY_ADMIN_HINT, onlyAdminWords,
  TERM_FROM, UNUSABLE_TERM_HINT, unusableTermWords, wordAddedWords, wordRemovedWords, wordsListHead,
} from '../messages/sensitive.js';
import { useScale } from '../messages/assessment.js';
import { ASSESSMENT_SCALE_SETTING, readScale } from '../people/assessment.js';
import type { SettingsReader, Store } from '../store/contract.js';
import type { OpenMode } from '../store/index.js';
import { DomainError, UserError } from '../support/errors.js';
import { hasOutbox } from '../support/outbox-path.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { renderTable } from '../ui/table.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import type { ServerWords } from './outbox.js';

/** The server's setting that holds the team's words. */
export const TEAM_WORDS_KEY = TEAM_WORDS_SETTING;

/** The team's words as the server keeps them; anything unreadable there counts as none. */
export async function teamWordsOf(settings: SettingsReader): Promise<string[]> {
  try {
    const words = JSON.parse((await settings.get(TEAM_WORDS_KEY)) || '[]') as unknown;
    return Array.isArray(words) ? words.filter((word): word is string => typeof word === 'string' && isUsableTerm(word)) : [];
  } catch {
    return [];
  }
}

/** The check a server's texts get: the defaults and the team's words; a note may be private where there is a team. */
export function checkFrom(seen: ServerWords | undefined): SensitiveCheck {
  // Never having reached the server, this computer offers the private note: its choice is kept, and a server with a
  // team honours it (one without a team has no private notes at all).
  return { terms: checkedTerms(seen?.words ?? []), canKeepPrivate: seen?.team ?? true };
}

/**
 * The check, read from the server just reached, and kept in this computer's outbox (given, or the one for this server
 * when there is one or the team has words of its own) for a meeting held without the network.
 */
export async function checkOnServer(server: Store, location: string, outbox?: Store): Promise<SensitiveCheck> {
  const scale = await server.settings.get(ASSESSMENT_SCALE_SETTING);
  const seen: ServerWords = { words: await teamWordsOf(server.settings), team: (await server.team?.isTeam()) === true, ...(scale ? { scale } : {}) };
  if (!outbox && seen.words.length === 0 && !scale && !hasOutbox(location)) return checkFrom(seen);
  const code = await import('./outbox.js');
  if (outbox) await code.keepServerWords(outbox, seen);
  else {
    const here = await code.openOutbox(location);
    try {
      await code.keepServerWords(here, seen);
    } finally {
      await code.closeOutbox(here);
    }
  }
  return checkFrom(seen);
}

/** The server out of reach: the check as last read from it. */
export async function checkHere(outbox: Store): Promise<SensitiveCheck> {
  const seen = await (await import('./outbox.js')).serverWordsHere(outbox);
  if (seen?.scale) useScale(readScale(seen.scale));
  return checkFrom(seen);
}

interface Listed {
  term: string;
  from: 'default' | 'team';
}

/** `oneonone team words list [--json]`: every word checked, the defaults and the team's, marked. */
export async function runWordsList(options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  await withTeamWords(globals, 'read', async (store) => {
    const listed: Listed[] = [
      ...SENSITIVE_TERMS.map((term): Listed => ({ term, from: 'default' })),
      ...(await teamWordsOf(store.settings)).map((term): Listed => ({ term, from: 'team' })),
    ];
    if (options.json) return printJson(listed);
    printData(renderTable(wordsListHead(), listed.map(({ term, from }) => [term, TERM_FROM[from]]), useColor(globals)));
  });
}

/** `oneonone team words add TERM` (an admin). */
export async function runWordsAdd(term: string, globals: GlobalOptions): Promise<void> {
  const wanted = cleanTerm(term);
  await withTeamWords(globals, 'write', async (store) => {
    await mustBeAdmin(store);
    await store.write(async (tx) => {
      const words = await teamWordsOf(tx.settings);
      const key = termKey(wanted);
      const known = SENSITIVE_TERMS.find((t) => termKey(t) === key);
      if (known) throw new UserError(alreadyCheckedWords(known, 'default'), { hint: 'see them all: oneonone team words list' });
      const listed = words.find((t) => termKey(t) === key);
      if (listed) throw new UserError(alreadyCheckedWords(listed, 'team'), { hint: 'see them all: oneonone team words list' });
      await tx.settings.set(TEAM_WORDS_KEY, JSON.stringify([...words, wanted]));
    });
    printMessage(wordAddedWords(wanted));
  });
}

/** `oneonone team words remove TERM` (an admin; the defaults stay). */
export async function runWordsRemove(term: string, globals: GlobalOptions): Promise<void> {
  const wanted = cleanTerm(term);
  await withTeamWords(globals, 'write', async (store) => {
    await mustBeAdmin(store);
    const removed = await store.write(async (tx) => {
      const words = await teamWordsOf(tx.settings);
      const key = termKey(wanted);
      const listed = words.find((t) => termKey(t) === key);
      if (!listed) {
        const known = SENSITIVE_TERMS.find((t) => termKey(t) === key);
        if (known) throw new UserError(isDefaultWords(known), { hint: DEFAULTS_STAY_HINT });
        throw new UserError(notOnListWords(wanted), { hint: 'see them: oneonone team words list' });
      }
      await tx.settings.set(TEAM_WORDS_KEY, JSON.stringify(words.filter((t) => t !== listed)));
      return listed;
    });
    printMessage(wordRemovedWords(removed));
  });
}

/** As every team command: a file on this computer has no team. */
async function withTeamWords(globals: GlobalOptions, mode: OpenMode, work: (store: Store) => Promise<void>): Promise<void> {
  await withStore(globals, mode, async (store) => {
    if (!store.team) throw new DomainError('team.on-a-file', { location: store.location, handing: null });
    await work(store);
  });
}

/**
 * The CLI asks the team who this login is; the settings table itself is open to every member's login (a raw-SQL
 * write to it is not prevented by the database).
 */
async function mustBeAdmin(store: Store): Promise<void> {
  const me = await store.team!.me();
  if (!me && !(await store.team!.isTeam())) throw new UserError(NO_TEAM_WORDS, { hint: NO_TEAM_WORDS_HINT });
  if (me?.role !== 'admin') throw new UserError(onlyAdminWords(me), { hint: ONLY_ADMIN_HINT });
}

function cleanTerm(term: string): string {
  const spaced = term.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!isUsableTerm(spaced)) throw new UserError(unusableTermWords(spaced), { hint: UNUSABLE_TERM_HINT });
  return spaced;
}

/** A text sent to the server as typed (a corrected text, a reflection added later): refused when it names a term. */
export async function refuseSensitive(store: Store, texts: (string | undefined)[]): Promise<void> {
  const checked = checkedTerms(await teamWordsOf(store.settings));
  for (const text of texts) {
    const found = text === undefined ? [] : sensitiveTermsIn(text, checked);
    if (found.length > 0) throw new UserError(sensitiveWords(text!, found), { hint: SENSITIVE_EDIT_HINT });
  }
}
