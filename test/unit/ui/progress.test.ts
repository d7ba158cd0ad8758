import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/ui/progress.js';

describe('a progress line', () => {
  it('counts and gives the share', () => {
    expect(progressLine('Importing people', 1200, 5000, 500)).toBe('Importing people: 1,200 of 5,000 (24%)');
  });
  it('estimates what is left once a second has passed, from the pace so far', () => {
    expect(progressLine('Importing people', 1000, 5000, 3000)).toBe('Importing people: 1,000 of 5,000 (20%), about 12 s left');
    expect(progressLine('Exporting meetings', 100_000, 1_000_000, 20_000)).toBe('Exporting meetings: 100,000 of 1,000,000 (10%), about 3 min left');
  });
  it('makes no estimate from too little', () => {
    expect(progressLine('Checking rows', 5, 1000, 5000)).toBe('Checking rows: 5 of 1,000 (0%)');
    expect(progressLine('Checking rows', 0, 1000, 5000)).toBe('Checking rows: 0 of 1,000 (0%)');
  });
  it('without a whole, says only what it is doing', () => {
    expect(progressLine('Merging 1,201 records', 0, 0, 0)).toBe('Merging 1,201 records…');
  });
});
