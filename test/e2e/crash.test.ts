import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, ROOT, sandbox, type Sandbox } from './helpers.js';
import { openTerminal, type Terminal } from './terminal.js';

/**
 * kill -9 at random points of `oneonone start`, then `start --resume`.
 *
 * Each run draws a plan from its seed: who is met, what happens in each of the three 6-second phases of the quick
 * template (talk toggles, quick notes, an added minute), every debrief answer, the step to kill in and how (as a
 * prompt appears, halfway through typing, just after Enter, or once a confirmation is on screen), and whether the
 * resumed meeting is completed or stopped with Ctrl-C. The plan is replayed by seed; the exact moment of the kill
 * is a timer against a live process, so a replay hits the same step but not the same microsecond.
 *
 *   ONEONONE_CRASH_RUNS=30 npx vitest run test/e2e/crash.test.ts     more runs (8 by default)
 *   ONEONONE_CRASH_SEED=1234 ONEONONE_CRASH_RUNS=1 npx vitest run test/e2e/crash.test.ts     replay one run
 */
const RUNS = Number(process.env.ONEONONE_CRASH_RUNS ?? 8);
const BASE_SEED = process.env.ONEONONE_CRASH_SEED !== undefined ? Number(process.env.ONEONONE_CRASH_SEED) : Math.floor(Math.random() * 1_000_000);
const CATEGORIES = ['prep', 'talk', 'note', 'typing', 'ask', 'debrief'] as const;
type Category = (typeof CATEGORIES)[number];

const DOWN = '\u001b[B';
const UP = '\u001b[A';
const CTRL_C = '\u0003';
const WAIT_MS = 8000;

// ── a seeded generator ─────────────────────────────────────────────────────

interface Random {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function random(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)]!, chance: (p) => next() < p };
}

// ── where a meeting stands: the order `start` moves through ─────────────────

const DEBRIEF_STEPS = [
  'ask', 'ask-due', 'ask-barriers', 'ask-support', 'ask-outcome', 'after-no', 'pivot', 'notes', 'heard-value', 'heard-interest',
  'heard-issue', 'heard-skill', 'heard-capacity', 'agitation', 'story', 'rung', 'potential', 'assessment', 'units', 'referrals', 'referral-how', 'checklist', 'followup-due',
  'followup-text', 'reflection', 'summary',
] as const;
type Step = (typeof DEBRIEF_STEPS)[number];
/** 0: no draft yet; 1-3: in that phase; 10+: at that debrief step; 100: complete. */
const NO_DRAFT = 0;
const COMPLETE = 100;
const stepPlace = (step: Step) => 10 + DEBRIEF_STEPS.indexOf(step);
function placeName(place: number): string {
  if (place === NO_DRAFT) return 'no draft';
  if (place === COMPLETE) return 'complete';
  if (place < 10) return `phase ${place}`;
  return `debrief step ${DEBRIEF_STEPS[place - 10]}`;
}

// ── the plan of one run ────────────────────────────────────────────────────

type Tag = 'value' | 'interest' | 'issue' | 'skill' | 'capacity';
const TAG_KEYS: Record<Tag, { key: string; label: string }> = {
  value: { key: 'v', label: 'value' },
  interest: { key: 'i', label: 'self-interest' },
  issue: { key: 's', label: 'issue' },
  skill: { key: 'k', label: 'skill' },
  capacity: { key: 'c', label: 'capacity' },
};
const HEARD: { step: Step; tag: Tag; question: string }[] = [
  { step: 'heard-value', tag: 'value', question: 'What values did you hear?' },
  { step: 'heard-interest', tag: 'interest', question: 'What self-interests did you hear?' },
  { step: 'heard-issue', tag: 'issue', question: 'Which issues would they act on?' },
  { step: 'heard-skill', tag: 'skill', question: 'What skills do they have?' },
  { step: 'heard-capacity', tag: 'capacity', question: 'What is their capacity?' },
];
const WORDS = ['rent', 'repairs', 'the bus stop', 'night shifts', 'her kids', 'the landlord', 'fair pay', 'childcare', 'the park', 'choir'];
const NAMES = ['Ana Ruiz', 'José Núñez', 'Li Wei', 'Marta Gil', 'Noor Haddad', 'Ben Ortiz'];

type PhaseAction = { kind: 'talk'; ms: number } | { kind: 'note'; tag: Tag; text: string } | { kind: 'plus' };

interface Plan {
  seed: number;
  category: Category;
  name: string;
  /** Met before (logged), or added by `start` itself (then the database is created by `start`). */
  existing: boolean;
  source: 'event' | 'other';
  sourceDetail: string;
  goal: string;
  planAskOption: string | null;
  /** Typed at "The ask you plan to make" when there is no --plan-ask; null: Enter. */
  planAskTyped: string | null;
  phases: PhaseAction[][];
  ask: { mode: 'planned' | 'typed' | 'none'; text: string };
  barriers: string | null;
  support: string;
  outcome: 'yes' | 'maybe' | 'no';
  heard: Record<Tag, string[]>;
  agitation: string | null;
  story: string | null;
  potentialFive: boolean;
  referral: string | null;
  followUp: boolean;
  /** Another process runs `oneonone log` in a loop while `start` is killed. */
  writer: boolean;
  /** After resuming: stop with Ctrl-C somewhere instead of finishing. */
  ctrlC: boolean;
}

