import { startPhaseClock, type PhaseClock } from '../meeting/clock.js';
import { DEBRIEF, PHASES_STEP, isDebriefStep, mentionsTime, type DebriefPrompt, type DebriefStep, type DebriefView, type DebriefWrite } from '../meeting/debrief.js';
import type { PlannedPhase } from '../meeting/plan.js';
import { phaseProgressRecord, resumePoint, talkBeforePhase } from '../meeting/resume.js';
import { summarizeMeeting } from '../meeting/summary.js';
import { GOALS, NOTE_TAGS, isNoteTag, type Goal, type NoteTag } from '../meeting/tags.js';
import { noteTagLabel } from '../messages/meeting.js';
import { startWords } from '../messages/start.js';
import { addTalk, startTalkClock, talkTotals, type TalkClock } from '../meeting/talk.js';
import { USUAL_GUIDE, type Template } from '../meeting/template.js';
import { cleanName } from '../people/names.js';
import { unitCalled } from './web-writes.js';
import { cleanText } from '../people/text.js';
import { Interrupted, UsageError, UserError } from '../support/errors.js';
import { formatCountdown } from '../support/format.js';
import { followUpWords, wordedFollowUp } from '../messages/commitments.js';
import { debriefWords } from '../messages/debrief.js';
import { checklistWords } from '../messages/scorecard.js';
import { SCORE_ITEMS, scoreMeeting, type ScoreItem } from '../meeting/scorecard.js';
import type { DraftRow, PersonRow, Store, Transaction } from '../store/contract.js';
import { saveQueue } from '../support/save-queue.js';
import { inquirerAsker, plainAsker, type Asker, type Choice } from '../ui/ask.js';
import { printData, printMessage } from '../ui/output.js';
import { cardLines, lengthLabel, summaryLines, type PersonCard } from '../ui/session.js';
import { storeFor, useColor, type GlobalOptions } from './context.js';
import { keptWords } from '../messages/outbox.js';
import { databasePath } from '../support/paths.js';
import { chosenGuide, chosenMinutes, chosenSetting, currentLanguage } from '../support/config.js';
import { isServer, ServerUnreachable } from '../store/index.js';
import { whoseTheyAre } from './known.js';
import { nameSearchChoices, personFor, resolvePerson, type LookupOptions, type PersonTarget } from './person.js';
import { claimIsStale, holderPid, thisProcess } from '../support/claims.js';
import { flaggedTerms, type SensitiveCheck, type SensitiveChoice } from '../meeting/sensitive.js';
import type { HeldNoteChange } from '../meeting/phase.js';
import { choiceWords, flaggedQuestion, rewriteQuestion, type SensitiveWhat } from '../messages/sensitive.js';

export interface StartOptions {
  template?: string;
  minutes?: number;
  goal?: Goal;
  planAsk?: string;
  resume?: string | boolean;
  discard?: string;
  new?: boolean;
  plain?: boolean;
}

/** Everything the steps of one run share. */
interface Session {
  store: Store;
  ask: Asker;
  color: boolean;
  plain: boolean;
  meeting: DraftRow;
  /** With a server: what a note, agitation or ask is checked for before it is kept (never on a file). */
  check?: SensitiveCheck;
  /** With a server: the outbox's code, which keeps each note's visibility beside it. */
  outbox?: OutboxCode;
}

type OutboxCode = typeof import('./outbox.js');

function goalChoices(): Choice<Goal>[] {
  return GOALS.map((goal) => ({ ...startWords().goals[goal], value: goal }));
}

export async function run(personInput: string | undefined, options: StartOptions, globals: GlobalOptions): Promise<void> {
  refuseResumeWithPlan(personInput, options);
  if (options.discard !== undefined) return discard(options.discard, globals);
  if (process.stdin.isTTY !== true) {
    const { message, hint } = startWords().needsTerminal;
    throw new UserError(message, { hint });
  }
  const plain = options.plain === true || process.env.TERM === 'dumb' || process.stdout.isTTY !== true;
  const ask = plain ? plainAsker() : inquirerAsker();
  const stores = await storesFor(globals, ask);
  const store = stores.meeting;
  const color = useColor(globals);
  let session: Session | undefined;
  let prepared: DraftRow | undefined;
  try {
    const meeting = options.resume !== undefined && options.resume !== false
      ? await findDraft(store, options.resume)
      : await prepare(stores, ask, personInput, options, color, (draft) => (prepared = draft));
    await doneLookingUp(stores);
    if (meeting === null) return;
    await claim(store, meeting);
    session = { store, ask, color, plain, meeting, check: stores.check, outbox: stores.server ? await import('./outbox.js') : undefined };
    if (options.resume !== undefined && options.resume !== false) ask.say(await resumeLine(session));
    if (meeting.step === PHASES_STEP || meeting.step === null) await runPhases(session);
    await debrief(session);
    if (stores.server) await sendToServer(globals, meeting.personName);
  } catch (error) {
    if (isPromptExit(error)) {
      // The message starts on its own line, not after the ^C or the half-drawn prompt.
      printMessage('');
      throw interrupted(session?.meeting ?? prepared);
    }
    throw error;
  } finally {
    if (session) await store.write((tx) => tx.meetings.release(session!.meeting.id, thisProcess())).catch(() => undefined);
    await doneLookingUp(stores);
    await store.close();
  }
}

