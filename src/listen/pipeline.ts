import { createFeatures, FEATURE_DIMS } from './features.js';
import { BLOCK_SECONDS, createFramer, FRAME_SECONDS, FRAMES_PER_BLOCK } from './frames.js';
import { createSmoother, SMOOTHER_DEFAULTS, type SmootherOptions } from './hmm.js';
import { createRoom, type RoomReading } from './room.js';
import { createSpeakerJudge, fitVoiceModel, JUDGE_DEFAULTS, type JudgeOptions, type VoiceModel } from './speakers.js';
import { createVoiceActivity, type VadMode } from './vad.js';

/**
 * The listening pipeline: 16 kHz mono samples in, one decision per half second out (the organizer, the other person,
 * or silence), with how sure it is and how loud the room is. No I/O: frames are worked on in memory and dropped; what
 * leaves is only the decisions, and from them the seconds.
 */
export type Speaker = 'organizer' | 'other' | 'silence';

export interface BlockDecision {
  readonly block: number;
  readonly startSeconds: number;
  readonly speaker: Speaker;
  /** Seconds of speech the detector heard in the block (0 to 0.5). */
  readonly speechSeconds: number;
  /** 0 to 1; low when the two readings were close, or when the room is loud. */
  readonly confidence: number;
  readonly room: RoomReading;
}

export interface ListenerOptions {
  readonly vadMode?: VadMode;
  readonly smoother?: SmootherOptions;
  readonly judge?: Partial<JudgeOptions>;
  /** Each frame's log-likelihood ratio is worth this much evidence (frames overlap, so they are not independent). */
  readonly frameWeight?: number;
  /** Fewest speech frames (of 50) for a block to count as speech. */
  readonly speechFramesAtLeast?: number;
}

export interface Listener {
  hear(samples: Int16Array): BlockDecision[];
  /** The decisions still held back by the look-ahead. */
  finish(): BlockDecision[];
  readonly stats: { readonly refits: number; readonly guardRefusals: number };
}

const DEFAULTS = { vadMode: 3 as VadMode, frameWeight: 0.1, speechFramesAtLeast: 10 };

interface PendingBlock { readonly speechFrames: number; readonly room: RoomReading }

export async function createListener(voice: VoiceModel, options: ListenerOptions = {}): Promise<Listener> {
  const o = { ...DEFAULTS, ...options };
  const vad = await createVoiceActivity(o.vadMode);
  const framer = createFramer();
  const features = createFeatures();
  const room = createRoom();
  const judge = createSpeakerJudge(voice, { ...JUDGE_DEFAULTS, ...o.judge });
  const smoother = createSmoother(o.smoother ?? SMOOTHER_DEFAULTS);
  const pending = new Map<number, PendingBlock>();
  let frameInBlock = 0;
  let block = 0;
  let speechFrames = 0;
  let ratioSum = 0;

  function decided(smoothed: ReturnType<typeof smoother.push>): BlockDecision[] {
    return smoothed.map((s) => {
      const p = pending.get(s.block)!;
      pending.delete(s.block);
      const speaker: Speaker = s.side ?? 'silence';
      const confidence = s.side === null ? 1 : s.confidence * (p.room.loud ? 0.3 : 1);
      return { block: s.block, startSeconds: s.block * BLOCK_SECONDS, speaker, speechSeconds: p.speechFrames * FRAME_SECONDS, confidence, room: p.room };
    });
  }

  function endBlock(): BlockDecision[] {
    const isSpeech = speechFrames >= o.speechFramesAtLeast;
    pending.set(block, { speechFrames: isSpeech ? speechFrames : 0, room: room.reading() });
    const evidence = isSpeech ? ratioSum * o.frameWeight : null;
    judge.endBlock();
    block++;
    frameInBlock = 0;
    speechFrames = 0;
    ratioSum = 0;
    return decided(smoother.push(evidence));
  }

  return {
    hear(samples) {
      const out: BlockDecision[] = [];
      for (const frame of framer(samples)) {
        const f = features(frame);
        room.hear(f.levelDb);
        if (vad.isSpeech(frame)) {
          speechFrames++;
          ratioSum += judge.frame(f.cepstra, block);
        }
        if (++frameInBlock === FRAMES_PER_BLOCK) out.push(...endBlock());
      }
      return out;
    },
    finish() {
      const out = frameInBlock > 0 ? endBlock() : [];
      out.push(...decided(smoother.flush()));
      vad.close();
      return out;
    },
    get stats() { return { refits: judge.refits, guardRefusals: judge.guardRefusals }; },
  };
}

export interface Enrolment {
  readonly model: VoiceModel | null;
  readonly speechSeconds: number;
  /** Why there is no model: too little clear speech heard. */
  readonly problem: 'too-little-speech' | null;
}

export const ENROLMENT_SPEECH_SECONDS_AT_LEAST = 15;

/** Fits the organizer's voice model from about 30 seconds of them reading aloud; only the model's numbers are kept. */
export async function enrolVoice(samples: Int16Array, vadMode: VadMode = 3): Promise<Enrolment> {
  const vad = await createVoiceActivity(vadMode);
  const features = createFeatures();
  const rows: Float64Array[] = [];
  for (const frame of createFramer()(samples)) {
    const f = features(frame);
    if (vad.isSpeech(frame)) rows.push(f.cepstra);
  }
  vad.close();
  const speechSeconds = rows.length * FRAME_SECONDS;
  if (speechSeconds < ENROLMENT_SPEECH_SECONDS_AT_LEAST) return { model: null, speechSeconds, problem: 'too-little-speech' };
  const data = new Float64Array(rows.length * FEATURE_DIMS);
  rows.forEach((r, i) => data.set(r, i * FEATURE_DIMS));
  return { model: fitVoiceModel({ data, count: rows.length, dims: FEATURE_DIMS }), speechSeconds, problem: null };
}

/** The talk share from decisions: the organizer's seconds of speech over everyone's. */
export function talkShare(decisions: readonly BlockDecision[]): { organizerSeconds: number; otherSeconds: number; share: number } {
  let organizerSeconds = 0;
  let otherSeconds = 0;
  for (const d of decisions) {
    if (d.speaker === 'organizer') organizerSeconds += d.speechSeconds;
    if (d.speaker === 'other') otherSeconds += d.speechSeconds;
  }
  const total = organizerSeconds + otherSeconds;
  return { organizerSeconds, otherSeconds, share: total === 0 ? 0 : organizerSeconds / total };
}