function makePlan(seed: number): Plan {
  const r = random(seed);
  const category = CATEGORIES[seed % CATEGORIES.length]!;
  let serial = 0;
  const text = (prefix: string) => `${prefix}${++serial} ${r.pick(WORDS)}`;
  const tag = () => r.pick(Object.keys(TAG_KEYS) as Tag[]);
  const phases: PhaseAction[][] = [1, 2, 3].map(() => {
    const actions: PhaseAction[] = [];
    for (let n = r.int(0, 3); n > 0; n--) {
      const kind = r.pick(['talk', 'note', 'note', 'plus'] as const);
      if (kind === 'talk') actions.push({ kind, ms: r.int(0, 700) });
      else if (kind === 'note') actions.push({ kind, tag: tag(), text: text('q') });
      else if (!actions.some((action) => action.kind === 'plus')) actions.push({ kind });
    }
    return actions;
  });
  // The step to kill in must be there.
  const needs = category === 'talk' ? 'talk' : category === 'note' || category === 'typing' ? 'note' : undefined;
  if (needs) {
    const phase = phases[r.int(0, 2)]!;
    if (!phase.some((action) => action.kind === needs)) {
      phase.splice(r.int(0, phase.length), 0, needs === 'talk' ? { kind: 'talk', ms: r.int(0, 700) } : { kind: 'note', tag: tag(), text: text('q') });
    }
  }
  const existing = r.chance(0.5);
  const planAskOption = r.chance(0.5) ? 'come to the tenant meeting' : null;
  const planAskTyped = planAskOption === null && r.chance(0.7) ? 'join the repairs committee' : null;
  const planned = planAskOption ?? planAskTyped;
  const askMode = r.pick(planned ? (['planned', 'planned', 'typed', 'none'] as const) : (['typed', 'typed', 'none'] as const));
  const heard = Object.fromEntries(HEARD.map(({ tag: t }) => [t, Array.from({ length: r.pick([0, 0, 1, 2]) }, () => text('h'))])) as Record<Tag, string[]>;
  return {
    seed,
    category,
    name: r.pick(NAMES),
    existing,
    source: r.pick(['event', 'other'] as const),
    sourceDetail: r.pick(['the tenant assembly', 'the block party', 'a neighbour']),
    goal: r.pick(['recruitment', 'maintenance', 'escalation']),
    planAskOption,
    planAskTyped,
    phases,
    ask: { mode: askMode, text: askMode === 'planned' ? planned! : 'sign the petition by the door' },
    barriers: r.chance(0.5) ? 'works late' : null,
    support: 'a ride there',
    outcome: r.pick(['yes', 'maybe', 'no'] as const),
    heard,
    agitation: r.chance(0.5) ? 'the heat is off again' : null,
    story: r.chance(0.5) ? 'my own eviction' : null,
    potentialFive: r.chance(0.5),
    referral: r.chance(0.5) ? r.pick(['Joan Baez', 'Sam Cho', 'Rita Moreno']) : null,
    followUp: r.chance(0.5),
    writer: r.chance(0.25),
    ctrlC: r.chance(0.35),
  };
}

function describePlan(plan: Plan): string {
  const phases = plan.phases.map((actions, index) => `phase ${index + 1}: ${actions.map((a) => (a.kind === 'note' ? `note(${a.tag})` : a.kind)).join(', ') || '-'}`);
  return [
    `${plan.existing ? 'met before' : 'new person'} ${plan.name}, --plan-ask ${plan.planAskOption ? 'given' : plan.planAskTyped ? 'typed' : 'skipped'}`,
    ...phases,
    `ask ${plan.ask.mode}, outcome ${plan.outcome}, barriers ${plan.barriers ? 'yes' : 'no'}, follow-up ${plan.followUp}, referral ${plan.referral ?? '-'}`,
    `writer alongside: ${plan.writer}; after resuming: ${plan.ctrlC ? 'Ctrl-C' : 'finish'}`,
  ].join('; ');
}

// ── the meeting as a script of beats ────────────────────────────────────────

type Fact =
  | { kind: 'person'; source: string; sourceDetail: string }
  | { kind: 'plannedAsk'; text: string | null }
  | { kind: 'note'; tag: string; text: string }
  | { kind: 'ask'; text: string }
  | { kind: 'askField'; field: 'dueAt' | 'barriers' | 'support' | 'outcome'; value: string | null }
  | { kind: 'agitation'; text: string | null }
  | { kind: 'potential'; value: number }
  | { kind: 'referral'; name: string }
  | { kind: 'followUp' };

interface Move {
  keys?: string;
  /** Typed as one answer; a kill can land halfway through it. */
  typed?: boolean;
  pauseMs?: number;
  /** On screen once the keys have been taken (and, for notes, written). */
  confirm?: string;
}

/** One thing the organizer does: wait for its question (if it has one), press its keys. */
interface Beat {
  index: number;
  place: number;
  label: string;
  prep?: boolean;
  prompt?: string;
  moves: Move[];
  fact?: Fact;
  /** A debrief entry saved without leaving the step (values heard, referrals): the same question comes back. */
  stay?: boolean;
  /** Something done inside a live phase (talk, note, +): resuming the phase skips it once done. */
  phaseAction?: boolean;
}

function textAnswer(text: string | null): Move[] {
  return text === null ? [{ keys: '\r' }] : [{ keys: text, typed: true }, { keys: '\r' }];
}

