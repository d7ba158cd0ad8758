import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import ESpeakNg from 'espeak-ng';
import { parseWav } from '../../../src/listen/wav.js';

/**
 * Banks of utterances by one voice, 16 kHz mono floats, trimmed of silence at both ends: synthetic voices from
 * espeak-ng (in WebAssembly, from npm) and recorded actors' voices from Debian's fillets-ng-data-cs/-nl (the two fish
 * of the game Fish Fillets, and its other characters for babble). Each bank is cached as raw samples.
 */
export const RATE = 16_000;
export const CACHE = join(new URL('../../../', import.meta.url).pathname, 'node_modules', '.cache', 'oneonone-listen');
export const FILLETS = '/usr/share/games/fillets-ng/sound';

export type Utterance = Float32Array;

export function filletsInstalled(language: 'cs' | 'nl'): boolean {
  return existsSync(FILLETS) && readdirSync(FILLETS).some((level) => existsSync(join(FILLETS, level, language)));
}

function cached(name: string, make: () => Promise<Utterance[]>): Promise<Utterance[]> {
  const file = join(CACHE, `bank-${name}.f32`);
  if (existsSync(file)) return Promise.resolve(splitBank(readFileSync(file)));
  return make().then((bank) => {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, joinBank(bank));
    return bank;
  });
}

/** A bank on disk: for each utterance its length then its samples, all float32. */
function joinBank(bank: Utterance[]): Uint8Array {
  const total = bank.reduce((n, u) => n + 1 + u.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const u of bank) {
    all[at++] = u.length;
    all.set(u, at);
    at += u.length;
  }
  return new Uint8Array(all.buffer);
}

function splitBank(bytes: Buffer): Utterance[] {
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const bank: Utterance[] = [];
  for (let at = 0; at < all.length; ) {
    const n = all[at++]!;
    bank.push(all.slice(at, at + n));
    at += n;
  }
  return bank;
}

/** Windowed-sinc resampling (a Blackman window, cut below the lower Nyquist), one table of taps per phase. */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return input;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(from, to);
  const up = to / g;
  const down = from / g;
  const cutoff = Math.min(1, to / from) * 0.95;
  const half = 12;
  const reach = Math.ceil(half / cutoff);
  const taps = 2 * reach;
  const table = new Float32Array(up * taps);
  for (let phase = 0; phase < up; phase++) {
    for (let k = 0; k < taps; k++) {
      const x = (k - reach + 1 - phase / up) * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = Math.abs(x) < half ? 0.42 + 0.5 * Math.cos((Math.PI * x) / half) + 0.08 * Math.cos((2 * Math.PI * x) / half) : 0;
      table[phase * taps + k] = sinc * w * cutoff;
    }
  }
  const out = new Float32Array(Math.floor((input.length * up) / down));
  for (let i = 0; i < out.length; i++) {
    const n = i * down;
    const base = Math.floor(n / up) - reach + 1;
    const row = (n % up) * taps;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const j = base + k;
      if (j >= 0 && j < input.length) sum += input[j]! * table[row + k]!;
    }
    out[i] = sum;
  }
  return out;
}

/** Cuts a recording at pauses of at least `pauseSeconds`, dropping the quiet; keeps pieces of at least 0.4 s. */
export function splitAtPauses(samples: Float32Array, pauseSeconds: number, quiet = 0.003): Utterance[] {
  const hop = RATE / 100;
  const pieces: Utterance[] = [];
  let start = -1;
  let lastLoud = -1;
  for (let f = 0; f * hop < samples.length; f++) {
    let energy = 0;
    for (let i = f * hop; i < Math.min(samples.length, (f + 1) * hop); i++) energy += samples[i]! ** 2;
    const loud = Math.sqrt(energy / hop) > quiet;
    if (loud) {
      if (start < 0) start = f;
      lastLoud = f;
    } else if (start >= 0 && (f - lastLoud) / 100 >= pauseSeconds) {
      pieces.push(samples.slice(start * hop, (lastLoud + 1) * hop));
      start = -1;
    }
  }
  if (start >= 0) pieces.push(samples.slice(start * hop, (lastLoud + 1) * hop));
  return pieces.filter((p) => p.length >= 0.4 * RATE);
}

function int16ToFloat(s: Int16Array): Float32Array {
  return Float32Array.from(s, (v) => v / 32768);
}

/** One espeak-ng run per voice: every sentence with a long break between, then cut at the breaks. */
export function espeakVoice(voice: string, sentences: readonly string[], speed = 165): Promise<Utterance[]> {
  const name = `espeak-${voice}-${speed}-${sentences.length}-${sentences.join(' ').length}`.replace(/[^a-z0-9.+-]/gi, '_');
  return cached(name, async () => {
    const ssml = sentences.join('<break time="1500ms"/> ');
    const espeak = await ESpeakNg({ arguments: ['-m', '-v', voice, '-s', String(speed), '-w', 'out.wav', ssml] });
    const wav = parseWav(espeak.FS.readFile('out.wav'));
    return splitAtPauses(resample(int16ToFloat(wav.samples), wav.sampleRate, RATE), 1.0);
  });
}

/** The files of one fillets character in one language: `m` the small fish, `v` the big fish, others for babble. */
export function filletsFiles(language: 'cs' | 'nl', character: (name: string) => boolean): string[] {
  const files: string[] = [];
  for (const level of readdirSync(FILLETS).sort()) {
    const dir = join(FILLETS, level, language);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const parts = file.replace(/\.ogg$/, '').split('-');
      if (file.endsWith('.ogg') && character(parts[1] ?? '')) files.push(join(dir, file));
    }
  }
  return files;
}

export function filletsVoice(language: 'cs' | 'nl', character: 'm' | 'v' | 'others', limitSeconds = 600): Promise<Utterance[]> {
  return cached(`fillets-${language}-${character}-${limitSeconds}`, async () => {
    const pick = character === 'others' ? (c: string) => c !== 'm' && c !== 'v' && c !== '' : (c: string) => c === character;
    const decoder = new OggVorbisDecoder();
    await decoder.ready;
    const bank: Utterance[] = [];
    let seconds = 0;
    for (const file of filletsFiles(language, pick)) {
      if (seconds >= limitSeconds) break;
      const decoded = await decoder.decodeFile(readFileSync(file));
      await decoder.reset();
      const mono = decoded.channelData[0];
      if (!mono || decoded.samplesDecoded === 0) continue;
      for (const piece of splitAtPauses(resample(mono, decoded.sampleRate, RATE), 0.6, 0.004)) {
        bank.push(piece);
        seconds += piece.length / RATE;
      }
    }
    decoder.free();
    return bank;
  });
}
