import { describe, expect, it } from 'vitest';
import { startPhaseClock } from '../../../src/meeting/clock.js';
import { openPhase, phaseStep, type PhaseEffect, type PhaseEvent, type PhaseState, type PhaseStep } from '../../../src/meeting/phase.js';
import { checkedTerms, flaggedTerms, isUsableTerm, SENSITIVE_TERMS, sensitiveTermsIn, termKey, type SensitiveCheck } from '../../../src/meeting/sensitive.js';
import { startTalkClock } from '../../../src/meeting/talk.js';

describe('sensitive terms', () => {
  it('finds immigration status in English and Spanish, whatever the accents and case, naming the longest term', () => {
    expect(sensitiveTermsIn('She is UNDOCUMENTED and scared')).toEqual(['undocumented']);
    expect(sensitiveTermsIn('dice que está sin papeles')).toEqual(['sin papeles']);
    expect(sensitiveTermsIn('tiene miedo de la migra')).toEqual(['la migra']);
    expect(sensitiveTermsIn('su hermano fue deportado; miedo a la deportacion')).toEqual(['deportación', 'deportado']);
    expect(sensitiveTermsIn('her visa ran out, and ICE came by')).toEqual(['visa', 'ICE']);
  });

  it('leaves words that only contain a term, and ice in a sentence, alone', () => {
    expect(sensitiveTermsIn('she advised on the visual plan, ice cream after')).toEqual([]);
    expect(sensitiveTermsIn('the papers for the lease are signed')).toEqual([]);
    expect(sensitiveTermsIn('her kids safety')).toEqual([]);
  });

  it('takes a team\'s own list', () => {
    expect(sensitiveTermsIn('works at the acme plant', ['Acme'])).toEqual(['Acme']);
    expect(sensitiveTermsIn('works at the Acme plant', ['ACME'])).toEqual([]);
    expect(sensitiveTermsIn('works at the ACME plant', ['ACME'])).toEqual(['ACME']);
    expect(sensitiveTermsIn('parole officer', ['parole'])).toEqual(['parole']);
  });

  it('checks the defaults and the team\'s words together, a word the defaults have once', () => {
    const terms = checkedTerms(['parole', 'Visa', 'green  card']);
    expect(terms).toEqual([...SENSITIVE_TERMS, 'parole']);
    expect(sensitiveTermsIn('her parole and her visa', terms)).toEqual(['parole', 'visa']);
    expect(termKey('Green   Card')).toBe(termKey('green card'));
    expect(termKey('ICE')).not.toBe(termKey('ice'));
  });

  it('takes a word or a phrase as a term, not punctuation alone, a line break or a paragraph', () => {
    expect(isUsableTerm('green card')).toBe(true);
    expect(isUsableTerm('  --  ')).toBe(false);
    expect(isUsableTerm('a\u0007b')).toBe(false);
    expect(isUsableTerm('x'.repeat(61))).toBe(false);
  });

  it('checks nothing without a check: a file on this computer sends nothing anywhere', () => {
    expect(flaggedTerms(undefined, 'sin papeles')).toEqual([]);
    expect(flaggedTerms({ terms: SENSITIVE_TERMS, canKeepPrivate: true }, 'sin papeles')).toEqual(['sin papeles']);
    expect(flaggedTerms({ terms: SENSITIVE_TERMS, canKeepPrivate: true }, null)).toEqual([]);
  });
});

const team: SensitiveCheck = { terms: checkedTerms(['parole']), canKeepPrivate: true };
const setup = (sensitive?: SensitiveCheck) => ({
  clock: startPhaseClock(300, 0), talk: startTalkClock(0), maxTalkShare: 0.2, meetingTalkBefore: { organizerMs: 0, otherMs: 0 },
  ...(sensitive ? { sensitive } : {}),
});
const key = (char: string): PhaseEvent => ({ kind: 'key', char });
const line = (text: string): PhaseEvent => ({ kind: 'line', text });

/** Keys typed one after another; every effect but the clock's saves, and the last state. */
function typed(state: PhaseState, events: PhaseEvent[]): { state: PhaseState; effects: PhaseEffect[] } {
  let step: PhaseStep = { state, effects: [] };
  const effects: PhaseEffect[] = [];
  for (const event of events) {
    step = phaseStep(step.state, event, 1000);
    effects.push(...step.effects.filter((effect) => effect.kind !== 'save-progress'));
  }
  return { state: step.state, effects };
}
const keys = (text: string) => [...text].map(key);
const note = (text: string, kind: string) => [key('a'), ...keys(text), key('\r'), key(kind)];
const held = (effects: PhaseEffect[]) => effects.flatMap((effect) => (effect.kind === 'held-note' ? [effect.change] : []));
const kept = (effects: PhaseEffect[]) => effects.flatMap((effect) => (effect.kind === 'note' ? [{ tag: effect.tag, text: effect.text }] : []));
const said = (effects: PhaseEffect[]) => effects.flatMap((effect) => (effect.kind === 'say' ? [effect.message] : []));