function buildScript(plan: Plan, personExists: boolean): Beat[] {
  const beats: Omit<Beat, 'index'>[] = [];
  const add = (beat: Omit<Beat, 'index'>) => beats.push(beat);
  // Preparation (the person, goal and guide come as options).
  if (!personExists) {
    add({ place: NO_DRAFT, prep: true, label: 'how did you get their name', prompt: 'is new. How did you get their name?', moves: [{ keys: plan.source === 'event' ? `${DOWN}\r` : `${DOWN}${DOWN}\r` }] });
    add({
      place: NO_DRAFT, prep: true, label: 'which event', prompt: plan.source === 'event' ? 'Which event?' : '(Enter to skip)',
      moves: textAnswer(plan.sourceDetail), fact: { kind: 'person', source: plan.source, sourceDetail: plan.sourceDetail },
    });
  }
  if (plan.planAskOption === null) {
    add({ place: NO_DRAFT, prep: true, label: 'the planned ask', prompt: 'The ask you plan to make', moves: textAnswer(plan.planAskTyped), fact: { kind: 'plannedAsk', text: plan.planAskTyped } });
  }
  add({ place: 1, prep: true, label: 'ready?', prompt: 'Start the first phase now?', moves: [{ keys: '\r' }] });

  // The live phases.
  plan.phases.forEach((actions, index) => {
    const phase = index + 1;
    add({ place: phase, label: `phase ${phase} screen`, prompt: `Phase ${phase} of 3`, moves: [] });
    for (const action of actions) {
      if (action.kind === 'talk') {
        add({
          place: phase, phaseAction: true, label: `phase ${phase}: talk`,
          moves: [{ keys: 't', confirm: 'Talking now: you' }, { pauseMs: action.ms, keys: 't', confirm: 'Talking now: them' }],
        });
      } else if (action.kind === 'plus') {
        add({ place: phase, phaseAction: true, label: `phase ${phase}: add a minute`, moves: [{ keys: '+', confirm: 'of 01:06' }] });
      } else {
        const { key, label } = TAG_KEYS[action.tag];
        add({
          place: phase, phaseAction: true, label: `phase ${phase}: quick note "${action.text}"`,
          fact: { kind: 'note', tag: action.tag, text: action.text },
          moves: [
            { keys: 'a', confirm: 'Enter choose the kind of note' },
            { keys: action.text, typed: true, confirm: `Note: ${action.text}` },
            { keys: '\r', confirm: 'What kind of note is it?' },
            { keys: key, confirm: `Noted (${label}): ${action.text}` },
          ],
        });
      }
    }
    add({ place: phase, label: `phase ${phase}: next`, moves: [{ keys: 'n' }] });
  });

  // The commitment.
  const planned = plan.planAskOption ?? plan.planAskTyped;
  const step = (s: Step, beat: Omit<Beat, 'index' | 'place'>) => add({ place: stepPlace(s), ...beat });
  step('ask', {
    label: 'the ask', prompt: 'The ask: what exactly',
    moves: plan.ask.mode === 'none' ? textAnswer('-') : plan.ask.mode === 'planned' ? [{ keys: '\r' }] : textAnswer(plan.ask.text),
    fact: plan.ask.mode === 'none' ? undefined : { kind: 'ask', text: plan.ask.mode === 'planned' ? planned! : plan.ask.text },
  });
  if (plan.ask.mode !== 'none') {
    // The date is saved once it is confirmed.
    step('ask-due', { label: 'by when', prompt: 'By when?', moves: textAnswer('2099-03-02 18:00') });
    step('ask-due', { label: 'by when: right?', prompt: 'Right?', moves: [{ keys: '\r' }], fact: { kind: 'askField', field: 'dueAt', value: '2099-03-02T18:00:00.000Z' } });
    step('ask-barriers', { label: 'barriers', prompt: 'What might stop them?', moves: textAnswer(plan.barriers), fact: { kind: 'askField', field: 'barriers', value: plan.barriers } });
    if (plan.barriers !== null) {
      step('ask-support', { label: 'support', prompt: 'How will you help remove that?', moves: textAnswer(plan.support), fact: { kind: 'askField', field: 'support', value: plan.support } });
    }
    const keys = { yes: '\r', maybe: `${DOWN}\r`, no: `${DOWN}${DOWN}\r` }[plan.outcome];
    step('ask-outcome', { label: 'what they said', prompt: 'What did they say to', moves: [{ keys }], fact: { kind: 'askField', field: 'outcome', value: plan.outcome } });
    if (plan.outcome === 'no') step('after-no', { label: 'after a no', prompt: 'What next?', moves: [{ keys: `${DOWN}\r` }] });
  }

  // The debrief.
  if (plan.phases.some((actions) => actions.some((action) => action.kind === 'note'))) {
    step('notes', { label: 'quick notes kept', prompt: 'Your quick notes', moves: [{ keys: '\r' }] });
  }
  for (const { step: s, tag, question } of HEARD) {
    let prompt = question;
    for (const entry of plan.heard[tag]) {
      step(s, { label: `${tag} heard "${entry}"`, prompt, moves: textAnswer(entry), fact: { kind: 'note', tag, text: entry }, stay: true });
      prompt = `${entry}. Add one`;
    }
    step(s, { label: `${tag} heard: go on`, prompt, moves: [{ keys: '\r' }] });
  }
  step('agitation', { label: 'agitation', prompt: 'Agitation:', moves: textAnswer(plan.agitation), fact: { kind: 'agitation', text: plan.agitation } });
  step('story', {
    label: 'story shared', prompt: 'The story you shared', moves: textAnswer(plan.story),
    fact: plan.story === null ? undefined : { kind: 'note', tag: 'story', text: plan.story },
  });
  step('rung', { label: 'rung', prompt: 'on the ladder', moves: [{ keys: '\r' }] });
  step('potential', {
    label: 'potential', prompt: 'Leadership potential', moves: [{ keys: plan.potentialFive ? `${UP}\r` : '\r' }],
    fact: plan.potentialFive ? { kind: 'potential', value: 5 } : undefined,
  });
  step('assessment', { label: 'assessment: not sure yet', prompt: 'stand on the campaign', moves: [{ keys: '\r' }] });
  step('units', { label: 'units: go on', prompt: 'Which building, worksite', moves: [{ keys: '\r' }] });
  let prompt = 'connect you to anyone';
  if (plan.referral !== null) {
    step('referrals', { label: `referral ${plan.referral}`, prompt, moves: textAnswer(plan.referral), fact: { kind: 'referral', name: plan.referral } });
    step('referral-how', { label: 'how they know them: skipped', prompt: `know ${plan.referral}?`, moves: [{ keys: '\r' }] });
    prompt = `${plan.referral})`;
  }
  step('referrals', { label: 'referrals: go on', prompt, moves: [{ keys: '\r' }] });
  step('checklist', { label: 'checklist', prompt: 'Which of these did you do', moves: [{ keys: '\r' }] });
  if (plan.followUp) {
    step('followup-due', { label: 'follow-up date', prompt: 'When will you follow up', moves: [{ keys: '\r' }] });
    step('followup-due', { label: 'follow-up date: right?', prompt: 'Right?', moves: [{ keys: '\r' }], fact: { kind: 'followUp' } });
    step('followup-text', { label: 'next step', prompt: 'Your next step', moves: [{ keys: '\r' }] });
  } else {
    step('followup-due', { label: 'no follow-up', prompt: 'When will you follow up', moves: textAnswer('-') });
  }
  step('reflection', { label: 'reflection', prompt: 'differently next time', moves: [{ keys: '\r' }] });
  step('summary', { label: 'summary', prompt: 'Notes kept', moves: [] });
  return beats.map((beat, index) => ({ ...beat, index }));
}

