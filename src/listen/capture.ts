import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SAMPLE_RATE } from './frames.js';

/**
 * The only part of listening that touches the device: a subprocess of `arecord` (ALSA) or `sox` that writes 16 kHz
 * mono 16-bit samples to a pipe, read in memory and handed on. Nothing is written to disk.
 */
export type CaptureProgram = 'arecord' | 'sox';

export interface CaptureCommand {
  readonly program: CaptureProgram;
  readonly path: string;
  readonly args: readonly string[];
}

/** Why capture cannot start or stopped; the command layer words it (this module keeps only the facts). */
export class CaptureError extends Error {
  constructor(
    readonly code: 'no-capture-program' | 'capture-failed',
    message: string,
    /** What to install, for `no-capture-program`. */
    readonly install: readonly string[] = [],
  ) {
    super(message);
  }
}

const ARGS: Record<CaptureProgram, readonly string[]> = {
  arecord: ['-q', '-f', 'S16_LE', '-r', String(SAMPLE_RATE), '-c', '1', '-t', 'raw'],
  sox: ['-q', '-d', '-t', 'raw', '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-L', '-'],
};

function onPath(program: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** The first capture program found on PATH, arecord before sox; null when there is neither. */
export function findCaptureCommand(path = process.env.PATH ?? ''): CaptureCommand | null {
  for (const program of ['arecord', 'sox'] as const) {
    const found = onPath(program, path);
    if (found) return { program, path: found, args: ARGS[program] };
  }
  return null;
}

export interface Capture {
  readonly program: CaptureProgram;
  /** Samples as they arrive, in chunks of any length; ends when capture stops, throws CaptureError if it fails. */
  chunks(): AsyncGenerator<Int16Array>;
  stop(): void;
}

export function startCapture(env: NodeJS.ProcessEnv = process.env): Capture {
  const command = findCaptureCommand(env.PATH ?? '');
  if (!command) {
    throw new CaptureError('no-capture-program', 'neither arecord nor sox was found on PATH', ['alsa-utils (arecord)', 'sox']);
  }
  const { program } = command;
  const child = spawn(command.path, command.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped = false;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new CaptureError('capture-failed', `${program} could not start: ${e.message}`)));
    child.on('close', (code) => resolve(code));
  });
  // Read by chunks() when the pipe ends; until then a failure to start must not go unhandled.
  exited.catch(() => undefined);

  async function* chunks(): AsyncGenerator<Int16Array> {
    let odd: number | null = null;
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      // A pipe can split a sample between two reads: its first byte waits for the next read.
      const bytes: Buffer = odd === null ? data : Buffer.concat([Buffer.from([odd]), data]);
      const even = bytes.length & ~1;
      odd = even < bytes.length ? bytes[even]! : null;
      const copy = new Int16Array(even / 2);
      for (let i = 0; i < copy.length; i++) copy[i] = bytes.readInt16LE(i * 2);
      if (copy.length > 0) yield copy;
    }
    const code = await exited;
    if (!stopped && code !== 0) {
      const last = stderr.trim().split('\n').pop() ?? '';
      throw new CaptureError('capture-failed', `${program} stopped (exit ${code})${last ? `: ${last}` : ''}`);
    }
  }

  return {
    program,
    chunks,
    stop() {
      stopped = true;
      child.kill('SIGTERM');
    },
  };
}
