import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

/** What person_figures must equal: the counts recomputed from the rows themselves. */
const RECOUNT = `
  SELECT p.id AS person_id,
    (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS meetings,
    (SELECT max(held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS last_met,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id) AS asks_made,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes') AS asks_yes,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept') AS asks_kept,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken') AS asks_broken,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL) AS open_asks,
    (SELECT count(*) FROM followups f WHERE f.person_id = p.id AND f.done_at IS NULL) AS open_followups,
    (SELECT count(*) FROM people r WHERE r.referred_by = p.id) AS referrals
  FROM people p ORDER BY p.id`;

function figures(db: string): { kept: unknown[]; recounted: unknown[] } {
  const open = new Database(db, { readonly: true });
  try {
    return {
      kept: open.prepare(`SELECT person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals
                          FROM person_figures ORDER BY person_id`).all(),
      recounted: open.prepare(RECOUNT).all(),
    };
  } finally {
    open.close();
  }
}

describe('per-person figures kept by triggers', () => {
  let box: Sandbox;
  afterEach(() => box.cleanup());

  it('person_figures equals a recount after meetings, asks, follow-ups, referrals, done and forget', () => {
    box = sandbox();
    const ok = (args: string[]) => {
      const result = box.run(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result;
    };
    ok(['log', 'Ana Ruiz', '--date', '2026-01-10', '--ask', 'come to the meeting', '--outcome', 'yes', '--ask-due', '2026-01-20',
      '--followup', '2099-01-01', '--referral', 'Bo Li', '--referral', 'Cy Dee']);
    ok(['log', 'Ana Ruiz', '--date', '2026-02-10', '--ask', 'bring a neighbour', '--outcome', 'maybe']);
    ok(['log', 'Bo Li', '--date', '2026-03-01', '--ask', 'host a house meeting', '--outcome', 'no', '--followup', '2099-02-01']);
    let now = figures(box.db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept[0]).toMatchObject({ meetings: 2, asks_made: 2, asks_yes: 1, open_asks: 2, open_followups: 1, referrals: 2 });

    const asks = box.json<{ id: string; kind: string; person: string }[]>(['followups', '--all', '--json']);
    const askCheckIn = asks.find((item) => item.kind === 'ask' && item.person === 'Ana Ruiz')!;
    const followUp = asks.find((item) => item.kind === 'followup' && item.person === 'Bo Li')!;
    ok(['done', askCheckIn.id, '--kept']);
    ok(['done', followUp.id]);
    now = figures(box.db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept[0]).toMatchObject({ asks_kept: 1, open_asks: 1 });

    ok(['forget', 'Bo Li', '--yes']);
    now = figures(box.db);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept).toHaveLength(2);
    expect(now.kept[0]).toMatchObject({ referrals: 1 });
  });
});