// ── driving a terminal through the script ───────────────────────────────────

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for text in what was printed since the last mark. Whitespace is left out on both sides: the prompts are
 * broken at the terminal's width, sometimes in the middle of a word.
 */
async function seen(t: Terminal, text: string, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pattern = text.replace(/\s+/g, '');
  for (;;) {
    if (t.sinceMark().replace(/\s+/g, '').includes(pattern)) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${String(pattern)}); the screen ended with:\n${t.text().slice(-1500)}`);
    }
    await sleep(20);
  }
}

/** The resume line, up to where it names the phase or the debrief. */
async function resumeLine(t: Terminal): Promise<string> {
  await seen(t, 'Resuming meeting M', 'the resume line');
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const line = /Resuming meeting M\d+ with .+? at (phase \d+|the debrief)/.exec(t.text().replace(/\s+/g, ' '));
    if (line) return line[0];
    if (Date.now() > deadline) throw new Error(`the resume line never named a place; the screen ended with:\n${t.text().slice(-1500)}`);
    await sleep(20);
  }
}

/** Which of these questions is drawn first (fails at once on a wrong one instead of waiting for the right one). */
async function firstQuestion(t: Terminal, questions: string[]): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const screen = t.text().replace(/\s+/g, '');
    const found = questions
      .map((question) => ({ question, at: screen.indexOf(question.replace(/\s+/g, '')) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (found) return found.question;
    if (Date.now() > deadline) throw new Error(`no question after resuming; the screen ended with:\n${t.text().slice(-1500)}`);
    await sleep(20);
  }
}

type KillMode = 'startup' | 'prompt' | 'typing' | 'sent' | 'confirmed';
interface KillPoint {
  beat: number;
  move: number;
  mode: KillMode;
  delayMs: number;
  /** Characters typed before the kill ('typing'). */
  typedChars: number;
  typingGapMs: number;
}

function chooseKill(plan: Plan, script: Beat[]): KillPoint {
  const r = random(plan.seed ^ 0x5bd1e995);
  const inSteps = (from: Step, to: Step) => script.filter((b) => b.place >= stepPlace(from) && b.place <= stepPlace(to));
  const base = { move: 0, typedChars: 0, typingGapMs: r.int(5, 60) };
  const atDebrief = (beats: Beat[]): KillPoint => {
    const beat = r.pick(beats);
    const typedMove = beat.moves.findIndex((m) => m.typed);
    const modes: KillMode[] = typedMove >= 0 ? ['prompt', 'typing', 'sent', 'sent'] : ['prompt', 'sent', 'sent'];
    // Enter on the last question ends the meeting and the process within milliseconds: nothing is left to kill.
    const isLast = beat.index === [...script].reverse().find((b) => b.moves.length > 0)!.index;
    const mode = r.pick(isLast ? modes.filter((m) => m !== 'sent') : modes);
    if (mode === 'typing') {
      return { ...base, beat: beat.index, move: typedMove, mode, delayMs: r.int(0, 200), typedChars: r.int(1, beat.moves[typedMove]!.keys!.length - 1) };
    }
    return { ...base, beat: beat.index, move: beat.moves.length - 1, mode, delayMs: mode === 'sent' ? r.int(0, 120) : r.int(0, 500) };
  };
  const noteBeats = script.filter((b) => b.fact?.kind === 'note' && b.phaseAction);
  switch (plan.category) {
    case 'prep': {
      const prep = script.filter((b) => b.prep);
      if (r.chance(0.35)) return { ...base, beat: 0, mode: 'startup', delayMs: r.int(0, 700) };
      return atDebrief(prep);
    }
    case 'talk': {
      const beat = r.pick(script.filter((b) => b.label.endsWith(': talk')));
      return { ...base, beat: beat.index, mode: 'confirmed', delayMs: r.int(0, 1500) };
    }
    case 'note': {
      const beat = r.pick(noteBeats);
      return { ...base, beat: beat.index, move: 3, mode: 'confirmed', delayMs: r.int(0, 400) };
    }
    case 'typing': {
      const beat = r.pick(noteBeats);
      return { ...base, beat: beat.index, move: 1, mode: 'typing', delayMs: r.int(0, 300), typedChars: r.int(1, beat.moves[1]!.keys!.length - 1) };
    }
    case 'ask':
      return atDebrief(inSteps('ask', 'after-no'));
    case 'debrief':
      return atDebrief(inSteps('notes', 'followup-text'));
  }
}

interface Stopped {
  beat: number;
  /** The note text typed so far when killed mid-line. */
  partial?: string;
}

/** Plays beats in order; stops (without killing) at the kill point, or sends Ctrl-C at a beat's question. */
async function play(t: Terminal, beats: Beat[], options: { kill?: KillPoint; ctrlCAt?: number } = {}): Promise<Stopped | undefined> {
  const { kill } = options;
  for (const beat of beats) {
    const here = kill?.beat === beat.index ? kill : undefined;
    if (here?.mode === 'startup') {
      await sleep(here.delayMs);
      return { beat: beat.index };
    }
    if (beat.prompt !== undefined) await seen(t, beat.prompt, `"${beat.label}"`);
    if (options.ctrlCAt === beat.index) {
      t.mark();
      t.write(CTRL_C);
      return { beat: beat.index };
    }
    if (here?.mode === 'prompt') {
      await sleep(here.delayMs);
      return { beat: beat.index };
    }
    for (const [m, move] of beat.moves.entries()) {
      if (move.pauseMs) await sleep(move.pauseMs);
      if (here?.mode === 'typing' && here.move === m) {
        const partial = move.keys!.slice(0, here.typedChars);
        for (const char of partial) {
          t.write(char);
          await sleep(here.typingGapMs);
        }
        await sleep(here.delayMs);
        return { beat: beat.index, partial };
      }
      if (move.keys !== undefined) {
        t.mark();
        t.write(move.keys);
      }
      if (here?.mode === 'sent' && here.move === m) {
        await sleep(here.delayMs);
        return { beat: beat.index };
      }
      if (move.confirm !== undefined) await seen(t, move.confirm, `the confirmation of "${beat.label}"`);
      if (here?.mode === 'confirmed' && here.move === m) {
        await sleep(here.delayMs);
        return { beat: beat.index };
      }
    }
  }
  return undefined;
}

/** Where a killed run may stand: where its last question was, or one further if its answer had been sent. */
function allowedPlaces(script: Beat[], kill: KillPoint): number[] {
  const beat = script[kill.beat]!;
  if (kill.mode === 'startup') return [NO_DRAFT, beat.place];
  const lastMove = kill.move === beat.moves.length - 1;
  if (kill.mode === 'sent' && lastMove) {
    const next = script[kill.beat + 1]?.place ?? COMPLETE;
    // The summary is written as it is shown: a kill there may find the meeting complete.
    return next === stepPlace('summary') ? [beat.place, next, COMPLETE] : [beat.place, next];
  }
  return [beat.place];
}

/** Facts of beats whose confirmation was on screen before the kill. */
function confirmedFacts(script: Beat[], kill: KillPoint): Fact[] {
  const beat = script[kill.beat]!;
  const confirmedHere = kill.mode === 'confirmed' && kill.move === beat.moves.length - 1;
  return script.filter((b) => b.index < kill.beat || (confirmedHere && b.index === kill.beat)).flatMap((b) => (b.fact ? [b.fact] : []));
}

// ── what the database says ──────────────────────────────────────────────────

interface ShownMeeting {
  id: number;
  status: string;
  step: string | null;
  currentPhase: number | null;
  template: string;
  plannedAsk: string | null;
  agitation: string | null;
  phases: { position: number; actualSeconds: number | null; organizerTalkSeconds: number | null }[];
  notes: { tag: string; text: string }[];
  asks: { text: string; dueAt: string | null; barriers: string | null; support: string | null; outcome: string | null }[];
  followups: { text: string }[];
}
interface Shown {
  person: { name: string; source: string | null; sourceDetail: string | null; potential: number | null };
  meetings: ShownMeeting[];
  referrals: { name: string }[];
}

/** The file is opened read-only, and only once every process that wrote to it is gone. */
function expectSoundFile(path: string): void {
  if (!existsSync(path)) return;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), 'PRAGMA integrity_check').toBe('ok');
    expect(db.pragma('foreign_key_check'), 'PRAGMA foreign_key_check').toEqual([]);
  } finally {
    db.close();
  }
}

function shownPerson(box: Sandbox, name: string): Shown | undefined {
  const result = box.run(['show', name, '--json']);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.code === 0 ? (JSON.parse(result.stdout) as Shown) : undefined;
}

function placeOf(meeting: ShownMeeting | undefined): number {
  if (!meeting) return NO_DRAFT;
  if (meeting.status === 'complete') return COMPLETE;
  if (meeting.step === 'phases' || meeting.step === null) return meeting.currentPhase ?? 1;
  return stepPlace(meeting.step as Step);
}

function ourMeeting(shown: Shown | undefined): ShownMeeting | undefined {
  const ours = shown?.meetings.filter((meeting) => meeting.template === 'quick') ?? [];
  expect(ours.length, 'one meeting made by start').toBeLessThanOrEqual(1);
  return ours[0];
}

/** Every fact is in the database; `exact`: nothing else is (no duplicate note, no second ask). */
function expectFacts(shown: Shown | undefined, facts: Fact[], exact: boolean): void {
  const meeting = ourMeeting(shown);
  const notes = facts.flatMap((f) => (f.kind === 'note' ? [`${f.tag}: ${f.text}`] : [])).sort();
  const stored = (meeting?.notes ?? []).map((note) => `${note.tag}: ${note.text}`).sort();
  expect(new Set(stored).size, `no note saved twice: ${stored.join(' | ')}`).toBe(stored.length);
  if (exact) expect(stored).toEqual(notes);
  else expect(stored).toEqual(expect.arrayContaining(notes));
  const asks: { text: string; fields: Record<string, string | null> }[] = [];
  for (const fact of facts) {
    if (fact.kind === 'person') expect(shown?.person).toMatchObject({ source: fact.source, sourceDetail: fact.sourceDetail });
    if (fact.kind === 'plannedAsk') expect(meeting?.plannedAsk).toBe(fact.text);
    if (fact.kind === 'ask') asks.push({ text: fact.text, fields: {} });
    if (fact.kind === 'askField') asks.at(-1)!.fields[fact.field] = fact.value;
    if (fact.kind === 'agitation') expect(meeting?.agitation).toBe(fact.text);
    if (fact.kind === 'potential') expect(shown?.person.potential).toBe(fact.value);
    if (fact.kind === 'referral') expect(shown?.referrals.map((p) => p.name)).toContain(fact.name);
    if (fact.kind === 'followUp') expect(meeting?.followups.length).toBe(1);
  }
  const storedAsks = meeting?.asks ?? [];
  if (exact) expect(storedAsks.map((ask) => ask.text), 'the asks, none twice').toEqual(asks.map((ask) => ask.text));
  else expect(storedAsks.length).toBeGreaterThanOrEqual(asks.length);
  asks.forEach((ask, index) => expect(storedAsks[index]).toMatchObject({ text: ask.text, ...ask.fields }));
  if (exact && !facts.some((f) => f.kind === 'followUp')) expect(meeting?.followups ?? []).toEqual([]);
}

// ── a second writer ─────────────────────────────────────────────────────────

interface Writer {
  /** Stops the loop and waits for the `log` in flight; returns the note of each run that exited 0, and the rest. */
  stop(): Promise<{ saved: string[]; killed: string[]; failed: string[] }>;
  /** SIGKILLs the `log` in flight, if any. */
  killOne(): boolean;
}

function startWriter(box: Sandbox, name: string): Writer {
  let running = true;
  let current: ChildProcess | undefined;
  const saved: string[] = [];
  const killed: string[] = [];
  const failed: string[] = [];
  const loop = (async () => {
    for (let n = 1; running; n++) {
      const note = `from the other shell ${n}`;
      const child = spawn(process.execPath, [BIN, 'log', name, '--note', note, '--minutes', '30'], { env: box.env, stdio: ['ignore', 'ignore', 'pipe'] });
      current = child;
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
      current = undefined;
      if (signal === 'SIGKILL') killed.push(note);
      else if (code === 0 && stderr === '') saved.push(note);
      else failed.push(`${note}: exit ${code} ${stderr}`);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { saved, killed, failed };
    },
    killOne() {
      if (!current) return false;
      current.kill('SIGKILL');
      return true;
    },
  };
}

async function expectWriterWhole(box: Sandbox, writer: Writer, name: string): Promise<void> {
  const { saved, killed, failed } = await writer.stop();
  expect(failed, 'every log run alongside start succeeded (no SQLITE_BUSY)').toEqual([]);
  const shown = shownPerson(box, name);
  const notes = (shown?.meetings ?? []).flatMap((meeting) => meeting.notes.map((note) => note.text));
  expect(notes).toEqual(expect.arrayContaining(saved));
  expect(notes.length).toBeLessThanOrEqual(saved.length + killed.length);
}

// ── the runs ────────────────────────────────────────────────────────────────

let box: Sandbox | undefined;
const terminals: Terminal[] = [];
const writers: Writer[] = [];

afterEach(async () => {
  for (const t of terminals.splice(0)) t.kill('SIGKILL');
  for (const writer of writers.splice(0)) await writer.stop();
  box?.cleanup();
  box = undefined;
});

function newBox(): Sandbox {
  box = sandbox();
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
  return box;
}

function open(b: Sandbox, args: string[], env: NodeJS.ProcessEnv = {}): Terminal {
  const t = openTerminal(b, args, env);
  terminals.push(t);
  return t;
}

function startArgs(plan: Plan): string[] {
  return ['start', plan.name, '-t', 'quick', '-g', plan.goal, ...(plan.planAskOption ? ['--plan-ask', plan.planAskOption] : [])];
}

/** The beats still to play after a kill, given where the database says the meeting stands. */
function continuation(script: Beat[], place: number, kill: KillPoint, shown: Shown | undefined): Beat[] {
  const meeting = ourMeeting(shown);
  const saved = (fact: Fact | undefined) =>
    fact?.kind === 'note' ? (meeting?.notes ?? []).some((note) => note.tag === fact.tag && note.text === fact.text)
      : fact?.kind === 'referral' ? (shown?.referrals ?? []).some((p) => p.name === fact.name)
        : false;
  const killedBeat = script[kill.beat]!;
  const confirmedLast = kill.mode === 'confirmed' && kill.move === killedBeat.moves.length - 1;
  const done = (beat: Beat) => beat.index < kill.beat || (beat.index === kill.beat && (confirmedLast || saved(beat.fact)));
  return script.filter((beat) => {
    if (beat.prep || beat.place < place) return false;
    if (beat.place > place) return true;
    // In the place the meeting stands: a phase starts over at its screen, skipping what was done in it;
    // a debrief step is asked again from its first question, except the entries already kept.
    if (beat.phaseAction || beat.stay) return !done(beat);
    return true;
  });
}

async function crashRun(plan: Plan): Promise<void> {
  const b = newBox();
  if (plan.existing) expect(b.run(['log', plan.name, '--value', 'old value']).code).toBe(0);
  const script = buildScript(plan, plan.existing);
  const kill = chooseKill(plan, script);
  const writer = plan.writer ? startWriter(b, 'Other Person') : undefined;
  if (writer) writers.push(writer);

  // 1. Run start up to the kill point and kill -9 it.
  const first = open(b, startArgs(plan));
  const stopped = (await play(first, script, { kill }))!;
  expect(stopped, 'the run reached its kill point').toBeDefined();
  first.kill('SIGKILL');
  const { signal } = await first.exit();
  expect(signal, 'killed by SIGKILL, not exited on its own').toBe(9);
  if (writer) await expectWriterWhole(b, writer, 'Other Person');

  // 2. The file is sound and everything confirmed on screen is in it, in the right place.
  expectSoundFile(b.db);
  const afterKill = shownPerson(b, plan.name);
  const meeting = ourMeeting(afterKill);
  const place = placeOf(meeting);
  expect(allowedPlaces(script, kill).map(placeName), `where the killed meeting stands (at "${script[kill.beat]!.label}", ${kill.mode})`).toContain(placeName(place));
  expectFacts(afterKill, confirmedFacts(script, kill), false);
  if (stopped.partial) {
    expect(meeting?.notes.map((note) => note.text) ?? [], 'the line being typed is not saved half-way').not.toContain(stopped.partial);
  }
  if (process.env.ONEONONE_CRASH_VERBOSE) {
    console.log(`seed ${plan.seed}: killed ${kill.mode} at "${script[kill.beat]!.label}" +${kill.delayMs} ms -> ${placeName(place)}`);
  }
  const talkAtKill = meeting?.phases.map((phase) => phase.organizerTalkSeconds ?? 0) ?? [];

  // 3. Carry on: resume where it stood (or begin again if no draft was made), then finish or Ctrl-C.
  let rest: Beat[];
  let finalScript = script;
  let t: Terminal;
  if (place === NO_DRAFT || place === COMPLETE) {
    const probe = open(b, ['start', '--resume']);
    await seen(probe, 'there is no unfinished meeting to resume', 'the refusal to resume');
    expect((await probe.exit()).exitCode).toBe(1);
    expect(probe.text()).not.toMatch(/\n\s+at /);
    if (place === COMPLETE) {
      expectFacts(afterKill, script.flatMap((beat) => (beat.fact ? [beat.fact] : [])), true);
      return;
    }
    finalScript = buildScript(plan, afterKill !== undefined);
    rest = finalScript;
    t = open(b, startArgs(plan));
  } else {
    rest = continuation(script, place, kill, afterKill);
    t = open(b, ['start', '--resume']);
    const where = place < 10 ? `at phase ${place}` : 'at the debrief';
    expect(await resumeLine(t), 'where --resume says it carries on').toBe(`Resuming meeting M${meeting!.id} with ${plan.name} ${where}`);
    if (place >= 10) {
      const others = script.filter((beat) => beat.place >= 10 && beat.place !== rest[0]!.place).map((beat) => beat.prompt!);
      expect(await firstQuestion(t, [rest[0]!.prompt!, ...others]), 'the first question after resuming').toBe(rest[0]!.prompt);
    }
    const plusBefore = script.some((beat) => beat.place === place && beat.label.endsWith('add a minute') && beat.index < kill.beat);
    if (plusBefore) await seen(t, 'of 01:06', 'the added minute kept on resume');
  }
  const stoppable = rest.filter((beat) => !beat.prep && beat.place !== stepPlace('summary'));
  const ctrlCAt = plan.ctrlC ? random(plan.seed ^ 0x27d4eb2d).pick(stoppable).index : undefined;
  await play(t, rest, { ctrlCAt });
  const facts = (beats: Beat[]) => beats.flatMap((beat) => (beat.fact ? [beat.fact] : []));
  if (ctrlCAt !== undefined) {
    expect((await t.exit()).exitCode, 'Ctrl-C exits 130').toBe(130);
    await seen(t, `saved as draft M${meeting?.id ?? ''}`, 'the Ctrl-C line');
    await seen(t, 'carry on with: oneonone start --resume', 'the Ctrl-C line');
    expect(t.text()).not.toMatch(/\n\s+at /);
    expectSoundFile(b.db);
    const draft = shownPerson(b, plan.name);
    expect(placeName(placeOf(ourMeeting(draft))), 'where Ctrl-C left the meeting').toBe(placeName(finalScript[ctrlCAt]!.place));
    const remaining = new Set(rest.filter((beat) => beat.index >= ctrlCAt).map((beat) => beat.index));
    expectFacts(draft, facts(finalScript.filter((beat) => !remaining.has(beat.index))), true);
  } else {
    expect((await t.exit()).exitCode, 'the resumed meeting ends normally').toBe(0);
    expectSoundFile(b.db);
    const whole = shownPerson(b, plan.name);
    const done = ourMeeting(whole)!;
    expect(done.status).toBe('complete');
    expectFacts(whole, facts(finalScript), true);
    expect(done.phases.every((phase) => phase.actualSeconds !== null), 'every phase has its time').toBe(true);
    done.phases.forEach((phase, index) => expect(phase.organizerTalkSeconds ?? 0, 'talk time saved before the kill is kept').toBeGreaterThanOrEqual(talkAtKill[index] ?? 0));
  }
}

describe(`kill -9 at random points of start (${RUNS} runs from seed ${BASE_SEED})`, () => {
  for (let run = 0; run < RUNS; run++) {
    const seed = BASE_SEED + run;
    const plan = makePlan(seed);
    test(`run ${run + 1}, seed ${seed}: killed during ${plan.category}, nothing confirmed is lost and --resume carries on`, { timeout: 60_000 }, async () => {
      try {
        await crashRun(plan);
      } catch (error) {
        const kill = chooseKill(plan, buildScript(plan, plan.existing));
        const beat = buildScript(plan, plan.existing)[kill.beat]!;
        const replay = `replay: ONEONONE_CRASH_SEED=${seed} ONEONONE_CRASH_RUNS=1 npx vitest run test/e2e/crash.test.ts`;
        const context = `seed ${seed} (${replay})\nplan: ${describePlan(plan)}\nkill: ${kill.mode} at "${beat.label}" after ${kill.delayMs} ms`;
        if (error instanceof Error) {
          error.message = `${context}\n${error.message}`;
          throw error;
        }
        throw new Error(`${context}\n${String(error)}`);
      }
    });
  }
});

describe('kill -9 while another process is writing', () => {
  test('start killed among its note writes while log writes for someone else: the WAL survives, both keep what they confirmed, resume finishes', { timeout: 60_000 }, async () => {
    const seed = BASE_SEED;
    const r = random(seed ^ 0x7f4a7c15);
    const b = newBox();
    expect(b.run(['log', 'Ana Ruiz', '--value', 'old value']).code).toBe(0);
    const writer = startWriter(b, 'Other Person');
    writers.push(writer);
    const t = open(b, ['start', 'Ana Ruiz', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'come to the tenant meeting']);
    await seen(t, 'Start the first phase now?', 'the Ready question');
    t.mark();
    t.write('\r');
    await seen(t, 'Phase 1 of 3', 'the first phase');

    // Notes as fast as the screen confirms them, with a log writing alongside; the kill comes at a random moment.
    let snapshot = '';
    let logKilled = false;
    const killAfter = r.int(300, 2500);
    const killed = new Promise<void>((resolve) =>
      setTimeout(() => {
        snapshot = t.text().replace(/\s+/g, '');
        t.kill('SIGKILL');
        logKilled = writer.killOne();
        resolve();
      }, killAfter),
    );
    let stop = false;
    void killed.then(() => (stop = true));
    const typed: string[] = [];
    for (let n = 1; !stop && n <= 200; n++) {
      const text = `burst ${n} ${r.pick(WORDS)}`;
      typed.push(text);
      for (const keys of ['a', text, '\r', 'v']) {
        if (stop) break;
        t.mark();
        t.write(keys);
        const deadline = Date.now() + WAIT_MS;
        const want = (keys === 'v' ? `Noted (value): ${text}` : keys === '\r' ? 'What kind of note is it?' : keys === 'a' ? 'Enter choose the kind of note' : `Note: ${text}`).replace(/\s+/g, '');
        while (!stop && !t.sinceMark().replace(/\s+/g, '').includes(want)) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${want}; the screen ended with:\n${t.text().slice(-1500)}`);
          await sleep(10);
        }
      }
    }
    await killed;
    expect((await t.exit()).signal).toBe(9);
    const context = `seed ${seed} (replay: ONEONONE_CRASH_SEED=${seed}), start killed after ${killAfter} ms, a log killed too: ${logKilled}`;

    await expectWriterWhole(b, writer, 'Other Person');
    expectSoundFile(b.db);
    const confirmed = typed.filter((text) => snapshot.includes(`Noted(value):${text}`.replace(/\s+/g, '')));
    const afterKill = ourMeeting(shownPerson(b, 'Ana Ruiz'))!;
    const savedNotes = afterKill.notes.map((note) => note.text);
    expect(savedNotes, context).toEqual(expect.arrayContaining(confirmed));
    expect(new Set(savedNotes).size, context).toBe(savedNotes.length);
    expect(afterKill, context).toMatchObject({ status: 'draft', step: 'phases', currentPhase: 1 });

    // Resume in phase 1 and finish with every question skipped.
    const plan: Plan = {
      ...makePlan(seed), name: 'Ana Ruiz', existing: true, planAskOption: 'come to the tenant meeting', planAskTyped: null,
      phases: [savedNotes.length > 0 ? [{ kind: 'note', tag: 'value', text: savedNotes[0]! }] : [], [], []],
      ask: { mode: 'planned', text: 'come to the tenant meeting' }, barriers: null, outcome: 'yes',
      heard: { value: [], interest: [], issue: [], skill: [], capacity: [] }, agitation: null, story: null, potentialFive: false, referral: null, followUp: false,
    };
    const rest = buildScript(plan, true).filter((beat) => !beat.prep && !beat.phaseAction);
    const resumed = open(b, ['start', '--resume']);
    await seen(resumed, `Resuming meeting M${afterKill.id} with Ana Ruiz at phase 1 (`, 'the resume line');
    await play(resumed, rest);
    expect((await resumed.exit()).exitCode, context).toBe(0);
    expectSoundFile(b.db);
    const done = ourMeeting(shownPerson(b, 'Ana Ruiz'))!;
    expect(done.status).toBe('complete');
    expect(done.notes.map((note) => note.text).sort(), context).toEqual([...savedNotes].sort());
    if (process.env.ONEONONE_CRASH_VERBOSE) console.log(`${context}: ${confirmed.length} notes confirmed, ${savedNotes.length} saved`);
  });
});

