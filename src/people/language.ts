import type { Language } from '../support/language.js';

/**
 * A language as a sheet writes it: its code, or its name in English or Spanish ("Spanish", "Español", "inglés"),
 * compared without case or accents. Undefined when the cell names none oneonone speaks.
 */
const LANGUAGE_WORDS: Readonly<Record<string, Language>> = {
  en: 'en', eng: 'en', english: 'en', ingles: 'en',
  es: 'es', spa: 'es', spanish: 'es', espanol: 'es', castellano: 'es',
};

/** Yes and no as a sheet writes them, in English or Spanish. */
const YES_NO_WORDS: Readonly<Record<string, boolean>> = {
  yes: true, y: true, true: true, 1: true, si: true, x: true,
  no: false, n: false, false: false, 0: false,
};

function cellKey(cell: string): string {
  return cell.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/[.!]$/, '');
}

export function readLanguage(cell: string): Language | undefined {
  return LANGUAGE_WORDS[cellKey(cell)];
}

export function readYesNo(cell: string): boolean | undefined {
  return YES_NO_WORDS[cellKey(cell)];
}
