import { startPhaseClock, type PhaseClock } from '../meeting/clock.js';
import { HEARD_STEPS, PHASES_STEP, isDebriefStep, mentionsTime, nextStep, type DebriefStep, type StepAnswer } from '../meeting/debrief.js';
import type { PlannedPhase } from '../meeting/plan.js';
import { phaseProgressRecord, resumePoint, talkBeforePhase } from '../meeting/resume.js';
import { summarizeMeeting } from '../meeting/summary.js';
import { NOTE_TAGS, OUTCOMES, type Goal, type NoteTag, type Outcome } from '../meeting/tags.js';
import { addTalk, startTalkClock, talkTotals, type TalkClock } from '../meeting/talk.js';
import type { Template } from '../meeting/template.js';
import { RUNGS, type Rung } from '../people/ladder.js';
import { cleanName, parsePersonId } from '../people/names.js';
import { cleanText } from '../people/text.js';
import { Interrupted, UsageError, UserError } from '../support/errors.js';
import { formatCountdown, formatDateTime } from '../support/format.js';
import type { Store } from '../store/index.js';
import type { PersonRow } from '../store/people.js';
import { SessionStore, type DraftRow } from '../store/sessions.js';
import { inquirerAsker, plainAsker, type Asker, type Choice } from '../ui/ask.js';
import { printData, printMessage } from '../ui/output.js';
import { cardLines, lengthLabel, summaryLines, type PersonCard } from '../ui/session.js';
import { storeFor, useColor, type GlobalOptions } from './context.js';
import { findOrAddPerson, findPerson, nameSearchChoices, withName } from './person.js';

export interface StartOptions {
  template?: string;
  minutes?: number;
  goal?: Goal;
  planAsk?: string;
  resume?: string | boolean;
  plain?: boolean;
}

/** Everything the steps of one run share. */
interface Session {
  store: Store;
  sessions: SessionStore;
  ask: Asker;
  color: boolean;
  plain: boolean;
  meeting: DraftRow;
}

const GOAL_CHOICES: Choice<Goal>[] = [
  { name: 'recruitment', value: 'recruitment', description: 'get to know them and invite them in' },
  { name: 'maintenance', value: 'maintenance', description: 'keep someone involved, deepen the relationship' },
  { name: 'escalation', value: 'escalation', description: 'ask someone involved to take on more' },
];

