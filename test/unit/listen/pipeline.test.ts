import { describe, expect, test } from 'vitest';
import { createFramer, FRAME_SAMPLES } from '../../../src/listen/frames.js';
import { createListener, enrolVoice, talkShare, type BlockDecision } from '../../../src/listen/pipeline.js';
import { listenerSamples, parseWav, wavBytes, WavError } from '../../../src/listen/wav.js';

/** A buzzing vowel-like sound: a pitch and its harmonics, so the voice detector takes it for speech. */
function voiced(seconds: number, pitch: number): Int16Array {
  return Int16Array.from({ length: seconds * 16_000 }, (_, i) => {
    let v = 0;
    for (let h = 1; h <= 12; h++) v += Math.sin((2 * Math.PI * pitch * h * i) / 16_000) / h;
    const syllable = 0.5 + 0.5 * Math.sin((2 * Math.PI * 4 * i) / 16_000);
    return Math.round(v * syllable * 3000);
  });
}

describe('the pipeline', () => {
  test('cuts chunks of any length into whole 10 ms frames, keeping the rest for the next chunk', () => {
    const framer = createFramer();
    expect(framer(new Int16Array(250))).toHaveLength(1);
    expect(framer(new Int16Array(70))).toHaveLength(1);
    expect(framer(new Int16Array(FRAME_SAMPLES - 1))).toHaveLength(0);
  });

  test('refuses an enrolment with too little speech, and names why', async () => {
    const enrolment = await enrolVoice(new Int16Array(16_000 * 20));
    expect(enrolment).toMatchObject({ model: null, problem: 'too-little-speech' });
  });

  test('decides every half second, in order, with numbers only (no samples leave the pipeline)', async () => {
    const enrolment = await enrolVoice(voiced(30, 120));
    expect(enrolment.problem).toBeNull();
    const listener = await createListener(enrolment.model!);
    const decisions: BlockDecision[] = [];
    const meeting = [voiced(6, 120), new Int16Array(16_000 * 2), voiced(10, 230)];
    for (const part of meeting) for (let at = 0; at < part.length; at += 1234) decisions.push(...listener.hear(part.subarray(at, at + 1234)));
    decisions.push(...listener.finish());
    expect(decisions.map((d) => d.block)).toEqual(Array.from({ length: 36 }, (_, i) => i));
    expect(decisions.slice(13, 15).every((d) => d.speaker === 'silence')).toBe(true);
    expect(decisions.slice(1, 11).every((d) => d.speaker === 'organizer')).toBe(true);
    const share = talkShare(decisions);
    expect(share.share).toBeGreaterThan(0.2);
    expect(share.share).toBeLessThan(0.6);
    for (const d of decisions) for (const value of Object.values(d)) expect(['number', 'string', 'object']).toContain(typeof value);
    expect(JSON.stringify(decisions).length / decisions.length).toBeLessThan(300);
  });
});

describe('WAV files', () => {
  test('round-trip 16 kHz mono samples, and refuse what the listener cannot take', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768]);
    expect(Array.from(listenerSamples(parseWav(wavBytes(samples))))).toEqual(Array.from(samples));
    expect(() => listenerSamples(parseWav(wavBytes(samples, 44_100)))).toThrow(/44100 Hz .* 16000 Hz mono/);
    expect(() => parseWav(new TextEncoder().encode('not a wav at all'))).toThrow(WavError);
  });
});
