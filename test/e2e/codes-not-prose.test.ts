import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBRIEF, DEBRIEF_STEPS, nextStep, type DebriefView } from '../../src/meeting/debrief.js';
import { summarizeMeeting } from '../../src/meeting/summary.js';
import { SCORE_ITEMS, scoreMeeting } from '../../src/meeting/scorecard.js';
import { talkReminders } from '../../src/meeting/talk.js';
import { buildAgenda, type OpenAsk, type OpenFollowUp } from '../../src/people/agenda.js';
import { DEFAULT_CADENCE } from '../../src/people/cadence.js';
import { leaderScore } from '../../src/people/ranking.js';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

/** What the organizer typed: every word of it may be kept; nothing else of ours may be a sentence. */
const TYPED = {
  name: 'Zora Quill', value: 'zq her kids first', interest: 'zq a dry basement', motivation: 'zq anger at the landlord',
  issue: 'zq mold', skill: 'zq speaks three languages', capacity: 'zq two evenings a week', story: 'zq my own eviction',
  leadIn: 'zq her cousin', note: 'zq came late', agitation: 'zq she pays for a home that makes her sick',
  ask: 'zq come to the tenant meeting', barriers: 'zq night shift', support: 'zq a ride', pivot: 'zq sign the petition',
  followupNote: undefined, referredBy: 'Yann Quorum', referral: 'Xeno Quay', email: 'zq@example.org', phone: '+1 555 0100',
  neighborhood: 'zq Eastside', organization: 'zq Local 7',
};
const TEMPLATE_WORDS = readFileSync(`${ROOT}/templates/agenda.yaml`, 'utf8').replace(/\s+/g, ' ');

/** A code (yes, recruitment, lead-in, meeting), a moment, a number, the organizer's words or the template's own. */
function isCodeOrTheirs(value: string): boolean {
  if (/^[a-z][a-z0-9-]*$/.test(value)) return true;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value)) return true;
  if (/^[\d.]+$/.test(value) || /^[FAC]\d+$/.test(value)) return true; // numbers, and the ids of the follow-up list
  const typed = Object.values(TYPED).filter((text): text is string => typeof text === 'string');
  if (typed.some((text) => text === value || text.toLowerCase() === value)) return true;
  return TEMPLATE_WORDS.includes(value.replace(/\s+/g, ' '));
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const JSON_COLUMNS = ['meetings.checklist', 'meetings.scorecard'];

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  const logged = box.run([
    'log', TYPED.name, '--date', '2026-11-20 18:30', '--minutes', '45', '--value', TYPED.value, '--interest', TYPED.interest,
    '--motivation', TYPED.motivation, '--issue', TYPED.issue, '--skill', TYPED.skill, '--capacity', TYPED.capacity, '--story', TYPED.story,
    '--lead-in', TYPED.leadIn, '--note', TYPED.note, '--agitation', TYPED.agitation,
    '--ask', TYPED.ask, '--ask-due', '2026-11-27 19:00', '--outcome', 'no', '--barriers', TYPED.barriers, '--support', TYPED.support,
    '--ask', TYPED.pivot, '--ask-due', '2026-11-28 10:00', '--outcome', 'yes',
    '--rung', 'participant', '--potential', '4', '--followup', 'in 3 days at 10am', '--referred-by', TYPED.referredBy,
    '--referral', TYPED.referral, '--email', TYPED.email, '--phone', TYPED.phone, '--neighborhood', TYPED.neighborhood,
    '--organization', TYPED.organization,
  ]);
  expect(logged.code, logged.stderr).toBe(0);
});
afterAll(() => box.cleanup());

