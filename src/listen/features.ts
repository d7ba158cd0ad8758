import MeydaModule from 'meyda';
import { FRAME_SAMPLES, SAMPLE_RATE } from './frames.js';

/** MFCCs every 10 ms over a 32 ms window (Meyda), without c0 so the model follows the voice and not its loudness. */
// Meyda's CommonJS build exports its object itself, while its types describe an ES module with a default export.
const Meyda = MeydaModule as unknown as typeof MeydaModule.default;

export const WINDOW_SAMPLES = 512;
export const CEPSTRA = 13;
export const FEATURE_DIMS = CEPSTRA - 1;

export interface FrameFeatures {
  readonly cepstra: Float64Array;
  /** The frame's level in dB below full scale (0 is the loudest a 16-bit sample can be). */
  readonly levelDb: number;
}

export function createFeatures(): (frame: Int16Array) => FrameFeatures {
  const window = new Float32Array(WINDOW_SAMPLES);
  return (frame) => {
    window.copyWithin(0, FRAME_SAMPLES);
    let energy = 0;
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const v = frame[i]! / 32768;
      window[WINDOW_SAMPLES - FRAME_SAMPLES + i] = v;
      energy += v * v;
    }
    configureMeyda();
    const mfcc = Meyda.extract('mfcc', window) as unknown as number[];
    return { cepstra: Float64Array.from(mfcc.slice(1, CEPSTRA)), levelDb: 10 * Math.log10(energy / FRAME_SAMPLES + 1e-10) };
  };
}

/** Meyda keeps its settings on one shared object; they are set before every use so nothing else can change them. */
function configureMeyda(): void {
  Meyda.sampleRate = SAMPLE_RATE;
  Meyda.bufferSize = WINDOW_SAMPLES;
  Meyda.numberOfMFCCCoefficients = CEPSTRA;
  Meyda.melBands = 26;
  Meyda.windowingFunction = 'hamming';
}
