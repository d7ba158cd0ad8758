import { progressWords } from '../messages/progress.js';

/**
 * Progress on long work, on stderr: counts, a share and an estimate of what is left, redrawn in place at most ten times
 * a second. Only on a terminal: in a pipe or a log it says nothing. Where the terminal cannot redraw (TERM=dumb, a
 * screen reader) it writes a plain line now and then instead.
 */
export interface Progress {
  /** `done` of the whole so far. */
  update(done: number): void;
  /** A new stage of the same work, with its own whole. */
  stage(label: string, total: number): void;
  /** Clears the line; what the command says next takes its place. */
  stop(): void;
}

const REDRAW_MS = 100;
const PLAIN_LINE_MS = 5000;
/** Before a second has passed, or a hundredth is done, an estimate is a guess. */
const ESTIMATE_AFTER_MS = 1000;

const SILENT: Progress = { update: () => {}, stage: () => {}, stop: () => {} };

export function progressOn(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true && (stream.columns ?? 0) > 0;
}

export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr, env = process.env): Progress {
  if (!progressOn(stream)) return SILENT;
  const redraws = env.TERM !== 'dumb';
  let [current, whole, done, began, drawnAt] = [label, total, 0, Date.now(), 0];
  let shown = false;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - drawnAt < (redraws ? REDRAW_MS : PLAIN_LINE_MS)) return;
    drawnAt = now;
    const line = progressLine(current, done, whole, now - began).slice(0, Math.max(1, (stream.columns ?? 80) - 1));
    stream.write(redraws ? `\r\x1b[2K${line}` : `${line}\n`);
    shown = true;
  };
  draw(true);
  return {
    update: (count) => {
      done = count;
      draw(false);
    },
    stage: (next, nextTotal) => {
      [current, whole, done, began] = [next, nextTotal, 0, Date.now()];
      draw(true);
    },
    stop: () => {
      if (shown && redraws) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** "Importing people: 1,200 of 5,000 (24%), about 12 s left". */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  if (total <= 0) return progressWords.started(label);
  const line = progressWords.counted(label, done, total, Math.min(100, Math.floor((done / total) * 100)));
  if (elapsedMs < ESTIMATE_AFTER_MS || done <= 0 || done * 100 < total || done >= total) return line;
  return progressWords.left(line, Math.round(((total - done) * elapsedMs) / done / 1000));
}
