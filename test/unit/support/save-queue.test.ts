import { describe, expect, it } from 'vitest';
import { saveQueue } from '../../../src/support/save-queue.js';

/** A save that takes a turn of the event loop and records itself when it lands. */
function recorder() {
  const landed: string[] = [];
  const save = (name: string) => () => new Promise<void>((resolve) => setTimeout(() => resolve(void landed.push(name)), 1));
  return { landed, save };
}

describe('the live meeting save queue', () => {
  it('saves one at a time in order, and a newer clock save replaces one still waiting', async () => {
    const { landed, save } = recorder();
    const queue = saveQueue();
    queue.latest(save('tick 1'));
    queue.latest(save('tick 2'));
    queue.latest(save('tick 3'));
    queue.always(save('note'));
    await queue.flush();
    expect(landed).toEqual(['tick 1', 'note', 'tick 3']);
  });

  it('close saves the last progress, and nothing asked for after it runs', async () => {
    const { landed, save } = recorder();
    const queue = saveQueue();
    queue.latest(save('tick 1'));
    queue.latest(save('tick 2'));
    await queue.close(save('final'));
    queue.latest(save('late tick'));
    queue.always(save('late note'));
    await queue.flush();
    expect(landed).toEqual(['tick 1', 'final']);
  });

  it('never loses a note, even when saves are slower than the clock', async () => {
    const { landed, save } = recorder();
    const queue = saveQueue();
    for (let i = 0; i < 5; i++) {
      queue.always(save(`note ${i}`));
      queue.latest(save(`tick ${i}`));
    }
    await queue.close();
    expect(landed.filter((name) => name.startsWith('note'))).toEqual(['note 0', 'note 1', 'note 2', 'note 3', 'note 4']);
    expect(landed.at(-1)).toBe('tick 4');
  });

  it('reports the first save that failed when flushed, after running the rest', async () => {
    const { landed, save } = recorder();
    const queue = saveQueue();
    queue.always(() => Promise.reject(new Error('disk is full')));
    queue.always(save('after'));
    await expect(queue.flush()).rejects.toThrow('disk is full');
    expect(landed).toEqual(['after']);
  });

  it('closes at once when nothing was ever asked for', async () => {
    await expect(saveQueue().close()).resolves.toBeUndefined();
  });
});
