import { adaptMeans, fitGmm, meanLogLikelihood, sampleGmm, scoringForm, seededRandom, frameLogLikelihood, type Frames, type Gmm, type ScoringGmm } from './gmm.js';

/**
 * Who is talking, frame by frame: the organizer's model (from their enrolment) against a model of everything else
 * heard in the meeting. The other model is refit now and then from a fixed-size memory of the latest speech, so the
 * work stays the same at minute 5 and at minute 50; nothing is re-clustered over the whole meeting.
 */
export interface VoiceModel {
  readonly version: 1;
  readonly gmm: Gmm;
  readonly speechSeconds: number;
}

export interface JudgeOptions {
  /** Speech frames remembered for refitting (10 ms each). */
  readonly memoryFrames: number;
  /** Speech frames between refits. */
  readonly refitEvery: number;
  readonly otherComponents: number;
  /** Fewest frames the other side needs in memory before it gets a model of its own. */
  readonly otherAtLeast: number;
  /**
   * How hard the organizer's model holds to the enrolment when it adapts to the room (MAP relevance), or null to keep
   * the enrolled model as it is: on the fixtures adapting let the other person's blocks pull it their way.
   */
  readonly organizerRelevance: number | null;
  /** A block goes to the organizer's side of the memory only when its frames lean to them by this much on average. */
  readonly organizerMargin: number;
  /** Each frame's ratio is clipped, so a few frames no model explains (a cough, a cup) cannot decide a block. */
  readonly frameClip: number;
}

export const JUDGE_DEFAULTS: JudgeOptions = {
  memoryFrames: 4000, refitEvery: 300, otherComponents: 16, otherAtLeast: 300, organizerRelevance: null, organizerMargin: 0.5, frameClip: 2,
};

export const ENROLMENT_COMPONENTS = 16;

export function fitVoiceModel(speech: Frames, seed = 7): VoiceModel {
  return { version: 1, gmm: fitGmm(speech, { components: ENROLMENT_COMPONENTS, iterations: 25, seed }), speechSeconds: speech.count / 100 };
}

/** The starting model of "everything else": the organizer's own, made broad, so only frames unlike the organizer lean to it. */
export function broadened(g: Gmm, factor = 3): Gmm {
  return { weights: g.weights, means: g.means, variances: g.variances.map((v) => v.map((x) => x * factor)) };
}

/**
 * The swap guard: of two models, the organizer's side is the one that explains the enrolment best. Frames drawn from
 * the enrolled model stand in for the enrolment (its audio and frames are never kept).
 */
export function organizerSideIsFirst(enrolmentSample: Frames, first: Gmm | ScoringGmm, second: Gmm | ScoringGmm): boolean {
  return meanLogLikelihood(first, enrolmentSample) > meanLogLikelihood(second, enrolmentSample);
}

export interface SpeakerJudge {
  /** The frame's log-likelihood ratio, organizer over other; the frame is remembered under its block for refitting. */
  frame(cepstra: Float64Array, block: number): number;
  /** After each block: refits when enough new speech has been heard. */
  endBlock(): void;
  readonly refits: number;
  /** Refits refused by the swap guard. */
  readonly guardRefusals: number;
}

export function createSpeakerJudge(voice: VoiceModel, o: JudgeOptions = JUDGE_DEFAULTS): SpeakerJudge {
  const dims = voice.gmm.means[0]!.length;
  const enrolmentSample = sampleGmm(voice.gmm, 600, seededRandom(11));
  const memory = new Float64Array(o.memoryFrames * dims);
  const memoryBlocks = new Int32Array(o.memoryFrames);
  let remembered = 0;
  let sinceRefit = 0;
  let organizerModel = voice.gmm;
  let otherModel = broadened(voice.gmm);
  let organizer = scoringForm(organizerModel);
  let other = scoringForm(otherModel);
  let refits = 0;
  let guardRefusals = 0;

  function memoryFrames(): Frames {
    const count = Math.min(remembered, o.memoryFrames);
    return { data: memory.subarray(0, count * dims), count, dims };
  }

  /** Splits the memory by block: a block goes to the side its frames lean to, on average. */
  function sides(all: Frames): { organizer: Frames; other: Frames } {
    const sum = new Map<number, number>();
    const count = new Map<number, number>();
    const ratio = new Float64Array(all.count);
    for (let i = 0; i < all.count; i++) {
      ratio[i] = frameLogLikelihood(organizer, all.data, i * dims) - frameLogLikelihood(other, all.data, i * dims);
      const b = memoryBlocks[i]!;
      sum.set(b, (sum.get(b) ?? 0) + ratio[i]!);
      count.set(b, (count.get(b) ?? 0) + 1);
    }
    const picked = { organizer: [] as number[], other: [] as number[] };
    for (let i = 0; i < all.count; i++) {
      const b = memoryBlocks[i]!;
      (sum.get(b)! / count.get(b)! > o.organizerMargin ? picked.organizer : picked.other).push(i);
    }
    const rows = (indices: number[]): Frames => {
      const data = new Float64Array(indices.length * dims);
      indices.forEach((at, j) => data.set(all.data.subarray(at * dims, (at + 1) * dims), j * dims));
      return { data, count: indices.length, dims };
    };
    return { organizer: rows(picked.organizer), other: rows(picked.other) };
  }

  function refit(): void {
    const all = memoryFrames();
    const split = sides(all);
    const nextOther = split.other.count >= o.otherAtLeast
      ? fitGmm(split.other, { components: o.otherComponents, iterations: 6, seed: 3, start: otherModel.weights.length === o.otherComponents ? otherModel : undefined })
      : otherModel;
    // When it adapts, the organizer's model moves from the enrolment each time (never from its last state): it cannot drift away.
    const nextOrganizer = o.organizerRelevance !== null && split.organizer.count > 0 ? adaptMeans(voice.gmm, split.organizer, o.organizerRelevance) : voice.gmm;
    refits++;
    if (!organizerSideIsFirst(enrolmentSample, nextOrganizer, nextOther)) {
      guardRefusals++;
      return;
    }
    organizerModel = nextOrganizer;
    otherModel = nextOther;
    organizer = scoringForm(organizerModel);
    other = scoringForm(otherModel);
  }

  return {
    frame(cepstra, block) {
      const slot = remembered % o.memoryFrames;
      memory.set(cepstra, slot * dims);
      memoryBlocks[slot] = block;
      remembered++;
      sinceRefit++;
      const r = frameLogLikelihood(organizer, cepstra) - frameLogLikelihood(other, cepstra);
      return Math.max(-o.frameClip, Math.min(o.frameClip, r));
    },
    endBlock() {
      if (sinceRefit < o.refitEvery) return;
      sinceRefit = 0;
      refit();
    },
    get refits() { return refits; },
    get guardRefusals() { return guardRefusals; },
  };
}