/** Where the meeting runs, and where people are looked up. */
interface Stores {
  /** The record's file; with a server, this computer's outbox, so the meeting never waits on the network. */
  meeting: Store;
  /** The same file, or the server (until the meeting begins), or the outbox when the server cannot be reached. */
  lookup: Store;
  /** The server's URL, when the meeting is to be sent there. */
  server?: string;
  /** With a server: the words the server checks for (as last read from it, when it cannot be reached). */
  check?: SensitiveCheck;
}

async function storesFor(globals: GlobalOptions, ask: Asker): Promise<Stores> {
  const location = databasePath(globals.db);
  if (!isServer(location)) {
    const store = await storeFor(globals, 'write');
    return { meeting: store, lookup: store };
  }
  const { openOutbox } = await import('./outbox.js');
  const words = await import('./team-words.js');
  let lookup: Store;
  try {
    lookup = await storeFor(globals, 'write');
  } catch (error) {
    if (!(error instanceof ServerUnreachable)) throw error;
    ask.say(startWords().offline(error.message));
    const outbox = await openOutbox(location);
    return { meeting: outbox, lookup: outbox, server: location, check: await words.checkHere(outbox) };
  }
  const outbox = await openOutbox(location);
  // The team's words are read now and kept in the outbox, so a meeting held without the network checks them too.
  return { meeting: outbox, lookup, server: location, check: await words.checkOnServer(lookup, location, outbox) };
}

/** No connection is held open through a meeting: the server is not needed again until it is sent. */
async function doneLookingUp(stores: Stores): Promise<void> {
  if (stores.lookup === stores.meeting) return;
  const lookup = stores.lookup;
  stores.lookup = stores.meeting;
  await lookup.close();
}

/** The person as the meeting's store knows them: with a server, copied into the outbox. */
async function inMeetingStore(stores: Stores, person: PersonRow): Promise<PersonRow> {
  if (stores.lookup === stores.meeting) return person;
  return (await import('./outbox.js')).adopt(stores.meeting, person);
}

/** The finished meeting goes to the server now if it can; opening the server sends what waits. */
async function sendToServer(globals: GlobalOptions, person: string): Promise<void> {
  try {
    await (await storeFor(globals, 'write')).close();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    printMessage(keptWords(person, error.message));
  }
}

/** One terminal runs a meeting: a second one (a resume of the same draft) is refused while the first is alive. */
async function claim(store: Store, meeting: DraftRow): Promise<void> {
  const holder = await store.write((tx) => tx.meetings.claim(meeting.id, thisProcess(), claimIsStale));
  if (holder === undefined) return;
  const words = startWords();
  throw new UserError(words.runningElsewhere(meeting, holderPid(holder)), { hint: words.carryOnThere });
}