describe('kill -9 the moment an answer is committed', () => {
  // A timer cannot aim between saving an answer and moving to the next question; this kills exactly there.
  const cases = [
    { table: 'asks', beat: 'the ask', next: 'ask-due' as Step },
    { table: 'followups', beat: 'follow-up date: right?', next: 'followup-text' as Step },
  ];
  for (const { table, beat: label, next } of cases) {
    test(`killed just after the ${table} row is committed, --resume goes on to ${next} and keeps the answer once`, { timeout: 60_000 }, async () => {
      const b = newBox();
      expect(b.run(['log', 'Ana Ruiz']).code).toBe(0);
      const plan: Plan = {
        ...makePlan(BASE_SEED), name: 'Ana Ruiz', existing: true, planAskOption: 'come to the tenant meeting', planAskTyped: null, phases: [[], [], []],
        ask: { mode: 'planned', text: 'come to the tenant meeting' }, barriers: null, outcome: 'yes',
        heard: { value: [], interest: [], issue: [], skill: [], capacity: [] }, agitation: null, story: null, potentialFive: false, referral: null, followUp: true,
      };
      const script = buildScript(plan, true);
      const beat = script.find((b) => b.label === label)!;
      const kill: KillPoint = { beat: beat.index, move: beat.moves.length - 1, mode: 'sent', delayMs: 0, typedChars: 0, typingGapMs: 0 };
      const first = open(b, startArgs(plan), { NODE_OPTIONS: `--import ${join(ROOT, 'test/e2e/kill-after-commit.mjs')}`, ONEONONE_KILL_AFTER_INSERT: table });
      await play(first, script, { kill });
      expect((await first.exit()).signal, 'the process killed itself after the commit').toBe(9);

      expectSoundFile(b.db);
      const afterKill = shownPerson(b, 'Ana Ruiz');
      const meeting = ourMeeting(afterKill)!;
      expect(placeName(placeOf(meeting)), 'the answer and the step it leads to are saved together').toBe(placeName(stepPlace(next)));
      expect(meeting.asks.length).toBe(1);
      expect(meeting.followups.length).toBe(table === 'followups' ? 1 : 0);

      const rest = continuation(script, placeOf(meeting), kill, afterKill);
      const t = open(b, ['start', '--resume']);
      expect(await resumeLine(t)).toBe(`Resuming meeting M${meeting.id} with Ana Ruiz at the debrief`);
      expect(await firstQuestion(t, script.filter((b) => b.place >= 10).map((b) => b.prompt!)), 'the first question after resuming').toBe(rest[0]!.prompt);
      await play(t, rest);
      expect((await t.exit()).exitCode).toBe(0);
      expectSoundFile(b.db);
      expectFacts(shownPerson(b, 'Ana Ruiz'), script.flatMap((b) => (b.fact ? [b.fact] : [])), true);
    });
  }
});
