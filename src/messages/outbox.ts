import type { Held, Sent } from '../commands/outbox.js';

const meetings = (n: number) => (n === 1 ? '1 meeting' : `${n} meetings`);

/** What was sent from this computer to the server, in a line. */
export function sentWords(sent: readonly Sent[]): string {
  const which = sent.map((one) => `${one.person} (now M${one.server})`).join(', ');
  return `Sent ${meetings(sent.length)} kept on this computer to the server: ${which}.`;
}

/** What still waits on this computer, and how to send it. */
export function heldWords(held: readonly Held[]): string {
  const first = held[0]!;
  return `${meetings(held.length)} waiting on this computer: ${first.why}; send it with: oneonone push --as ID`;
}

export const NOTHING_WAITS = 'Nothing is waiting to be sent.';

export function waitingWords(count: number): string {
  return `${meetings(count)} kept on this computer will be sent when the server can be reached (oneonone push sends now).`;
}

export function keptWords(person: string, why: string): string {
  return `The meeting with ${person} is kept on this computer (${why}); it is sent by the next command that reaches the server, or: oneonone push`;
}
