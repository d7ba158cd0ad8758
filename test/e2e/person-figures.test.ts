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
});
