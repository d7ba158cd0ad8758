import type { Held, Sent } from '../commands/outbox.js';
import { spokenCatalogues } from './spoken.js';

/** What is said of the meetings kept on this computer for the server (push, and any command that reaches it). Another language is another object of this shape. */
export interface OutboxWords {
  sent(sent: readonly Sent[]): string;
  held(held: readonly Held[]): string;
  nothingWaits: string;
  waiting(count: number): string;
  kept(person: string, why: string): string;
  /** Sending failed; the command goes on. */
  notSent(why: string): string;
}

const meetings = (n: number) => (n === 1 ? '1 meeting' : `${n} meetings`);

const OUTBOX_EN: OutboxWords = {
  sent: (sent) => {
    const which = sent.map((one) => `${one.person} (now M${one.server})`).join(', ');
    return `Sent ${meetings(sent.length)} kept on this computer to the server: ${which}.`;
  },
  held: (held) => `${meetings(held.length)} waiting on this computer: ${held[0]!.why}; send it with: oneonone push --as ID`,
  nothingWaits: 'Nothing is waiting to be sent.',
  waiting: (count) => `${meetings(count)} kept on this computer will be sent when the server can be reached (oneonone push sends now).`,
  kept: (person, why) => `The meeting with ${person} is kept on this computer (${why}); it is sent by the next command that reaches the server, or: oneonone push`,
  notSent: (why) => `what is kept on this computer was not sent: ${why}`,
};

const outboxWords = (): OutboxWords => spokenCatalogues()?.outbox ?? OUTBOX_EN;

/** What was sent from this computer to the server, in a line. */
export function sentWords(sent: readonly Sent[]): string {
  return outboxWords().sent(sent);
}

/** What still waits on this computer, and how to send it. */
export function heldWords(held: readonly Held[]): string {
  return outboxWords().held(held);
}

export const nothingWaitsWords = (): string => outboxWords().nothingWaits;

export function waitingWords(count: number): string {
  return outboxWords().waiting(count);
}

export function keptWords(person: string, why: string): string {
  return outboxWords().kept(person, why);
}

/**
 * Why a meeting stays on this computer: its person's name is several people's on the server. Kept in English, as
 * push --json prints it; a screen in another language rewords it (its catalogue's `held`).
 */
export function severalOnServerWords(name: string, ids: readonly number[]): string {
  return `${name} could be ${ids.length} people on the server (${ids.map((id) => `#${id}`).join(', ')})`;
}

export function notSentWords(why: string): string {
  return outboxWords().notSent(why);
}