/** `start --discard ID`: a draft thrown away, with everything noted in it; `undo` brings it back. */
async function discard(input: string, globals: GlobalOptions): Promise<void> {
  const location = databasePath(globals.db);
  // With a server, drafts are kept on this computer until they are finished.
  const store = isServer(location) ? await (await import('./outbox.js')).openOutbox(location) : await storeFor(globals, 'read');
  try {
    const draft = await findDraft(store, input);
    if (draft.claimedBy && !claimIsStale(draft.claimedBy)) {
      throw new UserError(startWords().runningElsewhere(draft, holderPid(draft.claimedBy)), { hint: startWords().endItThere });
    }
    const outbox = isServer(location) ? await import('./outbox.js') : undefined;
    const notes = outbox ? (await store.meetings.get(draft.id))?.notes ?? [] : [];
    await store.write(async (tx) => {
      // What the outbox keeps beside the draft's notes goes with them (and comes back with them on undo).
      if (outbox) await outbox.forgetBeside(tx.settings, { id: draft.id, notes });
      await tx.corrections.deleteMeeting(draft.id, stamp());
    }, { kind: 'discard', personId: draft.personId, detail: { meeting: draft.id } });
    printMessage(startWords().discarded(draft, new Date(draft.heldAt)));
  } finally {
    await store.close();
  }
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

function interrupted(meeting: DraftRow | undefined): Interrupted {
  return new Interrupted(meeting ? startWords().stopped(meeting) : startWords().stoppedBefore);
}

/** Now, in the stored form (support/dates.ts toStored), without loading the date parser before the first question. */
function stamp(): string {
  return new Date().toISOString();
}

/** The heavy modules (YAML templates, the date parser) load after the first question is on screen. */
const templateFiles = () => import('../support/template-files.js');
const meetingPlan = () => import('../meeting/plan.js');
const dates = () => import('../support/dates.js');

async function findDraft(store: Store, resume: string | boolean): Promise<DraftRow> {
  if (resume === true) {
    const latest = await store.meetings.latestDraft();
    if (!latest) throw new UserError(startWords().noDraft.message, { hint: startWords().noDraft.hint });
    return latest;
  }
  const id = Number(String(resume).replace(/^[#m]/i, ''));
  const draft = Number.isInteger(id) ? await store.meetings.draft(id) : undefined;
  if (!draft) {
    const { message, hint } = startWords().noDraftCalled(String(resume));
    throw new UserError(message, { hint });
  }
  return draft;
}

async function resumeLine(session: Session): Promise<string> {
  const { meeting } = session;
  if (meeting.step === PHASES_STEP || meeting.step === null) {
    const stored = await session.store.meetings.phases(meeting.id);
    const point = resumePoint(stored, meeting.currentPhase ?? 1);
    const words = startWords();
    const left = point.remainingMs > 0 ? words.timeLeft(formatCountdown(point.remainingMs)) : words.timeOver(formatCountdown(point.remainingMs));
    return words.resumingAt(meeting, stored[point.phaseIndex]?.position ?? 1, left);
  }
  return startWords().resumingDebrief(meeting);
}

// ── 1. prepare ─────────────────────────────────────────────────────────────

async function prepare(
  stores: Stores, ask: Asker, personInput: string | undefined, options: StartOptions, color: boolean,
  onDraft: (draft: DraftRow) => void,
): Promise<DraftRow | null> {
  const { meeting: store, lookup } = stores;
  const { findTemplate } = await templateFiles();
  const { planPhases } = await meetingPlan();
  // What was typed on the command line is checked before the first question, not after them.
  const given = chosenGuide(options.template, findTemplate);
  const length = chosenMinutes(options.minutes);
  if (given && length) planPhases(given, length);
  const waiting = await store.meetings.latestDraft();
  const words = startWords();
  if (waiting) ask.say(words.unfinished(waiting));
  const found = await choosePerson(lookup, ask, personInput, options.new === true);
  if ('person' in found) {
    const known = await whoseTheyAre(lookup, found.person);
    if (known) ask.say(known);
    const card = await cardFor(lookup, found.person);
    if (card.meetings > 0 || card.heard.length > 0 || card.lastAsk || card.language || card.interpreter) ask.say(['', ...cardLines(card, color), ''].join('\n'));
  }
  const target: PersonTarget = 'person' in found ? { person: await inMeetingStore(stores, found.person) } : found;
  // Someone new is kept as soon as they and their credential are given: a kill before the draft loses nothing typed.
  const person = 'person' in target ? target.person : await keepNewcomer(store, target, await newcomerDetails(stores, ask, target.add));

  const goal = options.goal ?? (await ask.select(words.meetingFor, goalChoices()));
  const template = given ?? (await chooseTemplate(ask, 'person' in found ? found.person.language : null));
  const minutes = length ?? (template.lengths.length > 1
    ? await ask.select(words.howLong, template.lengths.map((length) => ({ name: lengthLabel(length), value: length })), template.minutes)
    : template.lengths[0]!);
  const phases = planPhases(template, minutes);
  const typedAsk = options.planAsk !== undefined
    ? cleanText(options.planAsk, 'planned ask')
    : optional(await ask.text(words.plannedAsk));
  const plannedAsk = await checkedText(ask, stores.check, typedAsk, 'ask');

  const meetingId = await store.write((tx) => tx.meetings.createDraft(
    {
      personId: person.id, heldAt: stamp(), goal, template: template.name, plannedMinutes: minutes, plannedAsk,
      phases: phases.map((phase) => ({ position: phase.position, key: phase.key, title: phase.title, plannedSeconds: phase.plannedSeconds, maxTalkShare: phase.maxTalkShare })),
    },
    stamp(),
  ), { kind: 'start' });
  if (stores.server) await (await import('./outbox.js')).markForSending(store, meetingId, 'start');
  const meeting = (await store.meetings.draft(meetingId))!;
  onDraft(meeting);
  const ready = await ask.confirm(words.ready(phases.length, lengthLabel(minutes)), true);
  if (!ready) {
    ask.say(words.prepared(meeting));
    return null;
  }
  return meeting;
}

async function keepNewcomer(store: Store, target: PersonTarget, details: Awaited<ReturnType<typeof newcomerDetails>>): Promise<PersonRow> {
  return store.write(async (tx) => (await personFor(tx.people, target, stamp(), details)).person, { kind: 'start' });
}

type PersonPick = { id: number } | { add: string };

async function choosePerson(store: Store, ask: Asker, personInput: string | undefined, addNew: boolean): Promise<PersonTarget> {
  if (personInput !== undefined) return resolvePerson(store.people, personInput, { addNew, newFlag: '--new', choose: chooser(ask) });
  const everyone = await store.people.allNames();
  const words = startWords();
  const pick = await ask.search<PersonPick>(words.whoAreYouMeeting, (term) => nameSearchChoices(everyone, term, words.addNew));
  return 'id' in pick ? { person: (await store.people.get(pick.id))! } : { add: cleanName(pick.add), apart: true };
}

/** The live screen asks its own way (plain or drawn), so the lookup's question goes through it. */
function chooser(ask: Asker): NonNullable<LookupOptions['choose']> {
  return (message, choices) => ask.select(message, choices.map(({ id, label }) => ({ name: label, value: id })));
}

/** How the organizer got a new person's name: the guide's credential ("My friend Joan said…"). */
async function newcomerDetails(stores: Stores, ask: Asker, name: string): Promise<{ source: 'referral' | 'event' | 'other'; sourceDetail: string | null; referredBy: number | null }> {
  const words = startWords();
  const sources = (['referral', 'event', 'other'] as const).map((value) => ({ name: words.sources[value], value }));
  const source = await ask.select<'referral' | 'event' | 'other'>(words.newcomer(name), sources);
  if (source !== 'referral') {
    const detail = optional(await ask.text(source === 'event' ? words.whichEvent : words.howGotName));
    return { source, sourceDetail: detail, referredBy: null };
  }
  const { lookup, meeting: store } = stores;
  const everyone = await lookup.people.allNames();
  const pick = await ask.search<PersonPick>(words.whoReferred, (term) => nameSearchChoices(everyone, term, words.addReferrer));
  const referrer: PersonTarget = 'id' in pick ? { person: await inMeetingStore(stores, (await lookup.people.get(pick.id))!) } : { add: cleanName(pick.add), apart: true };
  const referredBy = 'person' in referrer ? referrer.person.id : await store.write(async (tx) => (await personFor(tx.people, referrer, stamp())).person.id, { kind: 'start' });
  return { source, sourceDetail: null, referredBy };
}

async function cardFor(store: Store, person: PersonRow): Promise<PersonCard> {
  const meetings = [];
  for (const meeting of await store.meetings.forPerson(person.id)) if (meeting.status === 'complete') meetings.push(meeting);
  const heardTags: NoteTag[] = ['value', 'interest', 'motivation', 'issue', 'skill', 'capacity'];
  const heard = (await store.meetings.notesForPerson(person.id)).filter((note) => heardTags.includes(note.tag as NoteTag));
  return {
    id: person.id,
    name: person.name,
    rung: person.rung,
    potential: person.potential,
    referredBy: (await store.people.referredBy(person.id))?.name ?? null,
    language: person.language,
    interpreter: person.interpreter,
    lastMet: meetings[0]?.heldAt ?? null,
    meetings: meetings.length,
    heard: heard.map((note) => ({ tag: note.tag, text: note.text })),
    lastAsk: (await store.commitments.asksForPerson(person.id))[0] ?? null,
    openFollowUps: (await store.commitments.followUpsForPerson(person.id))
      .filter((followUp) => followUp.doneAt === null)
      .map((followUp) => wordedFollowUp(followUp, person.name)),
  };
}

/** The usual guide in the person's language, if they have one, else in the organizer's. */
async function chooseTemplate(ask: Asker, language: PersonRow['language'] = null): Promise<Template> {
  const templates = (await templateFiles()).loadTemplates();
  if (templates.length === 1) return templates[0]!;
  return ask.select(
    startWords().whichGuide,
    templates.map((template) => ({ name: `${template.name} — ${template.title}`, value: template })),
    templates.find((template) => template.name === USUAL_GUIDE[language ?? currentLanguage()]),
  );
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '-' ? null : cleanText(trimmed, 'answer');
}

// ── 2-4. the live phases ───────────────────────────────────────────────────

async function runPhases(session: Session): Promise<void> {
  const { store, meeting } = session;
  const { realMeetingTime } = await import('../meeting/time.js');
  const now = realMeetingTime();
  const stored = await store.meetings.phases(meeting.id);
  const guide = await guideFor(meeting);
  const countQuestions = chosenSetting('count-questions', undefined).value === true;
  const start = resumePoint(stored, meeting.currentPhase ?? stored[0]?.position ?? 1);
  let before = talkBeforePhase(stored, start.phaseIndex);
  for (let index = start.phaseIndex; index < stored.length; index++) {
    const row = stored[index]!;
    const resumed = index === start.phaseIndex ? start : null;
    const beginning = index === 0 && (resumed?.elapsedMs ?? 0) === 0;
    await store.write(async (tx) => {
      if (beginning) await tx.meetings.begin(meeting.id, stamp());
      await tx.meetings.enterPhase(meeting.id, row.position, stamp());
    });
    const saves = saveQueue();
    const progressSave = (clock: PhaseClock, talk: TalkClock, at: number) => {
      const progress = phaseProgressRecord(clock, talk, at);
      return () => store.write((tx) => tx.meetings.saveProgress(meeting.id, row.position, progress));
    };
    const t0 = now();
    let latest = {
      clock: startPhaseClock(row.plannedSeconds, t0, resumed?.elapsedMs ?? 0, resumed?.extraSeconds ?? 0),
      talk: startTalkClock(t0, resumed?.talk),
    };
    const guideText = guide.get(row.key);
    const config = {
      phase: {
        ...row, purpose: guideText?.purpose ?? '', tips: guideText?.tips ?? [], questions: guideText?.questions ?? [], noteTags: guideText?.noteTags,
        marks: guideText?.marks === true || countQuestions,
      },
      phaseCount: stored.length,
      now,
      meetingTalkBefore: before,
      clock: latest.clock,
      talk: latest.talk,
      onProgress: ({ clock, talk, now: at }: { clock: PhaseClock; talk: TalkClock; now: number }) => {
        latest = { clock, talk };
        saves.latest(progressSave(clock, talk, at));
      },
      onNote: (tag: NoteTag, text: string) => {
        const at = stamp();
        saves.always(() => store.write((tx) => tx.meetings.addNote(meeting.personId, meeting.id, tag, text, row.key, at)));
      },
      ...(session.check && session.outbox ? { sensitive: session.check, onHeldNote: heldNoteSaver(session, saves, row.key) } : {}),
      color: session.color,
    };
    let result;
    try {
      if (session.plain) {
        const { runPlainPhase } = await import('../ui/plain-phase.js');
        result = await runPlainPhase({ ...config, input: process.stdin, write: printData });
      } else {
        const { livePhase } = await import('../ui/live-phase.js');
        result = await livePhase(config);
      }
    } catch (error) {
      // Ctrl-C: keep the clocks exactly as they stood, and every note typed.
      await saves.close(progressSave(latest.clock, latest.talk, now()));
      throw error;
    }
    const at = now();
    await saves.close(progressSave(result.clock, result.talk, at));
    before = addTalk(before, talkTotals(result.talk, at));
    const next = stored[index + 1];
    await store.write((tx) => (next ? tx.meetings.enterPhase(meeting.id, next.position, stamp()) : tx.meetings.setStep(meeting.id, 'ask', stamp())));
  }
  session.meeting = (await store.meetings.draft(meeting.id))!;
}

/**
 * A note naming a sensitive term, saved as the live screen holds it: private at once (a crash or Ctrl-C loses nothing
 * and sends nothing to the team), then as the organizer chose: still private, sent with its tag's visibility, rewritten
 * (the old words gone from the draft), or dropped.
 */
function heldNoteSaver(session: Session, saves: ReturnType<typeof saveQueue>, phase: string): (change: HeldNoteChange) => void {
  const { store, meeting } = session;
  const outbox = session.outbox!;
  let held: number | undefined;
  const drop = async (tx: Transaction, id: number) => {
    await tx.meetings.dropNote(meeting.id, id);
    await outbox.setNoteVisibility(tx.settings, id, undefined);
  };
  return (change) => {
    const at = stamp();
    saves.always(async () => {
      const was = held;
      if (change.kind === 'hold') {
        held = await store.write(async (tx) => {
          if (was !== undefined) await drop(tx, was);
          return outbox.addNoteHere(tx, { personId: meeting.personId, meetingId: meeting.id, tag: change.tag, text: change.text, phase, at }, 'private');
        });
        return;
      }
      held = undefined;
      if (was === undefined) return;
      if (change.kind === 'drop') await store.write((tx) => drop(tx, was));
      else if (change.visibility === null) await store.write((tx) => outbox.setNoteVisibility(tx.settings, was, undefined));
    });
  };
}

/** The template's words for each phase; a template changed or removed since the draft began leaves just the titles. */
async function guideFor(meeting: DraftRow): Promise<Map<string, PlannedPhase>> {
  const { findTemplate } = await templateFiles();
  const { planPhases } = await meetingPlan();
  try {
    return new Map(planPhases(findTemplate(meeting.template), meeting.plannedMinutes).map((phase) => [phase.key, phase]));
  } catch {
    return new Map();
  }
}

// ── 5. commit and debrief ──────────────────────────────────────────────────

async function debrief(session: Session): Promise<void> {
  const { store, meeting } = session;
  let step: DebriefStep = isDebriefStep(meeting.step) ? meeting.step : 'ask';
  if (step === 'ask' || step === 'pivot') session.ask.say(debriefWords({ id: 'intro' }));
  const items = await guideScorecard(meeting);
  while (step !== 'summary') {
    const spec = DEBRIEF[step];
    const view = await debriefView(store, meeting, items);
    if (spec.say) session.ask.say(debriefWords(spec.say));
    const asked = spec.prompt(view);
    // An answer naming a sensitive term, typed before a Ctrl-C or a crash at the question about it, is offered again.
    const held = session.outbox && asked?.kind === 'text' ? await session.outbox.heldAnswer(store, meeting.id, step) : undefined;
    const prompt = held !== undefined && asked?.kind === 'text' ? { ...asked, default: held } : asked;
    const given = prompt === null ? undefined : await answer(session.ask, prompt);
    const { writes, next } = prompt?.kind === 'text' ? await checkedAnswer(session, step, spec, prompt, given, view) : spec.answer(given, view);
    const to: DebriefStep = next === 'stay' ? step : next;
    const referred = await referralTargets(session, writes);
    // An answer and the step it leads to are saved in one transaction: a kill -9 between the two would
    // ask the question again on resume and keep its answer twice (a second ask, story note or follow-up).
    await store.write(async (tx) => {
      for (const write of writes) await save(tx, session, view, write, referred);
      if (session.outbox) await session.outbox.releaseAnswer(tx.settings, meeting.id);
      if (next !== 'stay') await tx.meetings.setStep(meeting.id, to, stamp());
    }, { kind: 'start', meetingId: meeting.id });
    step = to;
  }
  await summarize(session, items);
}

/** The texts of the record a debrief answer writes, and what each is (a note has a visibility; the rest has none). */
function textOf(write: DebriefWrite): { what: SensitiveWhat; text: string } | undefined {
  switch (write.kind) {
    case 'ask':
      return { what: 'ask', text: write.text };
    case 'ask-change': {
      const text = write.change.barriers ?? write.change.support;
      return text ? { what: 'ask', text } : undefined;
    }
    case 'note':
      return { what: 'note', text: write.text };
    case 'agitation':
      return write.text ? { what: 'agitation', text: write.text } : undefined;
    case 'follow-up-text':
      return { what: 'follow-up', text: write.text };
    case 'reflection':
      return { what: 'reflection', text: write.text };
    default:
      return undefined;
  }
}

/**
 * With a server, an answer naming a sensitive term is not kept without the organizer's say: keep it private (a note),
 * rewrite it (checked again), or send it as it is. While they choose, the answer waits in the outbox (this computer).
 */
async function checkedAnswer(
  session: Session, step: DebriefStep, spec: (typeof DEBRIEF)[keyof typeof DEBRIEF], prompt: Extract<DebriefPrompt, { kind: 'text' }>, given: unknown, view: DebriefView,
) {
  let outcome = spec.answer(given, view);
  const { check, outbox } = session;
  if (!check || !outbox) return outcome;
  for (;;) {
    const flagged = outcome.writes.map((write) => ({ write, ...textOf(write) })).find(({ text }) => flaggedTerms(check, text).length > 0);
    if (!flagged?.text) return outcome;
    await outbox.holdAnswer(session.store, session.meeting.id, step, flagged.text);
    const choice = await chooseFor(session.ask, check, flaggedTerms(check, flagged.text), flagged.what!);
    if (choice === 'send') return outcome;
    if (choice === 'private') {
      return { ...outcome, writes: outcome.writes.map((write) => (write === flagged.write && write.kind === 'note' ? { ...write, visibility: 'private' as const } : write)) };
    }
    const required = prompt.required && debriefWords(prompt.required);
    const rewritten = await session.ask.text(rewriteQuestion(), { default: flagged.text, validate: required ? (text) => (text.trim() === '' ? required : true) : undefined });
    outcome = spec.answer(optional(rewritten), view);
  }
}

/** The question for a text naming a term: keep it private (a note on a team server), rewrite it, or send it as it is. */
function chooseFor(ask: Asker, check: SensitiveCheck, terms: string[], what: SensitiveWhat): Promise<SensitiveChoice> {
  const choices: SensitiveChoice[] = [...(what === 'note' && check.canKeepPrivate ? ['private' as const] : []), 'rewrite', 'send'];
  return ask.select(flaggedQuestion(terms, what, check.canKeepPrivate), choices.map((value) => ({ name: choiceWords(value), value })));
}

/** A text typed before the meeting (the planned ask), checked the same way: rewritten until clean, or sent. */
async function checkedText(ask: Asker, check: SensitiveCheck | undefined, text: string | null, what: SensitiveWhat): Promise<string | null> {
  let current = text;
  for (;;) {
    const terms = flaggedTerms(check, current);
    if (terms.length === 0 || (await chooseFor(ask, check!, terms, what)) !== 'rewrite') return current;
    current = optional(await ask.text(rewriteQuestion(), { default: current! }));
  }
}

/** Who each referral typed in the debrief is, asked before the write when the name is close to someone known. */
async function referralTargets(session: Session, writes: DebriefWrite[]): Promise<Map<DebriefWrite, PersonTarget>> {
  const targets = new Map<DebriefWrite, PersonTarget>();
  for (const write of writes) {
    if (write.kind !== 'referral') continue;
    const target = await resolvePerson(session.store.people, cleanName(write.name, 'referral name'), { choose: chooser(session.ask) });
    if ('person' in target && target.person.id === session.meeting.personId) session.ask.say(startWords().cannotReferThemselves(session.meeting.personName));
    else targets.set(write, target);
  }
  return targets;
}

/** The draft as saved: what every debrief step reads, and the only copy of its state. */
async function debriefView(store: Store, meeting: DraftRow, scorecardItems: readonly ScoreItem[]): Promise<DebriefView> {
  const record = (await store.meetings.get(meeting.id))!;
  const person = (await store.people.get(meeting.personId))!;
  const currentAsk = await store.commitments.currentAsk(meeting.id);
  const lastFollowUp = record.followups.at(-1);
  const referrals = await store.people.referrals(meeting.personId);
  const newest = referrals.at(-1);
  const lastReferral = newest && { name: newest.name, related: (await store.web.between(meeting.personId, newest.id)).length > 0 };
  return {
    personName: person.name,
    plannedAsk: meeting.plannedAsk,
    currentAsk,
    notes: record.notes,
    rung: person.rung,
    potential: person.potential,
    assessment: person.assessment,
    units: (await store.web.placesOf(meeting.personId)).map((place) => place.name),
    referrals: referrals.map((referral) => referral.name),
    ...(lastReferral ? { lastReferral } : {}),
    lastFollowUp: lastFollowUp && { id: lastFollowUp.id, text: followUpWords(lastFollowUp, person.name) },
    asks: record.asks,
    checklist: record.checklist,
    scorecardItems,
  };
}

/** The guide as it is now; one changed or removed since the draft began is scored on every item. */
async function guideScorecard(meeting: DraftRow): Promise<readonly ScoreItem[]> {
  const { findTemplate } = await templateFiles();
  try {
    return findTemplate(meeting.template).scorecard;
  } catch {
    return SCORE_ITEMS;
  }
}

/** Asks the step's question and reads the answer the way its kind says. */
async function answer(ask: Asker, prompt: DebriefPrompt): Promise<unknown> {
  const message = debriefWords(prompt.message);
  switch (prompt.kind) {
    case 'text': {
      const required = prompt.required && debriefWords(prompt.required);
      const validate = required ? (text: string) => (text.trim() === '' ? required : true) : undefined;
      return optional(await ask.text(message, { default: prompt.default, validate }));
    }
    case 'when': {
      const suggestion = prompt.suggestion && debriefWords(prompt.suggestion);
      const moment = await askDate(ask, message, debriefWords(prompt.field), suggestion, prompt.skippable, prompt.needsTime);
      return moment === null ? null : moment.toISOString();
    }
    case 'select':
      return ask.select(message, prompt.choices.map((choice) => ({ name: debriefWords(choice.label), value: choice.value })), prompt.default);
    case 'keep':
      return ask.keep(message, prompt.items.map((item) => ({ name: `${isNoteTag(item.tag) ? noteTagLabel(item.tag) : item.tag}: ${item.text}`, value: item.value })));
    case 'tick':
      return ask.tick(message, prompt.items.map((item) => ({ name: checklistWords(item), value: item })));
  }
}

/** What an answer writes, in the organizer's words and codes. */
async function save(tx: Transaction, session: Session, view: DebriefView, write: DebriefWrite, referred: Map<DebriefWrite, PersonTarget>): Promise<void> {
  const { meeting, outbox } = session;
  const askId = () => view.currentAsk!.id;
  switch (write.kind) {
    case 'ask':
      return void (await tx.commitments.addAsk(meeting.personId, meeting.id, { text: write.text }, stamp()));
    case 'ask-change':
      return tx.commitments.updateAsk(askId(), write.change);
    case 'drop-notes':
      for (const id of write.ids) {
        await tx.meetings.dropNote(meeting.id, id);
        if (outbox) await outbox.setNoteVisibility(tx.settings, id, undefined);
      }
      return;
    case 'note':
      if (outbox) return void (await outbox.addNoteHere(tx, { personId: meeting.personId, meetingId: meeting.id, tag: write.tag, text: write.text, phase: null, at: stamp() }, write.visibility));
      return void (await tx.meetings.addNote(meeting.personId, meeting.id, write.tag, write.text, null, stamp()));
    case 'agitation':
      return tx.meetings.setAgitation(meeting.id, write.text, stamp());
    case 'rung':
      return void (await tx.people.moveToRung(meeting.personId, write.rung, { cause: 'meeting', meetingId: meeting.id, at: stamp() }));
    case 'potential':
      return tx.people.setPotential(meeting.personId, write.potential, stamp());
    case 'unit': {
      const unitId = await unitCalled(tx.web, cleanName(write.name, 'unit name'), stamp());
      return void (await tx.web.join(meeting.personId, unitId, stamp()));
    }
    case 'referral-relation': {
      const other = (await tx.people.referrals(meeting.personId)).filter((person) => person.name === write.name).at(-1);
      if (other) await tx.web.relate({ personId: meeting.personId, otherId: other.id, kind: write.relation, note: null }, stamp());
      return;
    }
    case 'assessment':
      return void (await tx.people.assess(meeting.personId, write.level, { cause: 'meeting', meetingId: meeting.id, at: stamp() }));
    case 'referral': {
      const target = referred.get(write);
      if (!target) return;
      const { person, added } = await personFor(tx.people, target, stamp(), { source: 'referral', referredBy: meeting.personId });
      if (!added && person.referredBy === null) await tx.people.setReferredBy(person.id, meeting.personId, stamp());
      // A name given is the question asked: the checklist does not ask it again.
      if (!view.checklist.includes('referral')) await tx.meetings.setChecklist(meeting.id, [...view.checklist, 'referral'], stamp());
      return;
    }
    case 'checklist':
      return tx.meetings.setChecklist(meeting.id, write.items, stamp());
    case 'reflection':
      return tx.meetings.setReflection(meeting.id, write.text, stamp());
    case 'follow-up':
      return void (await tx.commitments.addFollowUp(meeting.personId, meeting.id, { text: null, askId: view.currentAsk?.id ?? null, dueAt: write.dueAt }, stamp()));
    case 'follow-up-text':
      return tx.commitments.setFollowUpText(meeting.id, write.id, write.text);
  }
}

/** A day and a time, echoed back in full for the organizer to confirm: "soon" and the past are refused. */
async function askDate(ask: Asker, question: string, field: string, suggestion: string | undefined, skippable: boolean, needsTime: boolean): Promise<Date | null> {
  const { parseWhen, mentionsTimeSpanish } = await dates();
  for (;;) {
    const text = await ask.text(question, {
      default: suggestion,
      validate: (answer) => {
        if (skippable && answer.trim() === '-') return true;
        try {
          parseWhen(answer, { future: true, field });
          if (needsTime && !mentionsTime(answer) && !mentionsTimeSpanish(answer)) return startWords().addATime(answer.trim());
          return true;
        } catch (error) {
          return error instanceof UserError ? `${error.message}${error.hint ? ` (${error.hint})` : ''}` : String(error);
        }
      },
    });
    if (skippable && text.trim() === '-') return null;
    const moment = parseWhen(text, { future: true, field });
    if (await ask.confirm(startWords().readBack(moment), true)) return moment;
  }
}

// ── 6. summary ─────────────────────────────────────────────────────────────

async function summarize(session: Session, items: readonly ScoreItem[]): Promise<void> {
  const { store, meeting } = session;
  const phases = await store.meetings.phases(meeting.id);
  const record = (await store.meetings.get(meeting.id))!;
  const person = (await store.people.get(meeting.personId))!;
  const moves = (await store.people.rungHistory(person.id)).filter((change) => change.meetingId === meeting.id);
  const scorecard = scoreMeeting(
    { did: record.checklist, noteTags: record.notes.map((note) => note.tag), agitation: record.agitation, asks: record.asks, followUps: record.followups.length, phases },
    items,
  );
  await store.write((tx) => tx.meetings.complete(meeting.id, stamp(), scorecard), { kind: 'start', meetingId: meeting.id });
  const lines = summaryLines(
    {
      person: person.name,
      meetingId: meeting.id,
      outcome: summarizeMeeting(phases),
      asks: record.asks,
      followUps: record.followups.map((followUp) => wordedFollowUp(followUp, person.name)),
      rung: { before: moves[0]?.fromRung ?? person.rung, after: person.rung },
      potential: person.potential,
      referrals: (await store.people.referrals(person.id)).map((referral) => referral.name),
      notesKept: record.notes.filter((note) => (NOTE_TAGS as readonly string[]).includes(note.tag)).length,
      scorecard,
    },
    session.color,
  );
  printData(`\n${lines.join('\n')}`);
}

/** A resumed meeting keeps the person, guide and length it began with; saying otherwise would be silently ignored. */
function refuseResumeWithPlan(personInput: string | undefined, options: StartOptions): void {
  if (options.resume === undefined || options.resume === false) return;
  const words = startWords();
  const given = [personInput !== undefined && words.aPerson, options.template && '--template', options.minutes && '--minutes', options.goal && '--goal', options.planAsk && '--plan-ask']
    .filter((part): part is string => typeof part === 'string');
  if (given.length > 0) throw new UsageError(words.resumeAsPlanned(given), 'oneonone start --resume [ID]');
}