describe('a live note naming a sensitive term', () => {
  it('is held, private, and the phase asks: keep it private, rewrite it, or send it as it is', () => {
    const asked = typed(openPhase(setup(team), 0).state, note('su visa venció', 'v'));
    expect(asked.state).toMatchObject({ mode: 'note-choice', held: { tag: 'value', text: 'su visa venció', terms: ['visa'] } });
    expect(held(asked.effects)).toEqual([{ kind: 'hold', tag: 'value', text: 'su visa venció' }]);
    expect(kept(asked.effects)).toEqual([]);
    expect(said(asked.effects).at(-1)).toEqual({ code: 'note-flagged', terms: ['visa'], canKeepPrivate: true });
    // The phase cannot end, nor a clock key act, while the note waits: only the three choices and Esc.
    const waiting = typed(asked.state, [key('n'), key('t')]);
    expect(waiting.state.mode).toBe('note-choice');
    expect(waiting.state.done).toBe(false);
    expect(said(waiting.effects)).toEqual([{ code: 'not-a-choice', text: 'n', canKeepPrivate: true }, { code: 'not-a-choice', text: 't', canKeepPrivate: true }]);

    const mine = typed(asked.state, [key('p')]);
    expect(held(mine.effects)).toEqual([{ kind: 'settle', visibility: 'private' }]);
    expect(mine.state).toMatchObject({ mode: 'keys', held: undefined, notice: { code: 'noted', tag: 'value', text: 'su visa venció', private: true } });

    const sent = typed(asked.state, [key('s')]);
    expect(held(sent.effects)).toEqual([{ kind: 'settle', visibility: null }]);
    expect(sent.state.notice).toEqual({ code: 'noted', tag: 'value', text: 'su visa venció' });

    const dropped = typed(asked.state, [key('\u001b')]);
    expect(held(dropped.effects)).toEqual([{ kind: 'drop' }]);
    expect(dropped.state).toMatchObject({ mode: 'keys', held: undefined, notice: { code: 'note-cancelled' } });
  });

  it('rewritten, starts as it was, keeps its kind, is checked again, and replaces the held words', () => {
    const asked = typed(openPhase(setup(team), 0).state, note('miedo a la migra', 's'));
    const editing = typed(asked.state, [key('r')]);
    expect(editing.state).toMatchObject({ mode: 'note-text', note: 'miedo a la migra' });
    expect(said(editing.effects)).toEqual([{ code: 'note-rewrite', text: 'miedo a la migra' }]);
    // Still naming a term (a word of the team's): held again, in place of the first words, and asked again.
    const still = typed(editing.state, [...Array(16).fill(key('\u007f')), ...keys('his parole'), key('\r')]);
    expect(still.state).toMatchObject({ mode: 'note-choice', held: { tag: 'issue', text: 'his parole', terms: ['parole'] } });
    expect(held(still.effects)).toEqual([{ kind: 'hold', tag: 'issue', text: 'his parole' }]);
    const clean = typed(still.state, [key('r'), ...Array(10).fill(key('\u007f')), ...keys('fear at work'), key('\r')]);
    expect(held(clean.effects)).toEqual([{ kind: 'hold', tag: 'issue', text: 'fear at work' }, { kind: 'settle', visibility: null }]);
    expect(clean.state).toMatchObject({ mode: 'keys', held: undefined, notice: { code: 'noted', tag: 'issue', text: 'fear at work' } });
    // Erased to nothing, the note is cancelled and the held words go.
    const erased = typed(editing.state, [...Array(16).fill(key('\u007f')), key('\r')]);
    expect(held(erased.effects)).toEqual([{ kind: 'drop' }]);
  });

  it('in line mode takes the choice as a letter or a word; "private" is no choice on a server without a team', () => {
    const asking = typed(openPhase(setup(team), 0).state, [line('a'), line('no papers yet'), line('note')]);
    expect(asking.state.mode).toBe('note-choice');
    expect(held(typed(asking.state, [line('private')]).effects)).toEqual([{ kind: 'settle', visibility: 'private' }]);
    expect(held(typed(asking.state, [line(' Send ')]).effects)).toEqual([{ kind: 'settle', visibility: null }]);
    expect(typed(asking.state, [line('')]).state.mode).toBe('note-choice');
    const rewriting = typed(asking.state, [line('rewrite'), line('papers are fine')]);
    expect(held(rewriting.effects)).toEqual([{ kind: 'hold', tag: 'note', text: 'papers are fine' }, { kind: 'settle', visibility: null }]);

    const noTeam = typed(openPhase(setup({ terms: SENSITIVE_TERMS, canKeepPrivate: false }), 0).state, note('la migra', 'v'));
    const refused = typed(noTeam.state, [key('p')]);
    expect(refused.state.mode).toBe('note-choice');
    expect(said(refused.effects)).toEqual([{ code: 'not-a-choice', text: 'p', canKeepPrivate: false }]);
  });

  it('is kept at once, unasked, without a check (a file) or when it names no term', () => {
    const file = typed(openPhase(setup(), 0).state, note('su visa venció', 'v'));
    expect(kept(file.effects)).toEqual([{ tag: 'value', text: 'su visa venció' }]);
    expect(held(file.effects)).toEqual([]);
    const plain = typed(openPhase(setup(team), 0).state, note('her kids', 'v'));
    expect(kept(plain.effects)).toEqual([{ tag: 'value', text: 'her kids' }]);
  });
});
