/**
 * The live meeting's saves, one at a time and in order: the clock's progress is latest-wins (a newer save replaces
 * one still waiting, so a slow disk never makes the screen wait or the saves pile up); notes are each saved.
 * `close` saves what it is given last and refuses anything after it, so nothing lands after the final save.
 */
export interface SaveQueue {
  latest(save: () => Promise<unknown>): void;
  always(save: () => Promise<unknown>): void;
  /** Waits for every save asked for so far; rejects with the first save that failed. */
  flush(): Promise<void>;
  /** One last save (latest-wins over a waiting one), then no more. */
  close(last?: () => Promise<unknown>): Promise<void>;
}

export function saveQueue(): SaveQueue {
  const ordered: (() => Promise<unknown>)[] = [];
  let waiting: (() => Promise<unknown>) | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let failure: { error: unknown } | undefined;

  const drain = async () => {
    for (let save = next(); save; save = next()) {
      try {
        await save();
      } catch (error) {
        failure ??= { error };
      }
    }
    running = undefined;
  };
  const next = () => {
    if (ordered.length > 0) return ordered.shift();
    const save = waiting;
    waiting = undefined;
    return save;
  };
  // Only with something to save: drain then always awaits before it ends, so `running` is set before it is cleared.
  const start = () => {
    if (!running && (ordered.length > 0 || waiting)) running = drain();
  };
  const flush = async () => {
    while (running) await running;
    if (failure) throw failure.error;
  };

  return {
    latest(save) {
      if (closed) return;
      waiting = save;
      start();
    },
    always(save) {
      if (closed) return;
      ordered.push(save);
      start();
    },
    flush,
    async close(last) {
      if (!closed && last) waiting = last;
      closed = true;
      start();
      await flush();
    },
  };
}
