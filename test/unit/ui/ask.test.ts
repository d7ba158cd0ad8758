import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { plainAsker } from '../../../src/ui/ask.js';

function plainTerminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let said = '';
  output.on('data', (chunk) => (said += String(chunk)));
  return { asker: plainAsker(input, output), type: (line: string) => input.write(`${line}\n`), said: () => said };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('plain questions (no redraw)', () => {
  test('numbers the choices and takes a number, or Enter for the default', async () => {
    const { asker, type, said } = plainTerminal();
    const answer = asker.select('What is this meeting for?', [
      { name: 'recruitment', value: 'recruitment' },
      { name: 'maintenance', value: 'maintenance' },
    ], 'maintenance');
    await tick();
    expect(said()).toContain('  2. maintenance');
    expect(said()).toContain('Number [2]: ');
    type('1');
    expect(await answer).toBe('recruitment');
  });

  test('asks again with the reason when an answer is refused', async () => {
    const { asker, type, said } = plainTerminal();
    const answer = asker.text('By when?', { validate: (text) => (text === 'soon' ? 'not a date I can read' : true) });
    await tick();
    type('soon');
    await tick();
    expect(said()).toContain('not a date I can read');
    type('friday 5pm');
    expect(await answer).toBe('friday 5pm');
  });

  test('keeps every item unless its number is typed', async () => {
    const { asker, type } = plainTerminal();
    const kept = asker.keep('Your quick notes', [
      { name: 'value: family', value: 1 },
      { name: 'issue: repairs', value: 2 },
      { name: 'note: late', value: 3 },
    ]);
    await tick();
    type('3');
    expect(await kept).toEqual([1, 2]);
  });

  test('rejects like a Ctrl-C when the input closes, so a draft is reported as saved', async () => {
    const input = new PassThrough();
    const asker = plainAsker(input, new PassThrough());
    const answer = asker.text('The ask:');
    input.end();
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