export async function run(personInput: string | undefined, options: StartOptions, globals: GlobalOptions): Promise<void> {
  refuseResumeWithPlan(personInput, options);
  if (process.stdin.isTTY !== true) {
    throw new UserError('oneonone start needs a terminal: it asks questions and runs live timers', {
      hint: 'to record a meeting without questions use: oneonone log "Name" --value … --ask … (see oneonone log --help), or run start in a terminal',
    });
  }
  const plain = options.plain === true || process.env.TERM === 'dumb' || process.stdout.isTTY !== true;
  const store = storeFor(globals);
  const sessions = new SessionStore(store.db, store.meetings);
  const ask = plain ? plainAsker() : inquirerAsker();
  const color = useColor(globals);
  let session: Session | undefined;
  let prepared: DraftRow | undefined;
  try {
    const meeting = options.resume !== undefined && options.resume !== false
      ? findDraft(sessions, options.resume)
      : await prepare(store, sessions, ask, personInput, options, color, (draft) => (prepared = draft));
    if (meeting === null) return;
    session = { store, sessions, ask, color, plain, meeting };
    if (options.resume !== undefined && options.resume !== false) ask.say(resumeLine(session));
    if (meeting.step === PHASES_STEP || meeting.step === null) await runPhases(session);
    await debrief(session);
  } catch (error) {
    if (isPromptExit(error)) {
      // The message starts on its own line, not after the ^C or the half-drawn prompt.
      printMessage('');
      throw interrupted(session?.meeting ?? prepared);
    }
    throw error;
  } finally {
    store.close();
  }
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

function interrupted(meeting: DraftRow | undefined): Interrupted {
  if (!meeting) return new Interrupted('stopped before the meeting began; nothing of it was saved');
  return new Interrupted(`stopped: the meeting with ${meeting.personName} is saved as draft #${meeting.id}; carry on with: oneonone start --resume ${meeting.id}`);
}

/** Now, in the stored form (support/dates.ts toStored), without loading the date parser before the first question. */
function stamp(): string {
  return new Date().toISOString();
}

/** The heavy modules (YAML templates, the date parser) load after the first question is on screen. */
const templateFiles = () => import('../support/template-files.js');
const meetingPlan = () => import('../meeting/plan.js');
const dates = () => import('../support/dates.js');

function findDraft(sessions: SessionStore, resume: string | boolean): DraftRow {
  if (resume === true) {
    const latest = sessions.latest();
    if (!latest) throw new UserError('there is no unfinished meeting to resume', { hint: 'start one with: oneonone start' });
    return latest;
  }
  const id = Number(String(resume).replace(/^#/, ''));
  const draft = Number.isInteger(id) ? sessions.draft(id) : undefined;
  if (!draft) {
    throw new UserError(`there is no unfinished meeting #${resume}`, { hint: 'resume the latest with: oneonone start --resume' });
  }
  return draft;
}

function resumeLine(session: Session): string {
  const { meeting } = session;
  if (meeting.step === PHASES_STEP || meeting.step === null) {
    const stored = session.sessions.phases(meeting.id);
    const point = resumePoint(stored, meeting.currentPhase ?? 1);
    const left = point.remainingMs > 0 ? `${formatCountdown(point.remainingMs)} left` : `already ${formatCountdown(point.remainingMs)} over`;
    return `Resuming meeting #${meeting.id} with ${meeting.personName} at phase ${stored[point.phaseIndex]?.position ?? 1} (${left}).`;
  }
  return `Resuming meeting #${meeting.id} with ${meeting.personName} at the debrief.`;
}

// ── 1. prepare ─────────────────────────────────────────────────────────────

async function prepare(
  store: Store, sessions: SessionStore, ask: Asker, personInput: string | undefined, options: StartOptions, color: boolean,
  onDraft: (draft: DraftRow) => void,
): Promise<DraftRow | null> {
  const waiting = sessions.latest();
  if (waiting) ask.say(`(An unfinished meeting with ${waiting.personName} is saved as draft #${waiting.id}; oneonone start --resume ${waiting.id} carries it on.)`);
  const person = await choosePerson(store, ask, personInput);
  const card = cardFor(store, person);
  if (card.meetings > 0 || card.heard.length > 0 || card.lastAsk) ask.say(['', ...cardLines(card, color), ''].join('\n'));

  const goal = options.goal ?? (await ask.select('What is this meeting for? (say it out loud at the start)', GOAL_CHOICES));
  const { findTemplate } = await templateFiles();
  const { planPhases } = await meetingPlan();
  const template = options.template ? findTemplate(options.template) : await chooseTemplate(ask);
  const minutes = options.minutes ?? (template.lengths.length > 1
    ? await ask.select('How long will you meet?', template.lengths.map((length) => ({ name: lengthLabel(length), value: length })), template.minutes)
    : template.lengths[0]!);
  const phases = planPhases(template, minutes);
  const plannedAsk = options.planAsk !== undefined
    ? cleanText(options.planAsk, 'planned ask')
    : optional(await ask.text('The ask you plan to make, if you know it (Enter to skip):'));

  const meetingId = store.write(() =>
    sessions.createDraft(
      {
        personId: person.id, heldAt: stamp(), goal, template: template.name, plannedMinutes: minutes, plannedAsk,
        phases: phases.map((phase) => ({ position: phase.position, key: phase.key, title: phase.title, plannedSeconds: phase.plannedSeconds, maxTalkShare: phase.maxTalkShare })),
      },
      stamp(),
    ),
  );
  const meeting = sessions.draft(meetingId)!;
  onDraft(meeting);
  const ready = await ask.confirm(`Ready? ${phases.length} phases, ${lengthLabel(minutes)}. Start the first phase now?`, true);
  if (!ready) {
    ask.say(`Prepared and saved as draft #${meetingId}. When ${person.name} arrives: oneonone start --resume ${meetingId}`);
    return null;
  }
  return meeting;
}

type PersonPick = { id: number } | { add: string };

async function choosePerson(store: Store, ask: Asker, personInput: string | undefined): Promise<PersonRow> {
  if (personInput !== undefined) {
    const known = parsePersonId(personInput) !== undefined || withName(store, cleanName(personInput)).length > 0;
    if (known) return findPerson(store, personInput);
    return addPerson(store, ask, cleanName(personInput));
  }
  const everyone = store.people.allNames();
  const pick = await ask.search<PersonPick>('Who are you meeting?', (term) =>
    nameSearchChoices(everyone, term, (name) => `Add "${name}" as a new person`),
  );
  if ('id' in pick) return store.people.get(pick.id)!;
  return addPerson(store, ask, cleanName(pick.add));
}

/** How the organizer got the name: the guide's credential ("My friend Joan said…"). */
async function addPerson(store: Store, ask: Asker, name: string): Promise<PersonRow> {
  const source = await ask.select<'referral' | 'event' | 'other'>(`${name} is new. How did you get their name?`, [
    { name: 'Someone referred them to me', value: 'referral' },
    { name: 'I met them at an event or meeting', value: 'event' },
    { name: 'Another way', value: 'other' },
  ]);
  let referredBy: number | null = null;
  let detail: string | null = null;
  if (source === 'referral') {
    const everyone = store.people.allNames();
    const pick = await ask.search<PersonPick>('Who referred them?', (term) => nameSearchChoices(everyone, term, (name) => `Add "${name}"`));
    referredBy = 'id' in pick ? pick.id : store.write(() => findOrAddPerson(store, cleanName(pick.add), stamp()).person.id);
  } else {
    detail = optional(await ask.text(source === 'event' ? 'Which event?' : 'How did you get their name? (Enter to skip)'));
  }
  return store.write(() => {
    const { person } = findOrAddPerson(store, name, stamp(), { source, sourceDetail: detail, referredBy });
    return person;
  });
}

function cardFor(store: Store, person: PersonRow): PersonCard {
  const meetings = store.meetings.idsForPerson(person.id).map((id) => store.meetings.get(id)!).filter((m) => m.status === 'complete');
  const heardTags: NoteTag[] = ['value', 'interest', 'motivation', 'issue', 'skill', 'capacity'];
  const heard = store.meetings.notesForPerson(person.id).filter((note) => heardTags.includes(note.tag as NoteTag));
  return {
    id: person.id,
    name: person.name,
    rung: person.rung,
    potential: person.potential,
    referredBy: store.people.referredBy(person.id)?.name ?? null,
    lastMet: meetings[0]?.heldAt ?? null,
    meetings: meetings.length,
    heard: heard.map((note) => ({ tag: note.tag, text: note.text })),
    lastAsk: store.meetings.asksForPerson(person.id)[0] ?? null,
    openFollowUps: store.meetings.followUpsForPerson(person.id).filter((followUp) => followUp.doneAt === null),
  };
}

async function chooseTemplate(ask: Asker): Promise<Template> {
  const templates = (await templateFiles()).loadTemplates();
  if (templates.length === 1) return templates[0]!;
  return ask.select(
    'Which meeting guide?',
    templates.map((template) => ({ name: `${template.name} — ${template.title}`, value: template })),
    templates.find((template) => template.name === 'agenda'),
  );
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '-' ? null : cleanText(trimmed, 'answer');
}

// ── 2-4. the live phases ───────────────────────────────────────────────────

async function runPhases(session: Session): Promise<void> {
  const { store, sessions, meeting } = session;
  const { realMeetingTime } = await import('../meeting/time.js');
  const now = realMeetingTime();
  const stored = sessions.phases(meeting.id);
  const guide = await guideFor(meeting);
  const start = resumePoint(stored, meeting.currentPhase ?? stored[0]?.position ?? 1);
  let before = talkBeforePhase(stored, start.phaseIndex);
  for (let index = start.phaseIndex; index < stored.length; index++) {
    const row = stored[index]!;
    const resumed = index === start.phaseIndex ? start : null;
    store.write(() => sessions.enterPhase(meeting.id, row.position, stamp()));
    const save = (clock: PhaseClock, talk: TalkClock, at: number) =>
      store.write(() => sessions.saveProgress(meeting.id, row.position, phaseProgressRecord(clock, talk, at)));
    const t0 = now();
    let latest = {
      clock: startPhaseClock(row.plannedSeconds, t0, resumed?.elapsedMs ?? 0, resumed?.extraSeconds ?? 0),
      talk: startTalkClock(t0, resumed?.talk),
    };
    const guideText = guide.get(row.key);
    const config = {
      phase: { ...row, purpose: guideText?.purpose ?? '', tips: guideText?.tips ?? [], questions: guideText?.questions ?? [], noteTags: guideText?.noteTags },
      phaseCount: stored.length,
      now,
      meetingTalkBefore: before,
      clock: latest.clock,
      talk: latest.talk,
      onProgress: ({ clock, talk, now: at }: { clock: PhaseClock; talk: TalkClock; now: number }) => {
        latest = { clock, talk };
        save(clock, talk, at);
      },
      onNote: (tag: NoteTag, text: string) => {
        store.write(() => store.meetings.addNote(meeting.personId, meeting.id, tag, text, row.key, stamp()));
      },
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
      // Ctrl-C: keep the clocks exactly as they stood.
      save(latest.clock, latest.talk, now());
      throw error;
    }
    const at = now();
    save(result.clock, result.talk, at);
    before = addTalk(before, talkTotals(result.talk, at));
    const next = stored[index + 1];
    store.write(() => (next ? sessions.enterPhase(meeting.id, next.position, stamp()) : sessions.setStep(meeting.id, 'ask', stamp())));
  }
  session.meeting = sessions.draft(meeting.id)!;
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
  const { sessions, store } = session;
  let step: DebriefStep = isDebriefStep(session.meeting.step) ? session.meeting.step : 'ask';
  if (step === 'ask' || step === 'pivot') session.ask.say('\nThe meeting is over. Now the commitment and what you heard; each answer is saved as you give it.');
  while (step !== 'summary') {
    const saves: (() => unknown)[] = [];
    const answer = await runStep(session, step, (work) => void saves.push(work));
    const next: DebriefStep = answer === 'stay' ? step : answer.goTo ?? nextStep(step, answer);
    // An answer and the step it leads to are saved in one transaction: a kill -9 between the two would
    // ask the question again on resume and keep its answer twice (a second ask, story note or follow-up).
    store.write(() => {
      for (const save of saves) save();
      if (answer !== 'stay') sessions.setStep(session.meeting.id, next, stamp());
    });
    step = next;
  }
  summarize(session);
}

type StepResult = (StepAnswer & { goTo?: DebriefStep }) | 'stay';

/** `write` queues the answer's writes; the caller saves them together with the next step. */
async function runStep(session: Session, step: DebriefStep, write: (work: () => unknown) => void): Promise<StepResult> {
  const { ask, store, sessions, meeting } = session;
  const current = () => sessions.currentAsk(meeting.id);
  switch (step) {
    case 'ask':
    case 'pivot': {
      const question = step === 'ask'
        ? 'The ask: what exactly did you ask them to do? (type - if you made no ask)'
        : 'The smaller ask: what did you ask instead? (type - for none)';
      const text = optional(await ask.text(question, { default: step === 'ask' ? meeting.plannedAsk ?? undefined : undefined, validate: required }));
      if (text === null) return { askMade: false };
      write(() => store.meetings.addAsk(meeting.personId, meeting.id, { text }, stamp()));
      return { askMade: true };
    }
    case 'ask-due': {
      const due = await askDate(ask, 'By when? A day and a time, e.g. "next friday 5pm" or "5 pm on February 2nd":', "ask's due date", undefined, false, true);
      write(() => sessions.updateAsk(current()!.id, { dueAt: due.toISOString() }));
      return {};
    }
    case 'ask-barriers': {
      const barriers = optional(await ask.text('What might stop them? (Enter if nothing)'));
      write(() => sessions.updateAsk(current()!.id, { barriers }));
      return { barriers: barriers !== null };
    }
    case 'ask-support': {
      const support = optional(await ask.text('How will you help remove that? (a ride, childcare, a reminder, going together…)'));
      write(() => sessions.updateAsk(current()!.id, { support }));
      return {};
    }
    case 'ask-outcome': {
      const outcome = await ask.select<Outcome>(`What did they say to "${current()!.text}"?`, OUTCOMES.map((value) => ({ name: value, value })));
      write(() => sessions.updateAsk(current()!.id, { outcome }));
      return { outcome };
    }
    case 'after-no': {
      ask.say('A no is normal and fine: most asks get one, and asking still shows you take them seriously.');
      const afterNo = await ask.select<'pivot' | 'later'>('What next?', [
        { name: 'I made a smaller ask', value: 'pivot' },
        { name: 'Leave it for now; set a follow-up at the end', value: 'later' },
      ]);
      return { afterNo };
    }
    case 'notes': {
      const quick = store.meetings.get(meeting.id)!.notes;
      if (quick.length === 0) return {};
      const kept = await ask.keep(
        'Your quick notes, kept unless you untick them (space toggles, Enter confirms):',
        quick.map((note) => ({ name: `${note.tag}: ${note.text}`, value: note.id })),
      );
      write(() => quick.filter((note) => !kept.includes(note.id)).forEach((note) => sessions.dropNoteOf(meeting.id, note.id)));
      return {};
    }
    case 'heard-value':
    case 'heard-interest':
    case 'heard-issue':
    case 'heard-skill':
    case 'heard-capacity': {
      const { tag, question } = HEARD_STEPS[step];
      const already = store.meetings.get(meeting.id)!.notes.filter((note) => note.tag === tag).map((note) => note.text);
      const text = optional(await ask.text(`${question}${already.length ? ` Noted: ${already.join('; ')}.` : ''} Add one, or Enter to go on:`));
      if (text === null) return {};
      write(() => store.meetings.addNote(meeting.personId, meeting.id, tag, text, null, stamp()));
      return 'stay';
    }
    case 'agitation': {
      const agitation = optional(await ask.text('Agitation: did you raise a gap between what they value and how things are? In a line (Enter to skip):'));
      write(() => sessions.setAgitation(meeting.id, agitation, stamp()));
      return {};
    }
    case 'story': {
      const story = optional(await ask.text('The story you shared about yourself, in a line (Enter to skip):'));
      if (story !== null) write(() => store.meetings.addNote(meeting.personId, meeting.id, 'story', story, null, stamp()));
      return {};
    }
    case 'rung': {
      const person = store.people.get(meeting.personId)!;
      const rung = await ask.select<Rung>(
        `Where does ${person.name} stand on the ladder after this meeting? (now: ${person.rung})`,
        RUNGS.map((value, index) => ({ name: `${index + 1} ${value}`, value })),
        person.rung as Rung,
      );
      const day = formatDateTime(new Date()).slice(0, 15);
      write(() => store.people.moveToRung(person.id, rung, { reason: `after the meeting of ${day}`, meetingId: meeting.id, at: stamp() }));
      return {};
    }
    case 'potential': {
      const person = store.people.get(meeting.personId)!;
      const potential = await ask.select<number | null>(
        'Leadership potential, 1 to 5?',
        [
          { name: '1 no sign yet', value: 1 }, { name: '2', value: 2 }, { name: '3 shows promise', value: 3 },
          { name: '4', value: 4 }, { name: '5 ready to lead now', value: 5 }, { name: 'not sure yet', value: null },
        ],
        person.potential ?? null,
      );
      if (potential !== null) write(() => store.people.setPotential(person.id, potential, stamp()));
      return {};
    }
    case 'referrals': {
      const referrals = store.people.referrals(meeting.personId).map((person) => person.name);
      const name = optional(await ask.text(`Did they connect you to anyone?${referrals.length ? ` (so far: ${referrals.join(', ')})` : ''} A name, or Enter to go on:`));
      if (name === null) return {};
      write(() => {
        const { person } = findOrAddPerson(store, cleanName(name, 'referral name'), stamp(), { source: 'referral' });
        if (person.id !== meeting.personId) store.people.setReferredBy(person.id, meeting.personId, stamp());
      });
      return 'stay';
    }
    case 'followup-due': {
      const lastAsk = current();
      const suggestion = lastAsk?.outcome === 'no' ? 'in 2 weeks at 10am' : 'in 2 days at 10am';
      const due = await askDate(ask, 'When will you follow up with them? (type - for no follow-up)', 'follow-up date', suggestion, true);
      if (due === null) return { goTo: 'summary' };
      write(() => store.meetings.addFollowUp(meeting.personId, meeting.id, followUpText(meeting, lastAsk), due.toISOString(), stamp()));
      return {};
    }
    case 'followup-text': {
      const followUp = store.meetings.get(meeting.id)!.followups.at(-1);
      if (!followUp) return {};
      const text = optional(await ask.text('Your next step, as you will do it:', { default: followUp.text }));
      if (text !== null) write(() => sessions.setFollowUpText(meeting.id, followUp.id, text));
      return {};
    }
    case 'summary':
      return {};
  }
}

function required(answer: string): true | string {
  return answer.trim() === '' ? 'Type it in a few words, or - if there was none.' : true;
}

function followUpText(meeting: DraftRow, lastAsk: { text: string; outcome: string | null } | undefined): string {
  if (!lastAsk) return `Follow up with ${meeting.personName}`;
  if (lastAsk.outcome === 'no') return `Check back in with ${meeting.personName} about: ${lastAsk.text}`;
  return `Remind ${meeting.personName} about: ${lastAsk.text}`;
}

/** A day and a time, echoed back in full for the organizer to confirm: "soon" and the past are refused. */
async function askDate(ask: Asker, question: string, field: string, suggestion?: string, skippable?: false, needsTime?: boolean): Promise<Date>;
async function askDate(ask: Asker, question: string, field: string, suggestion: string | undefined, skippable: true): Promise<Date | null>;
async function askDate(ask: Asker, question: string, field: string, suggestion?: string, skippable = false, needsTime = false): Promise<Date | null> {
  const { parseWhen } = await dates();
  for (;;) {
    const text = await ask.text(question, {
      default: suggestion,
      validate: (answer) => {
        if (skippable && answer.trim() === '-') return true;
        try {
          parseWhen(answer, { future: true, field });
          if (needsTime && !mentionsTime(answer)) return `Add a time of day too, e.g. "${answer.trim()} 6pm": a specific ask says when, not just which day.`;
          return true;
        } catch (error) {
          return error instanceof UserError ? `${error.message}${error.hint ? ` (${error.hint})` : ''}` : String(error);
        }
      },
    });
    if (skippable && text.trim() === '-') return null;
    const moment = parseWhen(text, { future: true, field });
    if (await ask.confirm(`That is ${formatDateTime(moment)}. Right?`, true)) return moment;
  }
}

// ── 6. summary ─────────────────────────────────────────────────────────────

function summarize(session: Session): void {
  const { store, sessions, meeting } = session;
  const phases = sessions.phases(meeting.id);
  const record = store.meetings.get(meeting.id)!;
  const person = store.people.get(meeting.personId)!;
  const moves = store.people.rungHistory(person.id).filter((change) => change.meetingId === meeting.id);
  store.write(() => sessions.complete(meeting.id, stamp()));
  const lines = summaryLines(
    {
      person: person.name,
      meetingId: meeting.id,
      outcome: summarizeMeeting(phases),
      asks: record.asks,
      followUps: record.followups,
      rung: { before: moves[0]?.fromRung ?? person.rung, after: person.rung },
      potential: person.potential,
      referrals: store.people.referrals(person.id).map((referral) => referral.name),
      notesKept: record.notes.filter((note) => (NOTE_TAGS as readonly string[]).includes(note.tag)).length,
    },
    session.color,
  );
  printData(`\n${lines.join('\n')}`);
}

/** A resumed meeting keeps the person, guide and length it began with; saying otherwise would be silently ignored. */
function refuseResumeWithPlan(personInput: string | undefined, options: StartOptions): void {
  if (options.resume === undefined || options.resume === false) return;
  const given = [personInput !== undefined && 'a person', options.template && '--template', options.minutes && '--minutes', options.goal && '--goal', options.planAsk && '--plan-ask']
    .filter(Boolean);
  if (given.length > 0) {
    throw new UsageError(`--resume continues a meeting as it was planned: leave out ${given.join(', ')}`, 'oneonone start --resume [ID]');
  }
}
