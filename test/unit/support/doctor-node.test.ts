import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atLeast, NODE_NEEDED } from '../../../src/commands/doctor.js';

describe('the Node version doctor asks for', () => {
  it("is package.json's engines.node", () => {
    const { engines } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe(`>=${NODE_NEEDED}`);
  });

  it('compares versions part by part, as numbers', () => {
    expect(atLeast('20.19.0', '20.19')).toBe(true);
    expect(atLeast('20.20.2', '20.19')).toBe(true);
    expect(atLeast('22.1.0', '20.19')).toBe(true);
    expect(atLeast('20.18.9', '20.19')).toBe(false);
    expect(atLeast('20.9.0', '20.19')).toBe(false);
    expect(atLeast('18.20.0', '20.19')).toBe(false);
  });
});
