/**
 * Smoothing of half-second decisions by a two-state hidden Markov model (the organizer talks / the other person talks),
 * decoded by Viterbi with a fixed look-ahead: block t is decided once `lag` more blocks have been heard, so a one-block
 * flicker is ironed out while a real change of speaker is kept, a look-ahead's time later.
 */
export type Side = 'organizer' | 'other';

export interface SmootherOptions {
  /** Blocks of look-ahead before a block is decided. */
  readonly lag: number;
  /** Log-probability of the speaker changing from one block of speech to the next. */
  readonly logSwitchInSpeech: number;
  /** The same across a block of silence: after a pause a new speaker is likelier. */
  readonly logSwitchInSilence: number;
}

export interface SmoothedBlock {
  readonly block: number;
  /** null for a block with no speech in it: the model carries its state across but names no speaker. */
  readonly side: Side | null;
  /** 0 (a coin toss) to 1 (the other reading would need far stronger evidence). */
  readonly confidence: number;
}

export const SMOOTHER_DEFAULTS: SmootherOptions = { lag: 5, logSwitchInSpeech: Math.log(0.03), logSwitchInSilence: Math.log(0.2) };

interface Step {
  readonly block: number;
  readonly evidence: number | null;
  readonly delta: readonly [number, number];
  /** For each state at this block, the state of the block before on the best path. */
  readonly back: readonly [number, number];
}

const SIDES: readonly Side[] = ['organizer', 'other'];

export interface Smoother {
  /** Takes a block's evidence (log-likelihood ratio, organizer over other; null for silence); returns what is decided. */
  push(evidence: number | null): SmoothedBlock[];
  /** Decides every block still waiting (the end of the meeting). */
  flush(): SmoothedBlock[];
}

function emissions(evidence: number | null): [number, number] {
  return evidence === null ? [0, 0] : [evidence / 2, -evidence / 2];
}

export function createSmoother(o: SmootherOptions = SMOOTHER_DEFAULTS): Smoother {
  const window: Step[] = [];
  let next = 0;

  function transitions(evidence: number | null): [number, number] {
    const change = evidence === null ? o.logSwitchInSilence : o.logSwitchInSpeech;
    return [Math.log1p(-Math.exp(change)), change];
  }

  function advance(evidence: number | null): void {
    const e = emissions(evidence);
    const previous = window[window.length - 1];
    if (!previous) {
      window.push({ block: next++, evidence, delta: [e[0], e[1]], back: [0, 1] });
      return;
    }
    const [stay, change] = transitions(evidence);
    const delta: [number, number] = [0, 0];
    const back: [number, number] = [0, 0];
    for (let s = 0; s < 2; s++) {
      const fromSame = previous.delta[s]! + stay;
      const fromOther = previous.delta[1 - s]! + change;
      back[s] = fromSame >= fromOther ? s : 1 - s;
      delta[s] = Math.max(fromSame, fromOther) + e[s]!;
    }
    // Only differences matter; keeping the best at zero stops the scores growing through a long meeting.
    const best = Math.max(delta[0], delta[1]);
    delta[0] -= best;
    delta[1] -= best;
    window.push({ block: next++, evidence, delta, back });
  }

  /** The state of window[index] on the best path ending now, and how much better it is than the other state. */
  function decide(index: number): SmoothedBlock {
    const last = window[window.length - 1]!;
    let state = last.delta[0] >= last.delta[1] ? 0 : 1;
    for (let i = window.length - 1; i > index; i--) state = window[i]!.back[state]!;
    const step = window[index]!;
    const margin = Math.abs(forwardBackward(index, 0) - forwardBackward(index, 1));
    return { block: step.block, side: step.evidence === null ? null : SIDES[state]!, confidence: Math.tanh(margin / 2) };
  }

  /** The best path's score through window[index] in state s: its forward score plus the best way on to the end. */
  function forwardBackward(index: number, s: number): number {
    let beta: [number, number] = [0, 0];
    for (let i = window.length - 1; i > index; i--) {
      const step = window[i]!;
      const e = emissions(step.evidence);
      const [stay, change] = transitions(step.evidence);
      beta = [
        Math.max(stay + e[0] + beta[0], change + e[1] + beta[1]),
        Math.max(change + e[0] + beta[0], stay + e[1] + beta[1]),
      ];
    }
    return window[index]!.delta[s]! + beta[s]!;
  }

  return {
    push(evidence) {
      advance(evidence);
      if (window.length <= o.lag) return [];
      const decided = decide(0);
      window.shift();
      return [decided];
    },
    flush() {
      const decided = window.map((_, i) => decide(i));
      window.length = 0;
      return decided;
    },
  };
}
