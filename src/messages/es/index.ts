/** The Spanish catalogues, loaded only when the run speaks Spanish (messages/speak.ts). */
import { speak } from '../spoken.js';
import { TALK_ES } from './meeting.js';

export function speakSpanish(): void {
  speak({ talk: TALK_ES });
}
