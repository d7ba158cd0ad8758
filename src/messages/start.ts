/** What `start` says before, around and after the live phases, in English: the prep, the card, the read-back, the summary. Another language is another module of this shape. */
import type { Goal } from '../meeting/tags.js';
import { daysAgo, formatDateTime, formatMinutes, formatShare } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

/** A meeting as start names it: its number and who it is with. */
export interface MeetingRef {
  id: number;
  personName: string;
}

export interface StartWords {
  goals: Record<Goal, { name: string; description: string }>;
  meetingFor: string;
  howLong: string;
  plannedAsk: string;
  ready(phases: number, length: string): string;
  prepared(meeting: MeetingRef): string;
  unfinished(meeting: MeetingRef): string;
  whoAreYouMeeting: string;
  addNew(name: string): string;
  newcomer(name: string): string;
  sources: { referral: string; event: string; other: string };
  whichEvent: string;
  howGotName: string;
  whoReferred: string;
  addReferrer(name: string): string;
  whichGuide: string;
  /** A meeting's planned length, read aloud as a choice: "30 min". */
  length(minutes: number): string;
  resumingAt(meeting: MeetingRef, phase: number, left: string): string;
  resumingDebrief(meeting: MeetingRef): string;
  timeLeft(left: string): string;
  timeOver(over: string): string;
  offline(reason: string): string;
  cannotReferThemselves(name: string): string;
  addATime(answer: string): string;
  readBack(moment: Date): string;
  discarded(meeting: MeetingRef, prepared: Date): string;
  stoppedBefore: string;
  stopped(meeting: MeetingRef): string;
  needsTerminal: { message: string; hint: string };
  runningElsewhere(meeting: MeetingRef, pid: string): string;
  carryOnThere: string;
  endItThere: string;
  noDraft: { message: string; hint: string };
  /** `start --resume` given what only a new meeting takes: a person, a guide, a length, a goal, an ask. */
  resumeAsPlanned(given: string[]): string;
  aPerson: string;
  noDraftCalled(input: string): { message: string; hint: string };
  card: CardWords;
  summary: SummaryWords;
  asking: AskWords;
}

/** The prep card: who they are and what was heard before. */
export interface CardWords {
  /** After the person's name and number, already set in bold. */
  heading(named: string, rung: string, potential: number | null): string;
  lastMet(when: string, meetings: number, referredBy: string | null): string;
  daysAgo(iso: string | null, now: Date): string;
  heardBefore: string;
  lastAsk(text: string, due: string | null, outcome: string | null, result: string | null): string;
  openFollowUp(id: number, text: string, due: string): string;
  when(moment: string | Date): string;
}

/** The summary after the debrief. */
export interface SummaryWords {
  saved(meetingId: number, person: string): string;
  tableHeading: string;
  skipped: string;
  overShare(limit: string): string;
  limit(limit: string): string;
  wholeMeeting: string;
  /** A talk share: "25%"; "–" when nothing was timed. */
  share(share: number | null): string;
  talk(verdict: string): string;
  rule(ruleGoal: string, goal: string): string;
  noAsk: string;
  ask(id: number, text: string, due: string | null, outcome: string | null): string;
  followUp(id: number, text: string, due: string): string;
  rung(before: string, after: string, potential: number | null): string;
  connected(names: string[]): string;
  notesKept(count: number): string;
}

const CARD_EN: CardWords = {
  heading: (named, rung, potential) => `${named} — ${rung}${potential ? `, leadership potential ${potential}/5` : ''}`,
  lastMet: (when, meetings, referredBy) =>
    `Last met: ${when} · ${meetings} meeting${meetings === 1 ? '' : 's'} before${referredBy ? ` · referred by ${referredBy}` : ''}`,
  daysAgo,
  heardBefore: 'Heard before',
  lastAsk: (text, due, outcome, result) => `Last ask: ${text}${due ? ` (by ${due})` : ''} — ${outcome ?? 'no answer recorded'}${result ? `, ${result}` : ''}`,
  openFollowUp: (id, text, due) => `Open follow-up F${id}: ${text} — ${due}`,
  when: formatDateTime,
};

const SUMMARY_EN: SummaryWords = {
  saved: (meetingId, person) => `Meeting M${meetingId} with ${person} — saved`,
  tableHeading: '  Phase                       planned  actual   you talked',
  skipped: 'skipped',
  overShare: (limit) => ` over its ${limit}`,
  limit: (limit) => ` (limit ${limit})`,
  wholeMeeting: 'Whole meeting',
  share: formatShare,
  talk: (verdict) => `Talk: ${verdict}`,
  rule: (ruleGoal, goal) => `(The 80/20 rule says talk at most ${ruleGoal}; this guide's phases allow ${goal} overall, weighted by planned time.)`,
  noAsk: 'Ask: none made this time.',
  ask: (id, text, due, outcome) => `Ask A${id}: ${text}${due ? ` — by ${due}` : ''} — ${outcome ?? 'no answer yet'}`,
  followUp: (id, text, due) => `Follow-up F${id}: ${text} — ${due}`,
  rung: (before, after, potential) => `Rung: ${before === after ? `stays ${after}` : `${before} → ${after}`}${potential ? ` · leadership potential ${potential}/5` : ''}`,
  connected: (names) => `Connected you to: ${names.join(', ')}`,
  notesKept: (count) => `Notes kept: ${count}`,
};

