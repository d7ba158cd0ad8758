import { afterEach, describe, expect, it } from 'vitest';
import { figures } from './figures.js';
import { sandbox, type Sandbox } from './helpers.js';

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
    let now = figures(box);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept[0]).toMatchObject({ meetings: 2, asks_made: 2, asks_yes: 1, open_asks: 2, open_followups: 1, referrals: 2 });

    const asks = box.json<{ id: string; kind: string; person: string }[]>(['followups', '--all', '--json']);
    const askCheckIn = asks.find((item) => item.kind === 'ask' && item.person === 'Ana Ruiz')!;
    const followUp = asks.find((item) => item.kind === 'followup' && item.person === 'Bo Li')!;
    ok(['done', askCheckIn.id, '--kept']);
    ok(['done', followUp.id]);
    now = figures(box);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept[0]).toMatchObject({ asks_kept: 1, open_asks: 1 });

    ok(['forget', 'Bo Li', '--yes']);
    now = figures(box);
    expect(now.kept).toEqual(now.recounted);
    expect(now.kept).toHaveLength(2);
    expect(now.kept[0]).toMatchObject({ referrals: 1 });
  });

  it('the latest contact that was not a 1:1 follows every touch, undo, merge and forget', () => {
    box = sandbox();
    const ok = (args: string[]) => expect(box.run(args).code, args.join(' ')).toBe(0);
    const lastTouch = (name: string) => {
      const now = figures(box);
      expect(now.kept).toEqual(now.recounted);
      const [row] = box.sql<{ at: string | null }>(`SELECT f.last_touch AS at FROM person_figures f JOIN people p ON p.id = f.person_id WHERE p.name = '${name}'`);
      return row?.at === null || row?.at === undefined ? row?.at : new Date(row.at).toISOString();
    };
    ok(['log', 'Ana Ruiz', '--date', '2026-01-10']);
    ok(['log', 'Ana R.', '--date', '2026-01-11']);
    expect(lastTouch('Ana Ruiz')).toBeNull();
    ok(['touch', 'Ana Ruiz', '--by', 'call', '--date', '2026-01-08 12:00']);
    const first = lastTouch('Ana Ruiz');
    ok(['touch', 'Ana Ruiz', '--by', 'door', '--date', '2026-01-20 12:00']);
    expect(Date.parse(lastTouch('Ana Ruiz')!) - Date.parse(first!)).toBe(12 * 86_400_000);
    ok(['undo']);
    expect(lastTouch('Ana Ruiz')).toBe(first);
    ok(['touch', 'Ana R.', '--by', 'event', '--date', '2026-01-25 12:00']);
    ok(['merge', 'Ana R.', 'Ana Ruiz']);
    expect(Date.parse(lastTouch('Ana Ruiz')!) - Date.parse(first!)).toBe(17 * 86_400_000);
    ok(['forget', 'Ana Ruiz', '--yes']);
    expect(lastTouch('Ana Ruiz')).toBeUndefined();
  });
});
