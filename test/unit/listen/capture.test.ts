import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CaptureError, findCaptureCommand, startCapture } from '../../../src/listen/capture.js';
import { wavBytes } from '../../../src/listen/wav.js';

/** Fake capture programs on a PATH of their own: they write a WAV's samples to stdout, as arecord and sox would. */
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function fakeProgram(name: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-capture-'));
  folders.push(dir);
  const samples = Int16Array.from({ length: 16_001 }, (_, i) => Math.round(8000 * Math.sin(i / 7)));
  writeFileSync(join(dir, 'heard.wav'), wavBytes(samples));
  writeFileSync(join(dir, name), `#!/bin/sh\necho "$@" > "${dir}/args"\n${body.replaceAll('$DIR', dir)}\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

async function everything(dir: string): Promise<{ program: string; samples: Int16Array }> {
  const capture = startCapture({ PATH: dir });
  const parts: Int16Array[] = [];
  for await (const chunk of capture.chunks()) parts.push(chunk);
  const samples = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    samples.set(p, at);
    at += p.length;
  }
  return { program: capture.program, samples };
}

function expected(dir: string): Int16Array {
  const wav = readFileSync(join(dir, 'heard.wav'));
  return new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
}

describe('capture from a subprocess', () => {
  test('reads arecord\'s 16 kHz mono samples from its pipe, whole, even when a read splits a sample', async () => {
    // dd with an odd block size splits samples between reads.
    const dir = fakeProgram('arecord', '/usr/bin/tail -c +45 "$DIR/heard.wav" | /bin/dd bs=333 status=none');
    const heard = await everything(dir);
    expect(heard.program).toBe('arecord');
    expect(Array.from(heard.samples)).toEqual(Array.from(expected(dir)));
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe('-q -f S16_LE -r 16000 -c 1 -t raw');
  });

  test('falls back to sox when there is no arecord', async () => {
    const dir = fakeProgram('sox', '/usr/bin/tail -c +45 "$DIR/heard.wav"');
    const heard = await everything(dir);
    expect(heard.program).toBe('sox');
    expect(heard.samples.length).toBe(16_001);
    expect(readFileSync(join(dir, 'args'), 'utf8')).toContain('-d -t raw -r 16000 -c 1 -b 16 -e signed-integer');
  });

  test('names what to install when neither program is there', () => {
    const empty = mkdtempSync(join(tmpdir(), 'oneonone-capture-'));
    folders.push(empty);
    expect(findCaptureCommand(empty)).toBeNull();
    let error: unknown;
    try {
      startCapture({ PATH: empty });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect(error).toMatchObject({ code: 'no-capture-program', install: ['alsa-utils (arecord)', 'sox'] });
  });

  test('says the device failed, with the program\'s own last line, when capture stops on an error', async () => {
    const dir = fakeProgram('arecord', 'echo "arecord: main:831: audio open error: Device or resource busy" >&2\nexit 1');
    await expect(everything(dir)).rejects.toMatchObject({ code: 'capture-failed', message: expect.stringMatching(/exit 1\): .*Device or resource busy/) });
  });

  test('stops when asked, without calling that a failure', async () => {
    const dir = fakeProgram('arecord', 'while :; do /usr/bin/tail -c +45 "$DIR/heard.wav"; done');
    const capture = startCapture({ PATH: dir });
    let samples = 0;
    for await (const chunk of capture.chunks()) {
      samples += chunk.length;
      if (samples > 50_000) capture.stop();
    }
    expect(samples).toBeGreaterThan(50_000);
  });
});
