import { scoreShown } from '../messages/scorecard.js';
import { NOTE_TAGS, type NoteTag } from '../meeting/tags.js';
import { daysAgo, formatDate, formatDateTime, formatElapsed, formatMinutes, formatShare } from '../support/format.js';
import { followUpWords } from '../messages/commitments.js';
import { rungReason } from '../messages/people.js';
import { assessmentShown, assessmentWords } from '../messages/assessment.js';
import { knowsLine, placeLine, touchLine, webWords } from '../messages/web.js';
import { personLanguageLine } from '../messages/person-language.js';
import type { AssessmentChange, AskRecord, FollowUpRecord, HandoffRecord, MeetingRecord, NoteRecord, PersonRow, Place, Relationship, RungChange, TeamSideOfPerson, Touch } from '../store/contract.js';
import { paint } from './color.js';
import { label } from './meeting.js';
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
  printData(
    [
      `${c.bold(person.name)} (#${person.id}) — ${person.rung}${person.potential ? `, leadership potential ${person.potential}/5` : ''}${person.assessment ? `, assessed ${assessmentShown(person.assessment)}` : ''}`,
      ...(contact ? [contact] : []),
      ...(language ? [language] : []),
      ...(profile.team ? [`organizer: ${profile.team.owner ?? 'nobody'}`] : []),
      ...(profile.formerNames.length ? [`also known as ${profile.formerNames.join(', ')}`] : []),
      meetingCount(profile.meetings, profile.touches[0], profile.team?.figures),
      ...(profile.referredBy ? [`referred by ${profile.referredBy.name} (#${profile.referredBy.id})`] : []),
      ...section('What they care about', NOTE_TAGS.flatMap((tag) => profile.notes.filter((note) => note.tag === tag).map((note) => `${label(tag)}: ${note.text} (N${note.id})`))),
      ...section('Asks', profile.asks.map(describeAsk)),
      ...section('Follow-ups', profile.followups.map((f) => `F${f.id} ${f.doneAt ? 'done' : 'open'}: ${followUpWords(f, person.name)} — ${formatDateTime(f.dueAt)}`)),
      ...section('Ladder', profile.rungHistory.map(describeRungChange)),
      ...section(assessmentWords.historyTitle, profile.assessmentHistory.map(describeAssessmentChange)),
      ...section('Connected you to', profile.referrals.map((r) => `${r.name} (#${r.id}, ${r.rung})`)),
      ...section(webWords.knowsTitle, profile.knows.map(knowsLine)),
      ...section(webWords.placesTitle, profile.places.map(placeLine)),
      ...section(webWords.touchesTitle, profile.touches.map(touchLine)),
      ...section('Handoffs', (profile.team?.handoffs ?? []).map(describeHandoff)),
      ...section('Meetings, newest first', profile.meetings.map((meeting) => describeMeeting(meeting, profile.team?.meetings[meeting.id]))),
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
  const contact = latestTouch && (lastMet === null || latestTouch.touchedAt > lastMet) ? ` · ${webWords.lastContact(daysAgo(latestTouch.touchedAt), latestTouch.by)}` : '';
  return `last met: ${daysAgo(lastMet)}${contact} · meetings: ${count}${drafts ? ` (and ${drafts} unfinished)` : ''}`;
}

function describeAssessmentChange(change: AssessmentChange): string {
  const why = change.reason ?? (change.meetingId ? `meeting M${change.meetingId}` : null);
  return `${formatDate(change.changedAt)}: ${assessmentShown(change.fromLevel)} → ${assessmentShown(change.toLevel)}${why ? ` (${why})` : ''}`;
}

function describeRungChange(change: RungChange): string {
  const reason = rungReason(change);
  return `${formatDate(change.changedAt)}: ${change.fromRung ? `${change.fromRung} → ` : ''}${change.toRung}${reason ? ` (${reason})` : ''}`;
}

function describeAsk(ask: AskRecord): string {
  const due = ask.dueAt ? ` by ${formatDateTime(ask.dueAt)}` : '';
  const answer = ask.outcome ?? 'no answer yet';
  return `A${ask.id}: ${ask.text}${due} — ${answer}${ask.result ? `, ${ask.result}` : ''}`;
}

function describeHandoff(h: HandoffRecord): string {
  const carried = h.carried ? 'open asks and follow-ups went along' : 'open asks and follow-ups stayed';
  return `${formatDate(h.at)}: ${h.from ?? 'nobody'} → ${h.to} (by ${h.by}; ${carried}): ${h.note}`;
}

function describeMeeting(meeting: MeetingRecord, organizer: string | undefined): string {
  const talked = meeting.phases.reduce((sum, phase) => sum + (phase.organizerTalkSeconds ?? 0), 0);
  const other = meeting.phases.reduce((sum, phase) => sum + (phase.otherTalkSeconds ?? 0), 0);
  const share = talked + other > 0 ? ` · ${organizer ? 'the organizer' : 'you'} talked ${formatShare(talked / (talked + other))}` : '';
  const longest = Math.max(0, ...meeting.phases.map((phase) => phase.longestMonologueSeconds ?? 0));
  const stretch = share && longest > 0 ? `, at most ${formatElapsed(longest * 1000)} at a stretch` : '';
  const by = organizer ? ` · with ${organizer}` : '';
  const draft = meeting.status === 'draft' ? ' · DRAFT (resume with: oneonone start --resume ' + meeting.id + ')' : '';
  const score = meeting.scorecard ? ` · ${scoreShown(meeting.scorecard)}` : '';
  const how = [meeting.mode, meeting.place].filter(Boolean).map((part) => ` · ${part}`).join('');
  return `M${meeting.id} ${formatDateTime(meeting.heldAt)}${by}${how} · ${meeting.goal} · ${meeting.template}, ${formatMinutes(meeting.plannedMinutes * 60)}${share}${stretch}${score}${draft}`;
}
