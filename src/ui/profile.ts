import { scoreShown } from '../messages/scorecard.js';
import { NOTE_TAGS, type NoteTag } from '../meeting/tags.js';
import { formatElapsed } from '../support/format.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { noteTagLabel } from '../messages/meeting.js';
import { outcomeLabel } from '../messages/debrief.js';
import { followUpWords } from '../messages/commitments.js';
import { peopleWords, rungReason } from '../messages/people.js';
import { assessmentShown } from '../messages/assessment.js';
import { knowsLine, placeLine, touchLine, webWords } from '../messages/web.js';
import { personLanguageLine } from '../messages/person-language.js';
import type { AssessmentChange, AskRecord, FollowUpRecord, HandoffRecord, MeetingRecord, NoteRecord, PersonRow, Place, Relationship, RungChange, TeamSideOfPerson, Touch } from '../store/contract.js';
import { paint } from './color.js';
import { printData } from './output.js';

export interface Profile {
  person: PersonRow;
  formerNames: string[];
  heard: Record<NoteTag, string[]>;
  /** What was heard, with the ids that edit and delete take. */
  notes: NoteRecord[];
  meetings: MeetingRecord[];
  asks: AskRecord[];
  followups: FollowUpRecord[];
  rungHistory: RungChange[];
  /** Every change of where they stand on the campaign, oldest first. */
  assessmentHistory: AssessmentChange[];
  referredBy: { id: number; name: string } | null;
  referrals: { id: number; name: string; rung: string }[];
  /** Who they know, open relationships first; ended ones kept, with when. */
  knows: Relationship[];
  /** The units they belong to. */
  places: Place[];
  /** Contacts that were not one-on-ones, latest first (the latest few). */
  touches: Touch[];
  /** On a team server only. */
  team?: TeamSideOfPerson & { handoffs: HandoffRecord[] };
}

export function renderProfile(profile: Profile, color: boolean): void {
  const c = paint(color);
  const { person } = profile;
  const section = (title: string, lines: string[]) => (lines.length ? ['', c.bold(title), ...lines.map((line) => `  ${line}`)] : []);
  const contact = [person.email, person.phone, person.neighborhood, person.organization].filter(Boolean).join(' · ');
  const language = personLanguageLine(person.language, person.interpreter);
  const words = peopleWords().profile;
  const { titles } = words;
  const assessed = person.assessment ? assessmentShown(person.assessment) : null;
  printData(
    [
      `${c.bold(person.name)} (#${person.id}) — ${words.heading(rungLabel(person.rung), person.potential, assessed)}`,
      ...(contact ? [contact] : []),
      ...(language ? [language] : []),
      ...(profile.team ? [words.organizer(profile.team.owner)] : []),
      ...(profile.formerNames.length ? [words.alsoKnownAs(profile.formerNames.join(', '))] : []),
      meetingCount(profile.meetings, profile.touches[0], profile.team?.figures),
      ...(profile.referredBy ? [words.referredBy(profile.referredBy.name, profile.referredBy.id)] : []),
      ...section(titles.cares, NOTE_TAGS.flatMap((tag) => profile.notes.filter((note) => note.tag === tag).map((note) => `${noteTagLabel(tag)}: ${note.text} (N${note.id})`))),
      ...section(titles.asks, profile.asks.map(describeAsk)),
      ...section(titles.followUps, profile.followups.map((f) => words.followUp(f.id, Boolean(f.doneAt), followUpWords(f, person.name), formats().dateTime(f.dueAt)))),
      ...section(titles.ladder, profile.rungHistory.map(describeRungChange)),
      ...section(titles.assessment, profile.assessmentHistory.map(describeAssessmentChange)),
      ...section(titles.connected, profile.referrals.map((r) => `${r.name} (#${r.id}, ${rungLabel(r.rung)})`)),
      ...section(webWords.knowsTitle, profile.knows.map(knowsLine)),
      ...section(webWords.placesTitle, profile.places.map(placeLine)),
      ...section(webWords.touchesTitle, profile.touches.map(touchLine)),
      ...section(titles.handoffs, (profile.team?.handoffs ?? []).map(describeHandoff)),
      ...section(titles.meetings, profile.meetings.map((meeting) => describeMeeting(meeting, profile.team?.meetings[meeting.id]))),
    ].join('\n'),
  );
}

