import { describe, expect, it } from 'vitest';
import { sensitiveTermsIn } from '../../../src/meeting/sensitive.js';

describe('sensitive terms', () => {
  it('finds immigration status in English and Spanish, whatever the accents and case, naming the longest term', () => {
    expect(sensitiveTermsIn('She is UNDOCUMENTED and scared')).toEqual(['undocumented']);
    expect(sensitiveTermsIn('dice que está sin papeles')).toEqual(['sin papeles']);
    expect(sensitiveTermsIn('tiene miedo de la migra')).toEqual(['la migra']);
    expect(sensitiveTermsIn('su hermano fue deportado; miedo a la deportacion')).toEqual(['deportación', 'deportado']);
    expect(sensitiveTermsIn('her visa ran out, and ICE came by')).toEqual(['visa', 'ICE']);
  });

  it('leaves words that only contain a term, and ice in a sentence, alone', () => {
    expect(sensitiveTermsIn('she advised on the visual plan, ice cream after')).toEqual([]);
    expect(sensitiveTermsIn('the papers for the lease are signed')).toEqual([]);
    expect(sensitiveTermsIn('her kids safety')).toEqual([]);
  });

  it('takes a team\'s own list', () => {
    expect(sensitiveTermsIn('works at the acme plant', ['Acme'])).toEqual(['Acme']);
    expect(sensitiveTermsIn('works at the Acme plant', ['ACME'])).toEqual([]);
    expect(sensitiveTermsIn('works at the ACME plant', ['ACME'])).toEqual(['ACME']);
    expect(sensitiveTermsIn('parole officer', ['parole'])).toEqual(['parole']);
  });
});
