import { SAMPLE_RATE } from './frames.js';

/** A WAV file's samples: 16-bit PCM, any rate and channel count, read from its bytes (the caller reads the file). */
export interface WavSamples {
  readonly sampleRate: number;
  readonly channels: number;
  /** Interleaved when there is more than one channel. */
  readonly samples: Int16Array;
}

export class WavError extends Error {}

export function parseWav(bytes: Uint8Array): WavSamples {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') throw new WavError('not a WAV file');
  let at = 12;
  let format: { sampleRate: number; channels: number } | null = null;
  while (at + 8 <= bytes.length) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      const encoding = view.getUint16(body, true);
      const bits = view.getUint16(body + 14, true);
      if ((encoding !== 1 && encoding !== 0xfffe) || bits !== 16) throw new WavError('only 16-bit PCM WAV files can be read');
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true) };
    }
    if (id === 'data') {
      if (!format) throw new WavError('the WAV file has no format before its samples');
      // A streamed WAV says its data runs on "forever"; take what the file holds.
      const end = Math.min(bytes.length, body + size);
      const copy = bytes.slice(body, body + ((end - body) & ~1));
      return { ...format, samples: new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2) };
    }
    at = body + size + (size & 1);
  }
  throw new WavError('the WAV file has no samples');
}

/** What the listener takes: refuses anything but 16 kHz mono rather than guessing a conversion. */
export function listenerSamples(wav: WavSamples): Int16Array {
  if (wav.sampleRate !== SAMPLE_RATE || wav.channels !== 1) {
    throw new WavError(`the recording is ${wav.sampleRate} Hz with ${wav.channels} channel(s); listening needs 16000 Hz mono`);
  }
  return wav.samples;
}

export function wavBytes(samples: Int16Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const write = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
  write(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  bytes.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.length * 2), 44);
  return bytes;
}
