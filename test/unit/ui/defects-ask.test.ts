import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { plainAsker } from '../../../src/ui/ask.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));
const listeners = (input: PassThrough) => ['data', 'end', 'error', 'close', 'readable'].map((event) => `${event}: ${input.listenerCount(event)}`);

describe('plain questions, one after another', () => {
  test('leave nothing listening on the input once answered, so a long debrief never warns of a leak', async () => {
    const input = new PassThrough();
    const asker = plainAsker(input, new PassThrough());
    const before = listeners(input);
    for (let question = 1; question <= 15; question++) {
      const answer = asker.text(`Question ${question}?`);
      await tick();
      input.write(`answer ${question}\n`);
      expect(await answer).toBe(`answer ${question}`);
      expect(listeners(input), `after question ${question}`).toEqual(before);
    }
  });

  test('also after a yes-or-no and a numbered choice', async () => {
    const input = new PassThrough();
    const asker = plainAsker(input, new PassThrough());
    const before = listeners(input);
    const confirmed = asker.confirm('Right?');
    await tick();
    input.write('y\n');
    expect(await confirmed).toBe(true);
    const picked = asker.select('Which?', [{ name: 'one', value: 1 }, { name: 'two', value: 2 }]);
    await tick();
    input.write('2\n');
    expect(await picked).toBe(2);
    expect(listeners(input)).toEqual(before);
  });
});
