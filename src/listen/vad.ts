import createFvad from '@echogarden/fvad-wasm';
import { FRAME_SAMPLES, SAMPLE_RATE } from './frames.js';

/** Voice activity by the WebRTC detector (libfvad in WebAssembly), one 10 ms frame at a time. */
export interface VoiceActivity {
  isSpeech(frame: Int16Array): boolean;
  close(): void;
}

/** 0 (quality) to 3 (very aggressive: fewer non-speech frames called speech, which is what a noisy room needs). */
export type VadMode = 0 | 1 | 2 | 3;

export async function createVoiceActivity(mode: VadMode = 2): Promise<VoiceActivity> {
  const vad = await createFvad();
  const instance = vad._fvad_new();
  if (vad._fvad_set_mode(instance, mode) !== 0 || vad._fvad_set_sample_rate(instance, SAMPLE_RATE) !== 0) {
    throw new Error('the voice activity detector refused its settings');
  }
  const pointer = vad._malloc(FRAME_SAMPLES * 2);
  return {
    isSpeech(frame) {
      // The heap can be replaced when the module's memory grows, so it is looked up on every frame.
      vad.HEAP16.set(frame, pointer >> 1);
      return vad._fvad_process(instance, pointer, FRAME_SAMPLES) === 1;
    },
    close() {
      vad._free(pointer);
      vad._fvad_free(instance);
    },
  };
}