/** Meetings held, as `people` counts them; an unfinished draft apart. */
function meetingCount(meetings: MeetingRecord[], latestTouch: Touch | undefined, figures?: TeamSideOfPerson['figures']): string {
  const held = meetings.filter((meeting) => meeting.status === 'complete');
  const drafts = meetings.length - held.length;
  // On a team the figures count every organizer's meetings with them, the ones one may not read too.
  const lastMet = figures ? figures.lastMet : held[0]?.heldAt ?? null;
  const count = figures ? figures.meetings : held.length;
  // A call since the last one-on-one is worth knowing at a glance; one before it says nothing new.
  const { daysAgo } = formats();
  const contact = latestTouch && (lastMet === null || latestTouch.touchedAt > lastMet) ? ` · ${webWords.lastContact(daysAgo(latestTouch.touchedAt), latestTouch.by)}` : '';
  return peopleWords().profile.lastMet(daysAgo(lastMet), contact, count, drafts);
}

function describeAssessmentChange(change: AssessmentChange): string {
  const why = change.reason ?? (change.meetingId ? peopleWords().profile.meetingReason(change.meetingId) : null);
  return `${formats().date(change.changedAt)}: ${assessmentShown(change.fromLevel)} → ${assessmentShown(change.toLevel)}${why ? ` (${why})` : ''}`;
}

function describeRungChange(change: RungChange): string {
  const reason = rungReason(change);
  return `${formats().date(change.changedAt)}: ${change.fromRung ? `${rungLabel(change.fromRung)} → ` : ''}${rungLabel(change.toRung)}${reason ? ` (${reason})` : ''}`;
}

function describeAsk(ask: AskRecord): string {
  const answer = ask.outcome ? outcomeLabel(ask.outcome) : null;
  const words = peopleWords().profile;
  return words.ask(ask.id, ask.text, ask.dueAt ? formats().dateTime(ask.dueAt) : null, answer, ask.result ? words.askResult(ask.result) : null);
}

function describeHandoff(h: HandoffRecord): string {
  return peopleWords().profile.handoff(formats().date(h.at), h.from, h.to, h.by, h.carried, h.note);
}

function describeMeeting(meeting: MeetingRecord, organizer: string | undefined): string {
  const talked = meeting.phases.reduce((sum, phase) => sum + (phase.organizerTalkSeconds ?? 0), 0);
  const other = meeting.phases.reduce((sum, phase) => sum + (phase.otherTalkSeconds ?? 0), 0);
  const words = peopleWords().profile;
  const { dateTime, minutes, share: shareOf } = formats();
  const share = talked + other > 0 ? words.talked(Boolean(organizer), shareOf(talked / (talked + other))) : '';
  const longest = Math.max(0, ...meeting.phases.map((phase) => phase.longestMonologueSeconds ?? 0));
  const stretch = share && longest > 0 ? words.stretch(formatElapsed(longest * 1000)) : '';
  const by = organizer ? words.with(organizer) : '';
  const draft = meeting.status === 'draft' ? words.draft(meeting.id) : '';
  const score = meeting.scorecard ? ` · ${scoreShown(meeting.scorecard)}` : '';
  const how = [meeting.mode && words.mode(meeting.mode), meeting.place].filter(Boolean).map((part) => ` · ${part}`).join('');
  return `M${meeting.id} ${dateTime(meeting.heldAt)}${by}${how} · ${words.goal(meeting.goal)} · ${meeting.template}, ${minutes(meeting.plannedMinutes * 60)}${share}${stretch}${score}${draft}`;
}