describe('codes and the organizer\'s own words, never our sentences', () => {
  it('every text column the store wrote for a meeting logged with every option', () => {
    const db = new Database(box.db, { readonly: true });
    // The undo journal and the search index hold copies of the rows (the row as it was; the words to find), not text of their own.
    const copies = `'migrations', 'sqlite_sequence', 'changes', 'change_rows', 'change_recording'`;
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN (${copies}) AND name NOT LIKE 'search_index%'`).all() as { name: string }[]).map(({ name }) => name);
    const found: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          // A scorecard and a checklist are JSON made of codes: each string in it is checked, not the JSON as a whole.
          const texts = JSON_COLUMNS.includes(`${table}.${column}`) ? stringsIn(JSON.parse(value)) : [value];
          for (const text of texts) if (!isCodeOrTheirs(text)) found.push(`${table}.${column}: ${text}`);
        }
      }
    }
    const kept = db.prepare(`SELECT count(*) AS n FROM notes`).get() as { n: number };
    db.close();
    expect(kept.n).toBe(9);
    expect(found).toEqual([]);
  });

  it('every value the domain returns for it: the agenda, the summary, the reminders, the score, the debrief', () => {
    const shown = box.json<{ person: { id: number }; asks: { id: number; text: string; outcome: string; dueAt: string }[]; followups: { id: number; dueAt: string }[] }>(['show', TYPED.name, '--json']);
    const now = new Date('2026-11-24T12:00:00.000Z');
    const followUps: OpenFollowUp[] = shown.followups.map((f) => ({ id: f.id, personId: shown.person.id, person: TYPED.name, text: null, ask: null, dueAt: f.dueAt }));
    const asks: OpenAsk[] = shown.asks.filter((a) => a.outcome === 'yes').map((a) => ({ id: a.id, personId: shown.person.id, person: TYPED.name, text: a.text, outcome: 'yes', dueAt: a.dueAt, checkinAt: null, askedAt: '2026-11-20T18:30:00.000Z' }));
    const cadence = [{ personId: shown.person.id, person: TYPED.name, rung: 'participant', lastMet: '2026-09-01T10:00:00.000Z', lastTouch: null, createdAt: '2026-09-01T10:00:00.000Z', cadenceUntil: null }];
    const view: DebriefView = {
      personName: TYPED.name, plannedAsk: TYPED.ask, currentAsk: { id: 1, text: TYPED.ask, outcome: 'no', dueAt: null }, notes: [{ id: 1, tag: 'value', text: TYPED.value }],
      rung: 'participant', potential: 4, assessment: 0, units: [], referrals: [TYPED.referral], lastFollowUp: { id: 1, text: TYPED.ask },
      asks: [{ dueAt: null, barriers: null, outcome: 'no' }], checklist: [], scorecardItems: SCORE_ITEMS,
    };
    const returned = [
      buildAgenda({ followUps, asks, cadence }, DEFAULT_CADENCE, { kind: 'all' }, now),
      summarizeMeeting([{ position: 1, title: 'Purpose and introduction', plannedSeconds: 300, extraSeconds: 0, actualSeconds: 400, organizerTalkSeconds: 300, otherTalkSeconds: 100, maxTalkShare: 0.2 }]),
      talkReminders({ phaseTotals: { organizerMs: 300_000, otherMs: 10_000 }, maxTalkShare: 0.2, stretchMs: 200_000, phaseElapsedMs: 310_000, plannedMs: 300_000 }),
      leaderScore({ id: 1, name: TYPED.name, rung: 'participant', potential: 4, meetings: 1, lastMet: '2026-11-20T18:30:00.000Z', asksMade: 2, asksYes: 1, asksKept: 0, asksBroken: 0, referrals: 1 }, now),
      DEBRIEF_STEPS.map((step) => nextStep(step, {})),
      scoreMeeting({ did: ['purpose'], noteTags: ['value'], agitation: null, asks: view.asks, followUps: 0, phases: [] }),
      Object.values(DEBRIEF).map((spec) => [spec.say, spec.prompt(view)]),
    ];
    const strings = stringsIn(returned).filter((text) => !isCodeOrTheirs(text));
    expect(strings).toEqual([]);
    expect(stringsIn(returned).length).toBeGreaterThan(40);
  });
});