/** The plain questions' own words (--plain, TERM=dumb, a screen reader's line mode). */
export interface AskWords {
  number: string;
  typeANumber(most: number): string;
  numbersToDrop: string;
  typeNumbers(most: number): string;
  typeAName: string;
  whichOne: string;
  oneLetter: string;
  yesNoDefaultYes: string;
  yesNoDefaultNo: string;
  yes: string[];
  no: string[];
  typeYesOrNo: string;
}

const ASK_EN: AskWords = {
  number: 'Number',
  typeANumber: (most) => `Type a number from 1 to ${most}.`,
  numbersToDrop: 'Numbers to drop, separated by spaces (Enter keeps them all): ',
  typeNumbers: (most) => `Type numbers from 1 to ${most}, or just Enter.`,
  typeAName: '(type a name)',
  whichOne: 'Which one?',
  oneLetter: 'Type at least one letter of the name.',
  yesNoDefaultYes: '[Y/n]',
  yesNoDefaultNo: '[y/N]',
  yes: ['y', 'yes'],
  no: ['n', 'no'],
  typeYesOrNo: 'Type y or n.',
};

const START_EN: StartWords = {
  goals: {
    recruitment: { name: 'recruitment', description: 'get to know them and invite them in' },
    maintenance: { name: 'maintenance', description: 'keep someone involved, deepen the relationship' },
    escalation: { name: 'escalation', description: 'ask someone involved to take on more' },
  },
  meetingFor: 'What is this meeting for? (say it out loud at the start)',
  howLong: 'How long will you meet?',
  plannedAsk: 'The ask you plan to make, if you know it (Enter to skip):',
  ready: (phases, length) => `Ready? ${phases} phases, ${length}. Start the first phase now?`,
  prepared: ({ id, personName }) => `Prepared and saved as draft M${id}. When ${personName} arrives: oneonone start --resume ${id}`,
  unfinished: ({ id, personName }) => `(An unfinished meeting with ${personName} is saved as draft M${id}; oneonone start --resume ${id} carries it on.)`,
  whoAreYouMeeting: 'Who are you meeting?',
  addNew: (name) => `Add "${name}" as a new person`,
  newcomer: (name) => `${name} is new. How did you get their name?`,
  sources: { referral: 'Someone referred them to me', event: 'I met them at an event or meeting', other: 'Another way' },
  whichEvent: 'Which event?',
  howGotName: 'How did you get their name? (Enter to skip)',
  whoReferred: 'Who referred them?',
  addReferrer: (name) => `Add "${name}"`,
  whichGuide: 'Which meeting guide?',
  length: (minutes) => formatMinutes(minutes * 60),
  resumingAt: ({ id, personName }, phase, left) => `Resuming meeting M${id} with ${personName} at phase ${phase} (${left}).`,
  resumingDebrief: ({ id, personName }) => `Resuming meeting M${id} with ${personName} at the debrief.`,
  timeLeft: (left) => `${left} left`,
  timeOver: (over) => `already ${over} over`,
  offline: (reason) => `(${reason}: the meeting runs on this computer and is sent when the server can be reached.)`,
  cannotReferThemselves: (name) => `${name} cannot refer themselves; not kept.`,
  addATime: (answer) => `Add a time of day too, e.g. "${answer} 6pm": a specific ask says when, not just which day.`,
  readBack: (moment) => `That is ${formatDateTime(moment)}. Right?`,
  discarded: ({ id, personName }, prepared) => `Discarded draft M${id} with ${personName}, prepared ${formatDateTime(prepared)}. Bring it back with: oneonone undo`,
  stoppedBefore: 'stopped before the meeting began; nothing of it was saved',
  stopped: ({ id, personName }) => `stopped: the meeting with ${personName} is saved as draft M${id}; carry on with: oneonone start --resume ${id}`,
  needsTerminal: {
    message: 'oneonone start needs a terminal: it asks questions and runs live timers',
    hint: 'to record a meeting without questions use: oneonone log "Name" --value … --ask … (see oneonone log --help), or run start in a terminal',
  },
  runningElsewhere: ({ id, personName }, pid) => `meeting M${id} with ${personName} is running in another terminal (process ${pid})`,
  carryOnThere: 'carry on in that terminal; if it is gone, close it (or end that process) and resume again',
  endItThere: 'end it there first',
  noDraft: { message: 'there is no unfinished meeting to resume', hint: 'start one with: oneonone start' },
  resumeAsPlanned: (given) => `--resume continues a meeting as it was planned: leave out ${given.join(', ')}`,
  aPerson: 'a person',
  noDraftCalled: (input) => ({ message: `there is no unfinished meeting M${input}`, hint: 'resume the latest with: oneonone start --resume' }),
  card: CARD_EN,
  summary: SUMMARY_EN,
  asking: ASK_EN,
};

export const askWords = (): AskWords => spokenCatalogues()?.start.asking ?? ASK_EN;

/** start's words in this run's language. */
export const startWords = (): StartWords => spokenCatalogues()?.start ?? START_EN;
