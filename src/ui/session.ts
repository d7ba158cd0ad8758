import type { Scorecard } from '../meeting/scorecard.js';
import { REVIEW_LATER } from '../messages/scorecard.js';
import { scorecardLines } from './scorecard.js';
import type { MeetingOutcome } from '../meeting/summary.js';
import { NOTE_TAG_LABELS, isNoteTag } from '../meeting/tags.js';
import { longestMonologueWords, reflectingWords, verdictWords } from '../messages/meeting.js';
import { personLanguageLine } from '../messages/person-language.js';
import { daysAgo, formatDateTime, formatElapsed, formatMinutes, formatShare } from '../support/format.js';
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
  const lines = [
    c.bold(`${card.name} (#${card.id})`) + ` — ${card.rung}${card.potential ? `, leadership potential ${card.potential}/5` : ''}`,
    `  Last met: ${daysAgo(card.lastMet, now)} · ${card.meetings} meeting${card.meetings === 1 ? '' : 's'} before${card.referredBy ? ` · referred by ${card.referredBy}` : ''}`,
  ];
  const language = personLanguageLine(card.language, card.interpreter);
  if (language) lines.push(`  ${language}`);
  if (card.heard.length > 0) {
    lines.push(c.bold('  Heard before'));
    for (const note of card.heard) lines.push(`    ${isNoteTag(note.tag) ? NOTE_TAG_LABELS[note.tag] : note.tag}: ${note.text}`);
  }
  if (card.lastAsk) {
    const ask = card.lastAsk;
    const result = ask.result ? `, ${ask.result}` : '';
    lines.push(`  Last ask: ${ask.text}${ask.dueAt ? ` (by ${formatDateTime(ask.dueAt)})` : ''} — ${ask.outcome ?? 'no answer recorded'}${result}`);
  }
  for (const followUp of card.openFollowUps) lines.push(`  Open follow-up F${followUp.id}: ${followUp.text} — ${formatDateTime(followUp.dueAt)}`);
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
  const lines = [c.bold(`Meeting M${summary.meetingId} with ${summary.person} — saved`), '', c.bold('  Phase                       planned  actual   you talked')];
  for (const phase of outcome.phases) {
    const actual = phase.actualSeconds === null ? 'skipped' : formatElapsed(phase.actualSeconds * 1000);
    const over = phase.overShare ? ` over its ${formatShare(phase.maxTalkShare)}` : ` (limit ${formatShare(phase.maxTalkShare)})`;
    lines.push(`  ${pad(`${phase.position}. ${phase.title}`, 28)}${pad(formatElapsed(phase.plannedSeconds * 1000), 9)}${pad(actual, 9)}${formatShare(phase.share)}${over}`);
  }
  lines.push(
    `  ${pad('Whole meeting', 28)}${pad(formatElapsed(outcome.plannedSeconds * 1000), 9)}${pad(formatElapsed(outcome.actualSeconds * 1000), 9)}${formatShare(outcome.share)}`,
    '',
    `  Talk: ${verdictWords(outcome.verdict)}`,
    `  (The 80/20 rule says talk at most ${formatShare(outcome.ruleGoal)}; this guide's phases allow ${formatShare(outcome.goal)} overall, weighted by planned time.)`,
    `  ${longestMonologueWords(outcome.longestMonologue)}`,
  );
  const reflecting = reflectingWords(outcome.marks, outcome.reflecting);
  if (reflecting) lines.push(`  ${reflecting}`);
  if (summary.asks.length === 0) lines.push('  Ask: none made this time.');
  for (const ask of summary.asks) {
    lines.push(`  Ask A${ask.id}: ${ask.text}${ask.dueAt ? ` — by ${formatDateTime(ask.dueAt)}` : ''} — ${ask.outcome ?? 'no answer yet'}`);
  }
  for (const followUp of summary.followUps) lines.push(`  Follow-up F${followUp.id}: ${followUp.text} — ${formatDateTime(followUp.dueAt)}`);
  const moved = summary.rung.before === summary.rung.after ? `stays ${summary.rung.after}` : `${summary.rung.before} → ${summary.rung.after}`;
  lines.push(`  Rung: ${moved}${summary.potential ? ` · leadership potential ${summary.potential}/5` : ''}`);
  if (summary.referrals.length > 0) lines.push(`  Connected you to: ${summary.referrals.join(', ')}`);
  lines.push(`  Notes kept: ${summary.notesKept}`, '', ...scorecardLines(summary.scorecard, color), '', `  ${REVIEW_LATER(summary.meetingId)}`);
  return lines;
}

/** Planned meeting lengths as choices read aloud: "30 min". */
export function lengthLabel(minutes: number): string {
  return formatMinutes(minutes * 60);
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}
