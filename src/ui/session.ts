import type { Scorecard } from '../meeting/scorecard.js';
import { REVIEW_LATER } from '../messages/scorecard.js';
import { scorecardLines } from './scorecard.js';
import type { MeetingOutcome } from '../meeting/summary.js';
import { isNoteTag } from '../meeting/tags.js';
import { longestMonologueWords, noteTagLabel, reflectingWords, verdictWords } from '../messages/meeting.js';
import { rungLabel } from '../messages/ladder.js';
import { outcomeLabel } from '../messages/debrief.js';
import { startWords } from '../messages/start.js';
import { personLanguageLine } from '../messages/person-language.js';
import { formatElapsed } from '../support/format.js';
import type { AskRecord, FollowUpRecord } from '../store/contract.js';
import { paint } from './color.js';
import type { Language } from '../support/language.js';

/** What the organizer should walk in remembering about someone met before. */
export interface PersonCard {
  id: number;
  name: string;
  rung: string;
  potential: number | null;
  referredBy: string | null;
  language: Language | null;
  interpreter: boolean;
  lastMet: string | null;
  meetings: number;
  heard: { tag: string; text: string }[];
  lastAsk: AskRecord | null;
  openFollowUps: FollowUpRecord[];
}

export function cardLines(card: PersonCard, color: boolean, now: Date = new Date()): string[] {
  const c = paint(color);
  const words = startWords().card;
  const lines = [
    words.heading(c.bold(`${card.name} (#${card.id})`), rungLabel(card.rung), card.potential),
    `  ${words.lastMet(words.daysAgo(card.lastMet, now), card.meetings, card.referredBy)}`,
  ];
  const language = personLanguageLine(card.language, card.interpreter);
  if (language) lines.push(`  ${language}`);
  if (card.heard.length > 0) {
    lines.push(c.bold(`  ${words.heardBefore}`));
    for (const note of card.heard) lines.push(`    ${isNoteTag(note.tag) ? noteTagLabel(note.tag) : note.tag}: ${note.text}`);
  }
  if (card.lastAsk) {
    const ask = card.lastAsk;
    lines.push(`  ${words.lastAsk(ask.text, ask.dueAt ? words.when(ask.dueAt) : null, ask.outcome, ask.result)}`);
  }
  for (const followUp of card.openFollowUps) lines.push(`  ${words.openFollowUp(followUp.id, followUp.text ?? '', words.when(followUp.dueAt))}`);
  return lines;
}

export interface SessionSummary {
  person: string;
  meetingId: number;
  outcome: MeetingOutcome;
  asks: AskRecord[];
  followUps: FollowUpRecord[];
  rung: { before: string; after: string };
  potential: number | null;
  referrals: string[];
  notesKept: number;
  scorecard: Scorecard;
}

export function summaryLines(summary: SessionSummary, color: boolean): string[] {
  const c = paint(color);
  const { outcome } = summary;
  const words = startWords().summary;
  const when = startWords().card.when;
  const lines = [c.bold(words.saved(summary.meetingId, summary.person)), '', c.bold(words.tableHeading)];
  for (const phase of outcome.phases) {
    const actual = phase.actualSeconds === null ? words.skipped : formatElapsed(phase.actualSeconds * 1000);
    const over = phase.overShare ? words.overShare(words.share(phase.maxTalkShare)) : words.limit(words.share(phase.maxTalkShare));
    lines.push(`  ${pad(`${phase.position}. ${phase.title}`, 28)}${pad(formatElapsed(phase.plannedSeconds * 1000), 9)}${pad(actual, 9)}${words.share(phase.share)}${over}`);
  }
  lines.push(
    `  ${pad(words.wholeMeeting, 28)}${pad(formatElapsed(outcome.plannedSeconds * 1000), 9)}${pad(formatElapsed(outcome.actualSeconds * 1000), 9)}${words.share(outcome.share)}`,
    '',
    `  ${words.talk(verdictWords(outcome.verdict))}`,
    `  ${words.rule(words.share(outcome.ruleGoal), words.share(outcome.goal))}`,
    `  ${longestMonologueWords(outcome.longestMonologue)}`,
  );
  const reflecting = reflectingWords(outcome.marks, outcome.reflecting);
  if (reflecting) lines.push(`  ${reflecting}`);
  if (summary.asks.length === 0) lines.push(`  ${words.noAsk}`);
  for (const ask of summary.asks) lines.push(`  ${words.ask(ask.id, ask.text, ask.dueAt ? when(ask.dueAt) : null, ask.outcome && outcomeLabel(ask.outcome))}`);
  for (const followUp of summary.followUps) lines.push(`  ${words.followUp(followUp.id, followUp.text ?? '', when(followUp.dueAt))}`);
  lines.push(`  ${words.rung(rungLabel(summary.rung.before), rungLabel(summary.rung.after), summary.potential)}`);
  if (summary.referrals.length > 0) lines.push(`  ${words.connected(summary.referrals)}`);
  lines.push(`  ${words.notesKept(summary.notesKept)}`, '', ...scorecardLines(summary.scorecard, color), '', `  ${REVIEW_LATER(summary.meetingId)}`);
  return lines;
}

/** Planned meeting lengths as choices read aloud: "30 min". */
export function lengthLabel(minutes: number): string {
  return startWords().length(minutes);
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}
